"""The form renderer of the form-heavy pages (the assessment entry, the plan builder).

Django's own Jinja2 form renderer draws the same widget HTML as the default template
renderer at about a sixth of its cost (docs/performance.md). It finds only Django's
Jinja2 widget templates, so it is set per form (`default_renderer`), not project-wide:
other forms, the admin's among them, use widgets with only a Django-template version.
"""

from django import forms
from django.forms.renderers import Jinja2

FAST_WIDGETS = Jinja2()


class InlineSelect(forms.Select):
    """A drop-down whose options are written in its own template (clinic/jinja2/clinic/
    widgets/select.html) rather than one included template per option: the same HTML.
    The entry page's 90-odd drop-downs hold about 1,000 options. Only for forms with the
    FAST_WIDGETS renderer, which finds the template in the app's jinja2 folder."""

    template_name = "clinic/widgets/select.html"


class InlineTextInput(forms.TextInput):
    """A text box drawn by one template (clinic/jinja2/clinic/widgets/input.html) rather
    than Django's three (text, input, attributes): the same HTML. The entry page has about
    170 of them (numbers are typed as text: assessments/number_field.py). Only for forms
    with the FAST_WIDGETS renderer."""

    template_name = "clinic/widgets/input.html"


class InlineNumberInput(forms.NumberInput):
    """A number box drawn by the same one template as InlineTextInput: the plan builder's
    dose fields."""

    template_name = "clinic/widgets/input.html"

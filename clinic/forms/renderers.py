"""The form renderer of the form-heavy pages (the assessment entry, the plan builder).

Django's own Jinja2 form renderer draws the same widget HTML as the default template
renderer at about a sixth of its cost (docs/performance.md). It finds only Django's
Jinja2 widget templates, so it is set per form (`default_renderer`), not project-wide:
other forms, the admin's among them, use widgets with only a Django-template version.
"""

from django.forms.renderers import Jinja2

FAST_WIDGETS = Jinja2()

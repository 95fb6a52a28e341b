"""The Jinja2 environment of the project's Jinja2 template engine (settings TEMPLATES).

Used only where Django's template language is too slow for the page's size: the
assessment grid's rows (assessments/templatetags/assessment_grid.py) and the plan
builder's form and preview (plans/templatetags/plan_items.py). Undefined names raise, so a
misspelt variable fails a test instead of printing nothing. Added: the Django filters
those templates use, crispy-forms' field layout, and `url()` for {% url %}.
"""

from typing import Any

from crispy_forms.templatetags.crispy_forms_filters import as_crispy_field
from django.template.defaultfilters import capfirst, floatformat
from django.urls import reverse
from jinja2 import Environment, StrictUndefined


def url(name: str, *args: Any) -> str:
    """Django's {% url name arg ... %}."""
    return reverse(name, args=args)


def environment(**options: Any) -> Environment:
    options.pop("autoescape", None)  # Django's backend passes True; always True here
    options["undefined"] = StrictUndefined
    env = Environment(autoescape=True, **options)
    env.filters.update(capfirst=capfirst, floatformat=floatformat, as_crispy_field=as_crispy_field)
    env.globals["url"] = url
    return env

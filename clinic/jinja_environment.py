"""The Jinja2 environment of the project's Jinja2 template engine (settings TEMPLATES).

Used only where Django's template language is too slow for the page's size: the
assessment grid's rows (assessments/templatetags/assessment_grid.py) and the plan builder's
item cards (plans/templatetags/plan_items.py). Undefined names
raise, so a misspelt variable fails a test instead of printing nothing; the two Django
filters the rows use are added.
"""

from typing import Any

from django.template.defaultfilters import capfirst, floatformat
from jinja2 import Environment, StrictUndefined


def environment(**options: Any) -> Environment:
    options.pop("autoescape", None)  # Django's backend passes True; always True here
    options["undefined"] = StrictUndefined
    env = Environment(autoescape=True, **options)
    env.filters.update(capfirst=capfirst, floatformat=floatformat)
    return env

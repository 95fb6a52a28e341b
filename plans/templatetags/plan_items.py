"""The plan builder's item cards, rendered with Jinja2 from the Django page templates.

Each card holds a dozen widgets, buttons and the item's reasons; through Django's template
language the cards were most of the builder's rendering (docs/performance.md, "The plan
builder"). As for the assessment grid (assessments/templatetags/assessment_grid.py), the
templates are in templates/jinja2/plans/ and the project's Jinja2 engine (settings
TEMPLATES, clinic/jinja_environment.py) escapes everything it prints, so what it returns
is safe HTML.
"""

from collections.abc import Sequence
from typing import Any

from django import template
from django.template import engines
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


def _render(name: str, context: dict[str, Any]) -> SafeString:
    html = engines["jinja2"].get_template(name).render(context)
    return mark_safe(html)  # noqa: S308 - Jinja2 with autoescape made it (see above)


@register.simple_tag
def plan_item_cards(rows: Sequence[tuple[Any, Any]], blocked: bool) -> SafeString:
    """The draft's items, each with its form's fields, in the order given."""
    return _render("plans/item_cards.html", {"rows": rows, "blocked": blocked})


@register.simple_tag
def plan_issued_items(items: Sequence[Any]) -> SafeString:
    """An issued version's items: name, reasons and dose, read only."""
    return _render("plans/issued_items.html", {"items": items})

"""The plan builder's form and handout preview, rendered with Jinja2 from its Django page.

The form holds a card per item with a dozen widgets, buttons and reasons each; through
Django's template language it was most of the builder's rendering (docs/performance.md,
"The plan builder"). As for the assessment grid (assessments/templatetags/
assessment_grid.py), the templates are in templates/jinja2/plans/ and the project's
Jinja2 engine (settings TEMPLATES, clinic/jinja_environment.py) escapes everything it
prints, so what it returns is safe HTML.
"""

from collections.abc import Sequence
from typing import Any

from django import template
from django.http import HttpRequest
from django.template import engines
from django.template.context import Context
from django.utils.safestring import SafeString, mark_safe

from plans.library.picture_urls import content_figure_src

register = template.Library()

# What the builder's view puts in its context for the form (plans/views.py _context).
_EDITOR = ("version", "client", "editor", "rows", "suggestions", "query", "results",
           "in_plan", "previous_message")  # fmt: skip
_PREVIEW = ("version", "suggestions", "focus", "exercises", "advice")


def _render(name: str, context: dict[str, Any], request: HttpRequest | None = None) -> SafeString:
    html = engines["jinja2"].get_template(name).render(context, request)
    return mark_safe(html)  # noqa: S308 - Jinja2 with autoescape made it (see above)


@register.simple_tag(takes_context=True)
def plan_editor(context: Context) -> SafeString:
    """The draft's one form: its items, the library search, the message and issuing.

    `refused` (a contraindicated entry the therapist tried to add) is there only when set.
    """
    names = {name: context[name] for name in _EDITOR}
    names["refused"] = context.get("refused")
    return _render("plans/editor.html", names, getattr(context, "request", None))


@register.simple_tag(takes_context=True)
def plan_preview(context: Context) -> SafeString:
    """The handout as the client will read it, beside the builder."""
    names = {name: context[name] for name in _PREVIEW}
    return _render("plans/program.html", {**names, "figure_src": content_figure_src})


@register.simple_tag
def plan_issued_items(items: Sequence[Any]) -> SafeString:
    """An issued version's items: name, reasons and dose, read only."""
    return _render("plans/issued_items.html", {"items": items})

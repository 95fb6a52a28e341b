"""The assessment grid's rows, rendered with Jinja2 from the Django page templates.

The entry page shows every catalogue item's fields (150-odd cells); through Django's
template language the rows were most of the page's time, with Jinja2 (compiled to Python)
a fraction of it (docs/performance.md, "The assessment entry page"). The templates are in
templates/jinja2/assessments/; the engine is the project's Jinja2 backend (settings
TEMPLATES, `clinic/jinja_environment.py`), which escapes everything it prints, so what it
returns is safe HTML.
"""

from typing import Any

from django import template
from django.template import engines
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


def _render(name: str, context: dict[str, Any]) -> SafeString:
    html = engines["jinja2"].get_template(name).render(context)
    return mark_safe(html)  # noqa: S308 - Jinja2 with autoescape made it (see above)


@register.simple_tag(takes_context=True)
def assessment_rows(context: template.Context, sv: Any) -> SafeString:
    """One section's table: fields when the page is `editing`, recorded values otherwise."""
    return _render(
        "assessments/rows.html", {"sv": sv, "editing": bool(context.get("editing")), "oob": False}
    )


@register.simple_tag
def assessment_norms(sections: Any) -> SafeString:
    """The live preview's out-of-band reference blocks and norm marks, for every item."""
    return _render("assessments/norms_oob.html", {"sections": sections, "oob": True})

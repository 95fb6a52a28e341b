"""The read-only body chart: two small figures and the list of marks (the words are what
assistive technology reads; the figures are hidden from it)."""

from collections.abc import Sequence
from typing import Any

from django import template

from assessments.body_chart.figures import figures
from assessments.body_chart.regions import Mark

register = template.Library()


@register.inclusion_tag("assessments/_body_chart_view.html")
def body_chart(marks: Sequence[Mark], heading: str = "Body chart") -> dict[str, Any]:
    return {"figures": figures(marks), "marks": marks, "heading": heading}

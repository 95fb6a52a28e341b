"""The entry page's chart: the figures to click and the rows of the region list."""

from collections.abc import Sequence
from dataclasses import dataclass

from django import forms

from assessments.body_chart.figures import Figure, figures
from assessments.body_chart.form import intensity_name, type_name
from assessments.body_chart.regions import PAIN_TYPES, REGIONS, Mark


@dataclass(frozen=True)
class Row:
    code: str
    label: str
    pain_type: forms.BoundField
    intensity: forms.BoundField
    carried: bool


@dataclass(frozen=True)
class ChartEntry:
    figures: tuple[Figure, ...]
    rows: tuple[Row, ...]
    pain_types: tuple[tuple[str, str], ...] = PAIN_TYPES


def chart_entry(form: forms.Form, saved: Sequence[Mark], shown: Sequence[Mark]) -> ChartEntry:
    """The figures (shaded by `shown`: what is typed, else saved) and a row per region
    that has fields in `form`, marked "carried over" while its saved mark is."""
    carried = {mark.region for mark in saved if mark.carried}
    marked: list[str] = getattr(form, "chart_regions", [])
    rows = tuple(
        Row(
            code,
            REGIONS[code].label,
            form[type_name(code)],
            form[intensity_name(code)],
            code in carried,
        )
        for code in marked
    )
    return ChartEntry(figures(shown, listed=marked), rows)

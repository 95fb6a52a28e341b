"""The body chart's part of the assessment form: a row per marked region plus one "add" row.

Only marked regions get fields (two each) and the add row three, so an empty chart adds
three widgets to the entry page (its render time is a benchmark: docs/performance.md). A
posted `chart_<region>_type` makes that region's row, which is how the page's script adds
rows for regions clicked on the figure (static/js/body-chart.js); without the script, the
add row marks one region per save. A row whose pain type is set to blank removes its mark.
"""

from collections.abc import Mapping, Sequence
from typing import Any

from django import forms

from assessments.body_chart.regions import (
    INTENSITY_MAX,
    INTENSITY_MIN,
    PAIN_TYPES,
    REGIONS,
    Mark,
)
from clinic.forms.messages import literal
from clinic.forms.renderers import InlineSelect

ADD_REGION, ADD_TYPE, ADD_INTENSITY = "chart_add_region", "chart_add_type", "chart_add_intensity"
REMOVE = "— remove mark"


def type_name(region: str) -> str:
    return f"chart_{region}_type"


def intensity_name(region: str) -> str:
    return f"chart_{region}_intensity"


def chart_initial(marks: Sequence[Mark]) -> dict[str, Any]:
    """Form initial data for the stored marks."""
    initial: dict[str, Any] = {}
    for mark in marks:
        initial[type_name(mark.region)] = mark.pain_type
        initial[intensity_name(mark.region)] = mark.intensity
    return initial


def _type_field(label: str, empty: str) -> forms.ChoiceField:
    field = forms.ChoiceField(
        label=label,
        required=False,
        choices=[("", empty), *PAIN_TYPES],
        widget=InlineSelect(attrs={"class": "form-select form-select-sm"}),
        error_messages={"invalid_choice": literal(f"{label}: choose one of the pain types.")},
    )
    return field


def _intensity_field(label: str, where: str) -> forms.IntegerField:
    message = literal(f"{where}: the intensity is a whole number from 0 to 10.")
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=INTENSITY_MIN,
        max_value=INTENSITY_MAX,
        widget=forms.NumberInput(attrs={"class": "form-control form-control-sm", "step": 1}),
        error_messages={"invalid": message, "min_value": message, "max_value": message},
    )


def marked_regions(data: Mapping[str, Any]) -> list[str]:
    """The regions that have a row, in the chart's order: those named in `data`."""
    return [code for code in REGIONS if type_name(code) in data]


def chart_fields(marked: Sequence[str]) -> dict[str, forms.Field]:
    """The fields of the rows for `marked` regions and of the add row."""
    fields: dict[str, forms.Field] = {}
    for code in marked:
        label = REGIONS[code].label
        fields[type_name(code)] = _type_field(f"{label}: pain type", REMOVE)
        fields[intensity_name(code)] = _intensity_field(f"{label}: intensity 0-10", label)
        fields[intensity_name(code)].widget.attrs["placeholder"] = "0-10"
    unmarked = [(code, region.label) for code, region in REGIONS.items() if code not in marked]
    fields[ADD_REGION] = forms.ChoiceField(
        label="Mark a region",
        required=False,
        choices=[("", "— choose a region"), *unmarked],
        widget=InlineSelect(attrs={"class": "form-select form-select-sm"}),
        error_messages={"invalid_choice": literal("Choose a region from the list.")},
    )
    fields[ADD_TYPE] = _type_field("Pain type", "— choose")
    fields[ADD_INTENSITY] = _intensity_field("Intensity 0-10", "New mark")
    return fields


def chart_clean(form: forms.Form, marked: Sequence[str]) -> tuple[Mark, ...] | None:
    """The chart as posted (after field cleaning), errors added at their fields; None when
    the post holds no chart at all (a client that never showed it: leave it unchanged)."""
    if ADD_REGION not in form.data:
        return None
    data = form.cleaned_data
    marks = []
    for code in marked:
        pain_type, intensity = data.get(type_name(code)), data.get(intensity_name(code))
        if not pain_type:
            continue  # blank type: the mark is removed
        if intensity_name(code) in form.errors:
            continue
        # Blank is allowed here only for a mark carried over and not asked about yet; the
        # page checks that against the saved chart (chart_blank_problems).
        marks.append(Mark(code, pain_type, intensity))
    region = data.get(ADD_REGION)
    pain_type, intensity = data.get(ADD_TYPE), data.get(ADD_INTENSITY)
    if region:
        label = REGIONS[region].label
        if not pain_type and ADD_TYPE not in form.errors:
            form.add_error(ADD_TYPE, f"{label}: choose a pain type.")
        if intensity is None and ADD_INTENSITY not in form.errors:
            form.add_error(ADD_INTENSITY, f"{label}: give the intensity, 0 to 10.")
        if pain_type and intensity is not None:
            marks.append(Mark(region, pain_type, intensity))
    elif pain_type or intensity is not None:
        form.add_error(ADD_REGION, "Choose the region this pain type and intensity are for.")
    return tuple(marks)


def chart_blank_problems(marks: Sequence[Mark], saved: Sequence[Mark]) -> dict[str, str]:
    """The intensity fields left blank where no carried-over mark (of that pain type) waits
    for today's intensity: field name -> message."""
    waiting = {(mark.region, mark.pain_type) for mark in saved if mark.carried}
    return {
        intensity_name(mark.region): f"{REGIONS[mark.region].label}: give the intensity, 0 to 10."
        for mark in marks
        if mark.intensity is None and (mark.region, mark.pain_type) not in waiting
    }


def is_chart_field(name: str) -> bool:
    return name.startswith("chart_")

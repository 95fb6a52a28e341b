"""The assessment form, built from the catalogue: one field per item and side.

Numbers get the catalogue's bounds with a message naming the item, side and unit, so a
bad value is explained next to its field and every other typed value is kept.
"""

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from django import forms
from django.forms.models import fields_for_model
from django.utils import timezone

from assessments.body_chart.form import (
    chart_clean,
    chart_fields,
    chart_initial,
    is_chart_field,
    marked_regions,
)
from assessments.body_chart.regions import Mark
from assessments.catalogue.items import ITEMS, OXFORD, SECTION_OF, Item, Kind, Side
from assessments.models import Assessment
from assessments.number_field import CatalogueNumberField
from assessments.services import NARRATIVE_FIELDS
from assessments.validators import visit_date_not_future
from assessments.values import Key, Value
from clinic.forms.messages import literal
from clinic.forms.renderers import FAST_WIDGETS, InlineSelect, InlineTextInput
from clinic.text_limits import REASON, limit_help


def field_name(code: str, side: str) -> str:
    """The form field for an item and side: `hip_flexion__left`, or `pain_now`."""
    return f"{code}__{side}" if side else code


ITEM_FIELD_NAMES = frozenset(
    field_name(item.code, side) for item in ITEMS.values() for side in item.sides
)
# The blank answer starts with a dash, not a letter: typing "n" picks "No", "Negative" or
# "Normal" and never clears an answer (the browser searches options by first letters).
NOT_TESTED = "— not tested"
NOT_RECORDED = {
    "red_flags": "— not asked",
    "subjective": "— not asked",
    "outcomes": "— not answered",
}


def side_label(side: str) -> str:
    return {Side.LEFT: "left", Side.RIGHT: "right"}.get(Side(side), "")


def _label(item: Item, side: str) -> str:
    return f"{item.label} ({side_label(side)})" if side else item.label


def _bound(number: float | None, item: Item) -> str:
    text = f"{number:g}" if number is not None else ""
    return f"{text}{item.unit}" if item.unit in {"°", "%"} else f"{text} {item.unit}".strip()


def _number_field(item: Item, side: str) -> CatalogueNumberField:
    where = _label(item, side)
    low, high = _bound(item.minimum, item), _bound(item.maximum, item)
    places = "place" if item.decimals == 1 else "places"
    return CatalogueNumberField(
        label=where,
        required=False,
        minimum=Decimal(str(item.minimum)),
        maximum=Decimal(str(item.maximum)),
        decimals=item.decimals,
        # literal(): a unit or label may hold "%" (the ODI total is in %).
        error_messages={
            "invalid": literal(f"{where}: enter a number."),
            "min_value": literal(f"{where} must be between {low} and {high}."),
            "max_value": literal(f"{where} must be between {low} and {high}."),
            "max_decimal_places": literal(
                f"{where}: whole numbers only."
                if item.decimals == 0
                else f"{where}: at most {item.decimals} decimal {places}."
            ),
        },
    )


def _choice_field(item: Item, side: str, current: object = None) -> forms.ChoiceField:
    empty = NOT_RECORDED.get(SECTION_OF[item.code].code, NOT_TESTED)
    # A retired code is offered only to the record that holds it, so saving keeps it.
    offered = [pair for pair in item.choices if pair[0] not in item.retired or pair[0] == current]
    field = forms.ChoiceField(
        label=_label(item, side),
        required=False,
        choices=[("", empty), *offered],
        widget=InlineSelect,
        error_messages={
            "invalid_choice": literal(f"{_label(item, side)}: choose one of the options.")
        },
    )
    if item.choices == OXFORD:
        # static/js/select-keys.js: typed characters pick the grade whose code they spell.
        field.widget.attrs["data-typed"] = "code"
    return field


def _text_field(item: Item, side: str) -> forms.CharField:
    return forms.CharField(
        label=_label(item, side),
        required=False,
        max_length=item.max_length,
        widget=InlineTextInput,
    )


def _measurement_field(item: Item, side: str, current: object = None) -> forms.Field:
    if item.kind is Kind.NUMBER:
        return _number_field(item, side)
    if item.kind is Kind.CHOICE:
        return _choice_field(item, side, current)
    return _text_field(item, side)


def initial_from(assessment: Assessment) -> dict[str, Any]:
    """Form initial data from a saved assessment (measurements and marks prefetched)."""
    initial: dict[str, Any] = {name: getattr(assessment, name) for name in NARRATIVE_FIELDS}
    for row in assessment.measurements.all():
        item = ITEMS.get(row.item)
        if item is None:
            continue
        value = row.stored
        if isinstance(value, Decimal):
            # The database keeps two decimal places; show 10, not 10.00.
            value = value.quantize(Decimal(1).scaleb(-item.decimals))
        initial[field_name(row.item, row.side)] = value
    initial.update(chart_initial([row.as_mark() for row in assessment.chart_marks.all()]))
    initial["version"] = assessment.version
    return initial


class AssessmentForm(forms.Form):
    """Narrative fields plus every catalogue item; blank means not tested / not asked."""

    default_renderer = FAST_WIDGETS  # 235 widgets on one page (70 of them palpation)

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    confirm_carried = forms.BooleanField(
        required=False, label="I have checked the values carried over from the last visit"
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        narrative = fields_for_model(Assessment, fields=NARRATIVE_FIELDS)
        narrative["visit_date"].widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
        # The model's rule, checked here so the message sits by the field.
        narrative["visit_date"].validators.append(visit_date_not_future)
        for name in ("presenting_complaint", "goals", "notes", "treatment_today"):
            narrative[name].widget.attrs["rows"] = 2
        self.fields.update(narrative)
        for item in ITEMS.values():
            for side in item.sides:
                name = field_name(item.code, side)
                current = self.data.get(name) if self.is_bound else self.initial.get(name)
                field = _measurement_field(item, side, current)
                css = "form-select" if item.kind is Kind.CHOICE else "form-control"
                field.widget.attrs["class"] = f"{css} form-control-sm"
                self.fields[name] = field
        # The body chart: a row per marked region (docs/assessment.md "Body chart").
        self.chart_regions = marked_regions(self.data if self.is_bound else self.initial)
        self.fields.update(chart_fields(self.chart_regions))
        self.chart: tuple[Mark, ...] | None = None

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        self.chart = chart_clean(self, self.chart_regions)
        return cleaned or {}

    def body_chart(self) -> tuple[Mark, ...] | None:
        """The posted chart's valid marks; None when the post held no chart."""
        return self.chart

    def full_clean(self) -> None:
        super().full_clean()
        for name in list(self.errors):
            self._mark_invalid(name)

    def _mark_invalid(self, name: str) -> None:
        if name in self.fields and (name in ITEM_FIELD_NAMES or is_chart_field(name)):
            attrs = self.fields[name].widget.attrs
            if "is-invalid" not in attrs.get("class", ""):
                attrs["class"] = f"{attrs.get('class', '')} is-invalid".strip()
            attrs["aria-invalid"] = "true"
            attrs["aria-describedby"] = f"id_{name}-error"

    def values(self) -> dict[Key, Value | None]:
        """Cleaned values of the measurement fields that validated (blank is None)."""
        result: dict[Key, Value | None] = {}
        for item in ITEMS.values():
            for side in item.sides:
                name = field_name(item.code, side)
                if name in self.cleaned_data:
                    value = self.cleaned_data[name]
                    result[(item.code, side)] = None if value in (None, "") else value
        return result

    def narrative(self) -> dict[str, Any]:
        return {
            name: self.cleaned_data[name] for name in NARRATIVE_FIELDS if name in self.cleaned_data
        }

    def add_item_errors(self, problems: Mapping[Key, str]) -> None:
        for (code, side), message in problems.items():
            name = field_name(code, side)
            if name in self.cleaned_data:
                self.add_error(name, message)
                self._mark_invalid(name)

    def add_chart_errors(self, problems: Mapping[str, str]) -> None:
        for name, message in problems.items():
            self.add_error(name, message)
            self._mark_invalid(name)

    def bound(self, code: str, side: str) -> forms.BoundField:
        return self[field_name(code, side)]

    def error_fields(self) -> Iterable[str]:
        return [name for name in self.errors if name != "__all__"]


class AmendForm(AssessmentForm):
    reason = forms.CharField(
        label="Reason for the amendment",
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Kept with the amendment, together with every original value. "
        + limit_help(REASON),
        max_length=REASON,
    )


class StartVisitForm(forms.Form):
    visit_date = forms.DateField(
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        initial=timezone.localdate,
        validators=[visit_date_not_future],
    )
    copy_forward = forms.BooleanField(
        required=False,
        initial=True,
        label="Start from the last visit's values (marked as carried over until confirmed)",
    )
    # Offered only when the client has an open draft: unticked, a date that has one
    # continues it, so a double-submitted form never makes two drafts.
    another = forms.BooleanField(
        required=False,
        label="Start another visit for this date",
        help_text="Leave unticked to continue the open draft for that date.",
    )

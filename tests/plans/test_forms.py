"""The plan builder's item form asks only what applies to the item."""

import pytest

from plans.forms import PlanItemForm
from plans.library import Kind
from plans.models import PlanItem

DOSE = [
    "hold_seconds",
    "repetitions",
    "sets",
    "rest_seconds",
    "load",
    "duration_minutes",
    "times_per_day",
    "days_per_week",
]


@pytest.mark.parametrize(
    ("kind", "fields"),
    [
        (Kind.STRETCH, [*DOSE, "side", "note"]),
        (Kind.STRENGTHEN, [*DOSE, "side", "note"]),
        # Done in the clinic, not at home: no home dose; still on a side.
        (Kind.IN_CLINIC, ["side", "note"]),
        # No side; how long and how often only (a daily 20-minute walk).
        (Kind.ADVICE, ["duration_minutes", "times_per_day", "days_per_week", "note"]),
    ],
)
def test_plan_item_form_fields_by_kind(kind: str, fields: list[str]) -> None:
    assert list(PlanItemForm(instance=PlanItem(kind=kind)).fields) == fields


@pytest.mark.django_db
def test_plan_item_form_for_advice_changes_only_time_frequency_and_note() -> None:
    item = PlanItem(kind=Kind.ADVICE, side="none", repetitions=None)
    data = {"note": "Every hour", "repetitions": "99", "side": "left", "duration_minutes": "20"}
    form = PlanItemForm(data, instance=item)
    assert form.is_valid(), form.errors
    assert form.cleaned_data == {
        "duration_minutes": 20,
        "times_per_day": None,
        "days_per_week": None,
        "note": "Every hour",
    }


@pytest.mark.django_db
def test_plan_item_form_bounds_for_rest_duration_and_load() -> None:
    item = PlanItem(kind=Kind.STRENGTHEN, side="none")
    data = {"rest_seconds": "5", "duration_minutes": "300", "load": "x" * 41, "side": "none"}
    form = PlanItemForm(data, instance=item)
    assert not form.is_valid()
    assert set(form.errors) == {"rest_seconds", "duration_minutes", "load"}

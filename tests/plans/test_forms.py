"""The plan builder's item form asks only what applies to the item."""

import pytest

from plans.forms import PlanItemForm
from plans.library import Kind
from plans.models import PlanItem

DOSE = ["hold_seconds", "repetitions", "sets", "times_per_day", "days_per_week"]


@pytest.mark.parametrize(
    ("kind", "fields"),
    [
        (Kind.STRETCH, [*DOSE, "side", "note"]),
        (Kind.STRENGTHEN, [*DOSE, "side", "note"]),
        # Done in the clinic, not at home: no home dose; still on a side.
        (Kind.IN_CLINIC, ["side", "note"]),
        # Neither a dose nor a side.
        (Kind.ADVICE, ["note"]),
    ],
)
def test_plan_item_form_fields_by_kind(kind: str, fields: list[str]) -> None:
    assert list(PlanItemForm(instance=PlanItem(kind=kind)).fields) == fields


def test_plan_item_form_for_advice_changes_only_the_note() -> None:
    item = PlanItem(kind=Kind.ADVICE, side="none", repetitions=None)
    form = PlanItemForm({"note": "Every hour", "repetitions": "99", "side": "left"}, instance=item)
    assert form.is_valid(), form.errors
    assert form.cleaned_data == {"note": "Every hour"}

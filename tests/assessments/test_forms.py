from dataclasses import replace

import pytest
from django.core.exceptions import ValidationError

from assessments.catalogue.items import ITEMS, Item, Kind
from assessments.forms import _measurement_field

SHARE = Item("body_fat", "Body fat %", Kind.NUMBER, unit="%", minimum=2, maximum=60, decimals=1)
# A real item's code (the form looks up its section), relabelled.
SPLIT = replace(ITEMS["agg_sitting"], label="Sitting (% of the day) aggravates")


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("abc", "Body fat %: enter a number."),
        ("Infinity", "Body fat %: enter a number."),
        ("61", "Body fat % must be between 2% and 60%."),
        ("-1", "Body fat % must be between 2% and 60%."),
        ("2.25", "Body fat %: at most 1 decimal place."),
    ],
)
def test_number_field_with_percent_in_label_and_unit_explains_bad_value(
    typed: str, message: str
) -> None:
    with pytest.raises(ValidationError) as raised:
        _measurement_field(SHARE, "").clean(typed)
    assert raised.value.messages == [message]


def test_choice_field_with_percent_in_label_explains_bad_choice() -> None:
    with pytest.raises(ValidationError) as raised:
        _measurement_field(SPLIT, "").clean("often")
    assert raised.value.messages == [
        "Sitting (% of the day) aggravates: choose one of the options."
    ]

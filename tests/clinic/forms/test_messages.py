import pytest
from django import forms
from django.core.exceptions import ValidationError

from clinic.forms.messages import literal

MESSAGES = {
    "invalid": literal("Body fat %: enter a number."),
    "min_value": literal("Body fat % must be between 2% and 60%."),
    "max_value": literal("Body fat % must be between 2% and 60%."),
    "max_decimal_places": literal("Body fat %: at most 1 decimal place."),
}


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("abc", "invalid"),  # raised without params: Django leaves the message alone
        ("NaN", "invalid"),  # raised with params: Django %-formats the message
        ("1", "min_value"),
        ("60.5", "max_value"),
        ("12.25", "max_decimal_places"),
    ],
)
def test_literal_message_reads_as_written_with_or_without_params(typed: str, code: str) -> None:
    field = forms.DecimalField(
        min_value=2, max_value=60, decimal_places=1, error_messages=MESSAGES
    )
    with pytest.raises(ValidationError) as raised:
        field.clean(typed)
    assert (raised.value.messages, raised.value.error_list[0].code) == ([MESSAGES[code]], code)


def test_literal_message_is_plain_text_once_shown() -> None:
    form_class = type("F", (forms.Form,), {"share": forms.DecimalField(error_messages=MESSAGES)})
    form = form_class({"share": "NaN"})
    assert form.errors == {"share": ["Body fat %: enter a number."]}
    assert [type(message) for message in form.errors["share"]] == [str]

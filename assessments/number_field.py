"""Numbers as the therapist types them: read strictly, so a slip is an error, never a guess.

`read_number` (no Django) is the reading; `CatalogueNumberField` the form field built on it.
static/js/number-check.js repeats both for the live check: keep the three in step.

Accepted: ASCII digits with an optional sign and one decimal separator, with
digits on both sides of it ("7", "-5", "7.5", "7,5"). Refused as not a number: letters
("7o", "12a"), exponents ("1e2"), digit group marks ("1_000", "1 000"), other scripts'
digits, a separator with nothing on one side ("7.", ".5": half-typed, so not guessed at).

A decimal comma is read as a decimal point only when that reading is the only one: one or
two digits after it ("7,5" is 7.5). Three digits after a comma ("1,500") could be a
thousands separator (1500) or a decimal comma (1.5) and is refused, as is any comma with
more digits. Trailing zeros after the separator are not decimal places that matter ("7.0"
is 7 on a whole-number item): the value is the same whichever way it is read.

The field is a plain text input (not type=number, whose browsers drop letters or send a
blank), so the server sees exactly what was typed and shows it back with the message. One
message at a time, in the order the live check uses: not a number, too many decimal places,
outside the plausible range. The bounds and the messages ride on the input as data-
attributes, so the live check says exactly what the server would.
"""

import re
from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from clinic.forms.renderers import InlineTextInput

# re.ASCII: \d would also match other scripts' digits; [0-9] says what is meant.
_NUMBER = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+|,[0-9]{1,2})?", re.ASCII)


class NotANumber(ValueError):
    """The text is not a number this reader accepts (the message is the caller's)."""


def read_number(text: str) -> Decimal | None:
    """The number typed, None for blank (spaces around it are ignored); NotANumber if not."""
    stripped = text.strip()
    if not stripped:
        return None
    if _NUMBER.fullmatch(stripped) is None:
        raise NotANumber(stripped)
    return Decimal(stripped.replace(",", "."))


def decimal_places(number: Decimal) -> int:
    """Decimal places that carry a digit: 7.50 has 1, 7.0 and 70 have 0."""
    if number == 0:
        return 0
    exponent = number.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def _plain(number: Decimal) -> str:
    """-30, 7.5: no exponent, no trailing zeros (for a data- attribute)."""
    text = f"{number:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


class CatalogueNumberField(forms.Field):
    """A number between `minimum` and `maximum` with at most `decimals` places, or blank.

    error_messages: "invalid" (not a number), "min_value" and "max_value" (outside the
    range; the form gives both the same text), "max_decimal_places".
    """

    widget = InlineTextInput
    default_error_messages = {
        "invalid": "Enter a number.",
        "min_value": "The value is outside the range.",
        "max_value": "The value is outside the range.",
        "max_decimal_places": "Too many decimal places.",
    }

    def __init__(
        self, *, minimum: Decimal, maximum: Decimal, decimals: int, **kwargs: Any
    ) -> None:
        self.minimum, self.maximum, self.decimals = minimum, maximum, decimals
        super().__init__(**kwargs)
        self.widget.attrs.update(
            {
                # The iPhone's decimal keypad has no minus key: an item that can be
                # negative (hip extension) keeps the full keyboard.
                "inputmode": "decimal" if minimum >= 0 else "text",
                "autocomplete": "off",
                "spellcheck": "false",
                "data-min": _plain(minimum),
                "data-max": _plain(maximum),
                "data-decimals": str(decimals),
                "data-msg-invalid": str(self.error_messages["invalid"]),
                "data-msg-range": str(self.error_messages["max_value"]),
                "data-msg-places": str(self.error_messages["max_decimal_places"]),
            }
        )

    def to_python(self, value: Any) -> Decimal | None:
        if value is None:
            return None
        try:
            return read_number(str(value))
        except NotANumber:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None

    def validate(self, value: Any) -> None:
        super().validate(value)
        if value is None:
            return
        # Places before range: with few places a browser's float compares with the bounds
        # exactly, so the live check and the server always give the same message.
        if decimal_places(value) > self.decimals:
            raise ValidationError(
                self.error_messages["max_decimal_places"], code="max_decimal_places"
            )
        if value < self.minimum:
            raise ValidationError(self.error_messages["min_value"], code="min_value")
        if value > self.maximum:
            raise ValidationError(self.error_messages["max_value"], code="max_value")

"""Reading a posted id or version number."""

import pytest

from clinic.http import whole_number

ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


@pytest.mark.parametrize(
    ("raw", "number"),
    [
        ("42", 42),
        ("007", 7),
        ("9" * 18, int("9" * 18)),
        ("9" * 19, None),  # more than a 64-bit id holds
        ("42".translate(ARABIC_INDIC), None),  # int() reads it as 42: another row
        ("²", None),
        ("-1", None),
        (" 4", None),
        ("", None),
        (None, None),
    ],
)
def test_whole_number_takes_ascii_digits_only(raw: str | None, number: int | None) -> None:
    assert whole_number(raw) == number

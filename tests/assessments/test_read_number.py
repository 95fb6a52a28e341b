"""Reading a typed number strictly (assessments/number_field.py): no guessing at slips."""

from decimal import Decimal

import pytest

from assessments.number_field import NotANumber, decimal_places, read_number


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ("7", Decimal(7)),
        (" 7 ", Decimal(7)),
        ("007", Decimal(7)),
        ("-5", Decimal(-5)),
        ("+5", Decimal(5)),
        ("7.5", Decimal("7.5")),
        ("7,5", Decimal("7.5")),  # a decimal comma with one digit after it: only one reading
        ("7,25", Decimal("7.25")),
        ("-0,5", Decimal("-0.5")),
        ("1500", Decimal(1500)),
    ],
)
def test_read_number_accepts_plain_numbers(typed: str, number: Decimal) -> None:
    assert read_number(typed) == number


@pytest.mark.parametrize("typed", ["", "   ", "\t"])
def test_read_number_blank_is_none(typed: str) -> None:
    assert read_number(typed) is None


@pytest.mark.parametrize(
    "typed",
    [
        "7o",  # letter o for zero: once saved as 7
        "12a",  # once saved as 12
        "abc",  # once saved as blank
        "o7",
        "1e2",
        "1E2",
        "1_000",
        "1 000",
        "1,500",  # thousands or 1.5: not guessed
        "7,2500",
        "1.2.3",
        "7,5,0",
        "7.",
        ".5",
        ",5",
        "--5",
        "+-5",
        "- 5",
        "NaN",
        "Infinity",
        "0x10",
        "٣",  # Arabic-Indic three: a digit to Python's Decimal, not to the therapist's keypad
        "\N{FULLWIDTH DIGIT SEVEN}",
        "½",
        "7°",
    ],
)
def test_read_number_refuses_what_is_not_a_plain_number(typed: str) -> None:
    with pytest.raises(NotANumber):
        read_number(typed)


@pytest.mark.parametrize(
    ("number", "places"),
    [
        (Decimal("7.50"), 1),
        (Decimal("7.0"), 0),
        (Decimal("70"), 0),
        (Decimal("0"), 0),
        (Decimal("0.00"), 0),
        (Decimal("-0.5"), 1),
        (Decimal("7.25"), 2),
    ],
)
def test_decimal_places_counts_digits_that_carry_a_value(number: Decimal, places: int) -> None:
    assert decimal_places(number) == places

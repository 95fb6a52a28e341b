"""Number helpers shared by the outcome scores: exact decimals, rounding half up, display.

Rounding is half up (Decimal) to one decimal place, so 12.25 shows as 12.3 and a band or a
risk group never depends on binary floating point.
"""

from decimal import ROUND_HALF_UP, Decimal

from assessments.values import AssessmentValues

_TENTH = Decimal("0.1")


def decimal(values: AssessmentValues, code: str) -> Decimal | None:
    """An unsided number item as an exact Decimal; None when not recorded."""
    number = values.number(code)
    return None if number is None else Decimal(str(number))


def round1(number: Decimal) -> float:
    return float(number.quantize(_TENTH, rounding=ROUND_HALF_UP))


def fmt(number: Decimal | float) -> str:
    """8.0 -> '8', 22.2 -> '22.2'."""
    return f"{float(number):g}"

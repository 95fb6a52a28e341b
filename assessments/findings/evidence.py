"""What a finding rule returns (Evidence), the severity bands, and the small helpers the
rules share: signs recorded yes or positive, angles beyond a cut-off by more than the
measurement error (assessments/findings/rules.py says how the bands are chosen). Pure."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from assessments.catalogue.items import ITEMS
from assessments.values import AssessmentValues

MILD, MODERATE, MARKED = "mild", "moderate", "marked"
SEVERITIES = (MILD, MODERATE, MARKED)
SIDES = ("left", "right")


@dataclass(frozen=True)
class Evidence:
    """One sign behind a finding; side '' means the item is not sided."""

    what: str  # the sign in clinical words, shared by both sides: "SLR below 80°"
    side: str  # "left" | "right" | "both" | ""
    severity: str  # MILD | MODERATE | MARKED; a red flag's referral level (red_flags.py)
    detail: str = ""  # the measured value: "72°"
    # Degrees beyond the cut-off, for an angle (None otherwise): compares the two sides
    # against measurement error (findings.core "worse side").
    amount: float | None = None


Cutoffs = Mapping[str, float]
Rule = Callable[[AssessmentValues, Cutoffs], list[Evidence]]


def band(excess: float, unit: float) -> str:
    """Mild up to one unit beyond the cut-off, moderate up to two, marked beyond."""
    if excess <= unit:
        return MILD
    return MODERATE if excess <= 2 * unit else MARKED


def beyond_error(excess: float, error: float) -> str | None:
    """The band of an angle `excess` degrees past its cut-off; None within measurement error."""
    if excess <= error:
        return None
    return band(excess - error, error)


def deg(number: float) -> str:
    return f"{number:g}°"


def scale_top(code: str) -> float:
    """The top of an item's scale, from the catalogue (e.g. Active SLR 0-5 per side)."""
    return float(ITEMS[code].maximum or 0)


def error_of(cutoffs: Cutoffs) -> float:
    return cutoffs["side_difference_deg"]


def signs(values: AssessmentValues, code: str, wanted: str, what: str) -> list[Evidence]:
    """A sided yes/positive observation, once per side where it was recorded as `wanted`."""
    return [
        Evidence(what, side, MODERATE) for side in SIDES if values.choice(code, side) == wanted
    ]


def sign(values: AssessmentValues, code: str, wanted: str, what: str) -> list[Evidence]:
    return [Evidence(what, "", MODERATE)] if values.choice(code) == wanted else []


def above(
    values: AssessmentValues, code: str, cut: float, what: str, err: float
) -> list[Evidence]:
    found = []
    for side in SIDES:
        value = values.number(code, side)
        severity = None if value is None else beyond_error(value - cut, err)
        if value is not None and severity is not None:
            found.append(Evidence(what, side, severity, deg(value), value - cut))
    return found

"""Oswestry Disability Index: the percent from the sections, or the total typed from the form.

Scoring (docs/clinical.md "Outcome measures"; Fairbank and Pynsent 2000): each of the 10
sections scores 0-5; the index is the sum over the sections answered divided by 5 x the
number answered, x 100 (with all 10 answered, the sum x 2). A section may be left out (the
sex-life section often is): the percent is scaled to the sections answered, and at least
`ODI_MIN_ANSWERED` (8, so at most 2 missing: our limit) must be. With fewer there is no
score from the sections.

The total typed from the clinic's form ("ODI total (from your form)") is the fallback for
visits whose sections were not entered: older visits and imported files. Whenever the
sections give a score, that is the score; a typed total must then agree with it (within
`ODI_TOTAL_TOLERANCE`, checked by `outcomes.checks`).

Band boundaries: docs/clinical.md gives 0-20, 20-40, 40-60, 60-80, 80-100, which share their
end points; a boundary value belongs to the LOWER band (20 is minimal, 20.1 is moderate),
applied to the percent as shown (rounded to one decimal).
"""

from dataclasses import dataclass
from decimal import Decimal

from assessments.outcomes.numbers import decimal, round1
from assessments.values import AssessmentValues

# docs/clinical.md "Outcome measures": ODI has 10 sections scored 0-5.
ODI_SECTIONS = tuple(range(1, 11))
ODI_SECTION_MAX = 5
# At most 2 sections missing: our limit (docs/clinical.md "Outcome measures"); the source gives
# the rule for a missing section but no limit.
ODI_MIN_ANSWERED = 8
# docs/clinical.md "Outcome measures": ODI bands, upper end inclusive (see module docstring).
ODI_BANDS = (
    (20, "minimal"),
    (40, "moderate"),
    (60, "severe"),
    (80, "crippled"),
    (100, "bed-bound"),
)
SECTIONS, TOTAL = "sections", "total"


@dataclass(frozen=True)
class OdiResult:
    """An Oswestry score; answered is 0 when it is the total typed from the form."""

    percent: float
    answered: int
    source: str  # SECTIONS | TOTAL
    band: str


def odi_band(percent: float) -> str:
    """The docs/clinical.md band for an ODI percent; a boundary value is in the lower band."""
    for upper, band in ODI_BANDS:
        if percent <= upper:
            return band
    return ODI_BANDS[-1][1]


def odi_answered(values: AssessmentValues) -> int:
    """How many of the 10 sections have a score."""
    return sum(values.number(f"odi_section_{n}") is not None for n in ODI_SECTIONS)


def odi_exact(values: AssessmentValues) -> tuple[Decimal, int] | None:
    """The unrounded percent from the sections and how many were answered; None when fewer
    than ODI_MIN_ANSWERED were."""
    scores = [decimal(values, f"odi_section_{n}") for n in ODI_SECTIONS]
    entered = [score for score in scores if score is not None]
    if len(entered) < ODI_MIN_ANSWERED:
        return None
    percent = sum(entered, Decimal(0)) * 100 / (ODI_SECTION_MAX * len(entered))
    return percent, len(entered)


def odi(values: AssessmentValues) -> OdiResult | None:
    """From the sections when enough were answered, else the typed total; None if neither."""
    computed = odi_exact(values)
    if computed is not None:
        percent = round1(computed[0])
        return OdiResult(percent, computed[1], SECTIONS, odi_band(percent))
    total = decimal(values, "odi_percent")
    if total is None:
        return None
    percent = round1(total)
    return OdiResult(percent, 0, TOTAL, odi_band(percent))

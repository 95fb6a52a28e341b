"""Scoring of the outcome measures (docs/clinical.md, "Outcome measures").

Pure: no Django, no database. Scores are entered from the clinic's licensed forms; no
questionnaire wording lives here. Rounding is half up (Decimal), to one decimal place,
so 12.25 shows as 12.3 and a band never depends on binary floating point.

ODI band boundaries: docs/clinical.md gives 0-20, 20-40, 40-60, 60-80, 80-100, which share
their end points; a boundary value belongs to the LOWER band (20 is minimal, 20.1 is
moderate), applied to the percent as shown (rounded to one decimal).
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from assessments.values import AssessmentValues

# docs/clinical.md "Outcome measures": PSFS, up to 3 (or 5) activities; the catalogue has 5.
PSFS_ACTIVITIES = tuple(range(1, 6))
# docs/clinical.md "Outcome measures": ODI has 10 sections scored 0-5.
ODI_SECTIONS = tuple(range(1, 11))
ODI_SECTION_MAX = 5
# docs/clinical.md "Outcome measures": ODI bands, upper end inclusive (see module docstring).
ODI_BANDS = (
    (20, "minimal"),
    (40, "moderate"),
    (60, "severe"),
    (80, "crippled"),
    (100, "bed-bound"),
)
# An entered ODI total may differ from the sections by rounding on the paper form; more
# than 1 percentage point is reported (a tolerance for rounding, not a clinical value).
ODI_TOTAL_TOLERANCE = Decimal(1)
# docs/clinical.md "Outcome measures": STarT Back total <= 3 low risk; total >= 4 and distress
# subscale <= 3 medium; subscale >= 4 high.
STARTBACK_LOW_MAX = 3
STARTBACK_DISTRESS_HIGH_MIN = 4

_TENTH = Decimal("0.1")


def _decimal(values: AssessmentValues, code: str) -> Decimal | None:
    number = values.number(code)
    return None if number is None else Decimal(str(number))


def _round1(number: Decimal) -> float:
    return float(number.quantize(_TENTH, rounding=ROUND_HALF_UP))


def _fmt(number: Decimal | float) -> str:
    return f"{float(number):g}"


def psfs_mean(values: AssessmentValues) -> float | None:
    """The mean of the PSFS activity scores entered (each 0-10), to 1 decimal; else None."""
    scores = [_decimal(values, f"psfs_score_{n}") for n in PSFS_ACTIVITIES]
    entered = [score for score in scores if score is not None]
    if not entered:
        return None
    return _round1(sum(entered, Decimal(0)) / len(entered))


@dataclass(frozen=True)
class OdiResult:
    """An Oswestry score; answered is 0 when only the total from the form was entered."""

    percent: float
    answered: int
    source: str  # "sections" | "total"
    band: str


def odi_band(percent: float) -> str:
    """The docs/clinical.md band for an ODI percent; a boundary value is in the lower band."""
    for upper, band in ODI_BANDS:
        if percent <= upper:
            return band
    return ODI_BANDS[-1][1]


def _odi_from_sections(values: AssessmentValues) -> tuple[Decimal, int] | None:
    """Exact percent from the sections entered (sum / (5 x answered) x 100), and the count."""
    scores = [_decimal(values, f"odi_section_{n}") for n in ODI_SECTIONS]
    entered = [score for score in scores if score is not None]
    if not entered:
        return None
    # docs/clinical.md: with a missing section, sum / (5 x answered) x 100.
    percent = sum(entered, Decimal(0)) * 100 / (ODI_SECTION_MAX * len(entered))
    return percent, len(entered)


def odi(values: AssessmentValues) -> OdiResult | None:
    """From the sections when any were entered, else the entered total; None if neither."""
    computed = _odi_from_sections(values)
    if computed is not None:
        percent = _round1(computed[0])
        return OdiResult(percent, computed[1], "sections", odi_band(percent))
    total = _decimal(values, "odi_percent")
    if total is None:
        return None
    percent = _round1(total)
    return OdiResult(percent, 0, "total", odi_band(percent))


def startback_group(values: AssessmentValues) -> str | None:
    """'low', 'medium' or 'high' (docs/clinical.md); None if the entries cannot decide it.

    The distress items are part of the total, so distress >= 4 implies total >= 4 and is
    high even when the total was not entered; distress above total is inconsistent (None,
    reported by outcome_problems).
    """
    total = values.number("startback_total")
    distress = values.number("startback_distress")
    if total is not None and distress is not None and distress > total:
        return None
    if total is not None and total <= STARTBACK_LOW_MAX:
        return "low"
    if distress is None:
        return None
    if distress >= STARTBACK_DISTRESS_HIGH_MIN:
        return "high"
    return "medium" if total is not None else None


def outcome_problems(values: AssessmentValues) -> dict[tuple[str, str], str]:
    """Cross-field problems, keyed by the (item code, side) the message belongs next to."""
    problems: dict[tuple[str, str], str] = {}
    total = values.number("startback_total")
    distress = values.number("startback_distress")
    if total is not None and distress is not None and distress > total:
        problems[("startback_distress", "")] = (
            f"The STarT Back distress subscale ({_fmt(distress)}) cannot be higher than the "
            f"total ({_fmt(total)}), because its items are part of the total."
        )
    computed = _odi_from_sections(values)
    entered = _decimal(values, "odi_percent")
    if computed is not None and entered is not None:
        percent, answered = computed
        if abs(entered - percent) > ODI_TOTAL_TOLERANCE:
            scores = (
                "score entered, which gives" if answered == 1 else "scores entered, which give"
            )
            problems[("odi_percent", "")] = (
                f"The ODI total ({_fmt(entered)}%) does not match the {answered} section "
                f"{scores} {_fmt(_round1(percent))}%."
            )
    for n in PSFS_ACTIVITIES:
        if (
            values.number(f"psfs_score_{n}") is not None
            and not values.text(f"psfs_activity_{n}").strip()
        ):
            problems[(f"psfs_activity_{n}", "")] = f"Name the activity that PSFS score {n} is for."
    return problems

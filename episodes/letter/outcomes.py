"""Outcome measures at the first and latest visit of an episode, with the change and
whether it reaches the minimal clinically important difference (pure: no database).

The MCIDs are those of the visit comparison (assessments/compare/change.py, from
docs/clinical.md "Meaningful change"): NPRS 2 points or 30%, PSFS mean 2 points, ODI
10 points or 30%, Roland-Morris 5 points or 30%.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from assessments.compare.change import DIRECTION, HIGHER, Threshold
from assessments.outcomes import outcome_scores
from assessments.outcomes.numbers import fmt
from assessments.values import AssessmentValues

Reading = Callable[[AssessmentValues], float | None]


def _number(code: str) -> Reading:
    return lambda values: values.number(code)


def _psfs(values: AssessmentValues) -> float | None:
    return outcome_scores(values).psfs_mean


def _odi(values: AssessmentValues) -> float | None:
    result = outcome_scores(values).odi
    return None if result is None else result.percent


# (threshold key, measure in words, unit of a reading, unit of a change, reading)
MEASURES: tuple[tuple[str, str, str, str, Reading], ...] = (
    ("pain_now", "Pain now (NPRS 0-10)", "", "", _number("pain_now")),
    ("pain_worst_24h", "Worst pain in 24 hours (NPRS 0-10)", "", "", _number("pain_worst_24h")),
    ("psfs_mean", "Patient-Specific Functional Scale, mean (0-10)", "", "", _psfs),
    ("odi_score", "Oswestry Disability Index", "%", " points", _odi),
    (
        "rmdq_score",
        "Roland-Morris Disability Questionnaire (0-24)",
        "",
        " points",
        _number("rmdq_score"),
    ),
)


def rule_text(threshold: Threshold) -> str:
    """'2 points or 30%': the MCID in words (ODI points are percentage points)."""
    points = f"{fmt(threshold.points)} points"
    if threshold.relative is None:
        return points
    return f"{points} or {fmt(threshold.relative * 100)}%"


@dataclass(frozen=True)
class OutcomeRow:
    measure: str
    first: str
    latest: str
    change: str
    verdict: str


def _verdict(key: str, before: Decimal, change: Decimal, threshold: Threshold) -> str:
    rule = rule_text(threshold)
    if change == 0:
        return f"No change (MCID {rule})"
    if not threshold.met(before, change):
        return f"Change below the MCID ({rule})"
    better = (change > 0) == (DIRECTION[key] == HIGHER)
    return f"{'Improved' if better else 'Worse'}, reaching the MCID ({rule})"


def outcome_rows(
    first: AssessmentValues, latest: AssessmentValues, thresholds: Mapping[str, Threshold]
) -> list[OutcomeRow]:
    """One row per measure recorded at either visit; the change only when at both."""
    rows = []
    for key, measure, unit, change_unit, reading in MEASURES:
        before, after = reading(first), reading(latest)
        if before is None and after is None:
            continue
        shown = [("not recorded" if v is None else f"{fmt(v)}{unit}") for v in (before, after)]
        change = verdict = ""
        if before is not None and after is not None:
            difference = Decimal(str(after)) - Decimal(str(before))
            change = f"{'+' if difference > 0 else ''}{fmt(difference)}{change_unit}"
            verdict = _verdict(key, Decimal(str(before)), difference, thresholds[key])
        rows.append(OutcomeRow(measure, shown[0], shown[1], change, verdict))
    return rows

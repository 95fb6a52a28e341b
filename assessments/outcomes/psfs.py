"""Patient-Specific Functional Scale: the mean of the activities scored (docs/clinical.md
"Outcome measures"; Stratford et al. 1995)."""

from decimal import Decimal

from assessments.outcomes.numbers import decimal, round1
from assessments.values import AssessmentValues

# docs/clinical.md "Outcome measures": PSFS, up to 3 (or 5) activities; the catalogue has 5.
PSFS_ACTIVITIES = tuple(range(1, 6))


def psfs_scores(values: AssessmentValues) -> list[Decimal]:
    """The activity scores entered (each 0-10), in activity order."""
    scores = [decimal(values, f"psfs_score_{n}") for n in PSFS_ACTIVITIES]
    return [score for score in scores if score is not None]


def psfs_mean(values: AssessmentValues) -> float | None:
    """The mean of the PSFS activity scores entered, to 1 decimal; None when none is."""
    entered = psfs_scores(values)
    if not entered:
        return None
    return round1(sum(entered, Decimal(0)) / len(entered))

"""Roland-Morris Disability Questionnaire: the total entered from the clinic's own form.

Scoring (docs/clinical.md "Outcome measures"): 24 yes/no items, the score is the number of
yes answers, 0-24; higher is more disability. Its wording's licence is unclear, so, like the
ODI, no item wording is in the product and the therapist enters only the total
(`rmdq_score`). Meaningful change: 5 points or 30% of the earlier score (docs/clinical.md
"Meaningful change"; Ostelo et al. 2008), used by the comparison of visits, the progress
chart and the discharge letter (assessments/compare/change.py).
"""

from collections.abc import Sequence
from decimal import Decimal

from assessments.values import AssessmentValues

RMDQ_ITEMS = 24
RMDQ_MCID_POINTS = Decimal(5)
RMDQ_MCID_RELATIVE = Decimal("0.3")


def rmdq_count(answers: Sequence[bool]) -> int:
    """The score of one filled form: the number of yes answers among exactly 24."""
    if len(answers) != RMDQ_ITEMS:
        raise ValueError(f"Roland-Morris has {RMDQ_ITEMS} items, not {len(answers)}.")
    return sum(1 for answer in answers if answer is True)


def rmdq(values: AssessmentValues) -> int | None:
    """The total entered from the form (0-24); None when not entered."""
    total = values.number("rmdq_score")
    return None if total is None else int(total)

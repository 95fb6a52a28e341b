"""STarT Back: total, psychosocial subscale and risk group, from the nine answers or the
totals typed from the form.

Scoring (docs/clinical.md "Outcome measures"; Hill et al. 2008): items 1-8 score 1 for
"agree"; item 9 (bothersomeness) scores 1 only for "very much" or "extremely". The total is
the sum of all nine (0-9); the psychosocial subscale the sum of items 5-9 (0-5). Risk group:
total 3 or less is low; total 4 or more with the subscale 3 or less is medium; the subscale 4
or more is high. The tool has no rule for unanswered items, so a total needs all nine answers
and the subscale all of items 5-9; a subscale of 4 or more is high even before items 1-4 are
answered (those items only add to the total).

The totals typed from the form ("from your form") are the fallback for visits whose answers
were not entered (older visits, imported files): the answers, once all nine are given, are
the score, and typed totals must agree with them (`outcomes.checks`).
"""

from dataclasses import dataclass

from assessments.values import AssessmentValues

STARTBACK_ITEMS = tuple(range(1, 10))
STARTBACK_PSYCHOSOCIAL = (5, 6, 7, 8, 9)
# The answers that score a point (catalogue scales AGREE_DISAGREE and BOTHERSOME).
AGREE = "agree"
BOTHERSOME_POINTS = frozenset({"very_much", "extremely"})
BOTHERSOME_ITEM = 9
# docs/clinical.md "Outcome measures": total <= 3 low; total >= 4 and subscale <= 3 medium;
# subscale >= 4 high.
STARTBACK_LOW_MAX = 3
STARTBACK_PSYCHOSOCIAL_HIGH_MIN = 4
LOW, MEDIUM, HIGH = "low", "medium", "high"
ITEMS, TYPED = "items", "typed"


@dataclass(frozen=True)
class StartBackResult:
    """A STarT Back score; a part that cannot be worked out is None."""

    total: int | None
    psychosocial: int | None
    group: str | None  # LOW | MEDIUM | HIGH
    source: str  # ITEMS | TYPED
    answered: int  # of the nine items; 0 when the totals were typed


def startback_point(item: int, answer: str) -> int:
    """The point one answer scores: 'agree' on items 1-8; very much or extremely on item 9."""
    if item == BOTHERSOME_ITEM:
        return int(answer in BOTHERSOME_POINTS)
    return int(answer == AGREE)


def risk_group(total: float | None, psychosocial: float | None) -> str | None:
    """The group these scores decide; None when they cannot decide it.

    The subscale's items are part of the total, so a subscale of 4 or more means a total of
    4 or more: high, even without the total. A subscale above the total is inconsistent.
    """
    if total is not None and psychosocial is not None and psychosocial > total:
        return None
    if total is not None and total <= STARTBACK_LOW_MAX:
        return LOW
    if psychosocial is None:
        return None
    if psychosocial >= STARTBACK_PSYCHOSOCIAL_HIGH_MIN:
        return HIGH
    return MEDIUM if total is not None else None


def _answers(values: AssessmentValues) -> dict[int, str]:
    answers = {n: values.choice(f"startback_{n}") for n in STARTBACK_ITEMS}
    return {n: answer for n, answer in answers.items() if answer is not None}


def startback_from_answers(values: AssessmentValues) -> StartBackResult | None:
    """The scores the answers entered give; None when no item is answered."""
    answers = _answers(values)
    if not answers:
        return None
    points = {n: startback_point(n, answer) for n, answer in answers.items()}
    total = sum(points.values()) if len(points) == len(STARTBACK_ITEMS) else None
    psychosocial = (
        sum(points[n] for n in STARTBACK_PSYCHOSOCIAL)
        if all(n in points for n in STARTBACK_PSYCHOSOCIAL)
        else None
    )
    group = risk_group(total, psychosocial)
    return StartBackResult(total, psychosocial, group, ITEMS, len(points))


def startback_typed(values: AssessmentValues) -> StartBackResult | None:
    """The totals typed from the form; None when neither was."""
    total = values.number("startback_total")
    psychosocial = values.number("startback_distress")
    if total is None and psychosocial is None:
        return None
    return StartBackResult(
        None if total is None else int(total),
        None if psychosocial is None else int(psychosocial),
        risk_group(total, psychosocial),
        TYPED,
        0,
    )


def startback(values: AssessmentValues) -> StartBackResult | None:
    """The answers when all nine are given, else the typed totals, else what the answers
    entered so far give (None when nothing is)."""
    answered = startback_from_answers(values)
    if answered is not None and answered.total is not None:
        return answered
    return startback_typed(values) or answered


def startback_group(values: AssessmentValues) -> str | None:
    """'low', 'medium' or 'high'; None if what was entered cannot decide it."""
    result = startback(values)
    return None if result is None else result.group

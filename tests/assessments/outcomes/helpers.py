"""Outcome values for the scoring tests: every outcome item is unsided."""

from decimal import Decimal

from assessments.values import AssessmentValues

Entries = dict[str, int | float | str]


def make(entries: Entries) -> AssessmentValues:
    """code -> value; numbers become Decimals as the database returns them."""
    return AssessmentValues(
        values={
            (code, ""): value if isinstance(value, str) else Decimal(str(value))
            for code, value in entries.items()
        }
    )


def sections(*scores: int | None) -> Entries:
    """ODI section scores in order; None leaves a section unanswered."""
    return {f"odi_section_{n}": score for n, score in enumerate(scores, 1) if score is not None}


def answers(*given: str | None) -> Entries:
    """STarT Back answers to items 1, 2, ...; None leaves an item unanswered."""
    return {f"startback_{n}": answer for n, answer in enumerate(given, 1) if answer is not None}

"""Building assessment values and running the findings rules, for the findings tests."""

from decimal import Decimal

from assessments.findings.core import Finding, interpret
from assessments.norms import cutoffs_for
from assessments.values import AssessmentValues

L, R, N = "left", "right", ""
Entries = dict[tuple[str, str], int | float | str]


def make(entries: Entries) -> AssessmentValues:
    return AssessmentValues(
        values={
            key: value if isinstance(value, str) else Decimal(str(value))
            for key, value in entries.items()
        }
    )


def run(entries: Entries, overrides: dict[str, object] | None = None) -> list[Finding]:
    return interpret(make(entries), cutoffs_for(overrides))


def find(
    entries: Entries, code: str, overrides: dict[str, object] | None = None
) -> Finding | None:
    return next((f for f in run(entries, overrides) if f.code == code), None)


def severity(
    entries: Entries, code: str, overrides: dict[str, object] | None = None
) -> str | None:
    finding = find(entries, code, overrides)
    return finding.severity if finding else None

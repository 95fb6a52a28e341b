"""One treatment row checked against the techniques offered and the precaution screen (pure).

The form shows these problems next to the row's fields; the service checks again before it
saves, so nothing reaches the record unchecked.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from treatment.precautions import Conflict, RowFacts, conflicts
from treatment.techniques import Depth, Technique

NOT_OFFERED = "This technique is not offered to your profession (or no longer in use)."
REASON_NEEDED = (
    "A precaution applies to this row: give your reason for doing it, or change or remove the row."
)


@dataclass(frozen=True)
class RowInput:
    """One row as typed, already read into plain values (treatment.forms)."""

    technique: str
    region: str
    side: str
    minutes: int | None = None
    pressure: str = ""
    client_position: str = ""
    pain_before: int | None = None
    pain_after: int | None = None
    response_note: str = ""
    precaution_reason: str = ""


@dataclass(frozen=True)
class RowCheck:
    errors: dict[str, str] = field(default_factory=dict)  # field name -> message
    conflicts: tuple[Conflict, ...] = ()


def check_row(
    row: RowInput, techniques: Mapping[str, Technique], answers: Mapping[str, str]
) -> RowCheck:
    """What stops the row being recorded, and the precautions that apply to it."""
    technique = techniques.get(row.technique)
    if technique is None:
        return RowCheck(errors={"technique": NOT_OFFERED})
    facts = RowFacts(
        depth=technique.depth,
        region=row.region,
        position=row.client_position,
        pressure=Depth.from_code(row.pressure) if row.pressure else None,
    )
    found = tuple(conflicts(answers, facts))
    errors = {"precaution_reason": REASON_NEEDED} if found and not row.precaution_reason else {}
    return RowCheck(errors=errors, conflicts=found)

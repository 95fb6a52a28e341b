"""The precaution screen before hands-on work and what each precaution blocks (pure).

docs/clinical.md "Hands-on treatment: precautions" (Batavia 2004): sources disagree on
contraindications to massage, so each is a precaution that changes the technique, local or
general. A row a precaution applies to is not refused: it is recorded only with the
therapist's reason (e.g. "cleared by the GP", "well away from the scar").
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass

from treatment.regions import GROUPS
from treatment.techniques import Depth

YES = "yes"
NO = "no"
ANSWERS = (YES, NO)


class Reach(enum.StrEnum):
    LOCAL = "local"  # the area only
    GENERAL = "general"  # the whole treatment


@dataclass(frozen=True)
class Precaution:
    code: str
    question: str  # the screen's words
    reach: Reach
    means: str  # what it means for the treatment, as docs/clinical.md says it


PRECAUTIONS: tuple[Precaution, ...] = (
    Precaution(
        "dvt",
        "Suspected or recent deep vein thrombosis (blood clot)",
        Reach.GENERAL,
        "No massage of the limb, and no hands-on treatment until cleared; refer if suspected.",
    ),
    Precaution(
        "anticoagulants",
        "Takes anticoagulant (blood-thinning) medication",
        Reach.GENERAL,
        "Light pressure only: no moderate, deep or firm techniques (bruising).",
    ),
    Precaution(
        "recent_surgery",
        "Recent surgery or fracture",
        Reach.LOCAL,
        "Avoid the area until it has healed.",
    ),
    Precaution(
        "skin",
        "Skin infection, open wound or rash over the area",
        Reach.LOCAL,
        "Avoid the area.",
    ),
    Precaution(
        "fever",
        "Fever or acute illness",
        Reach.GENERAL,
        "Postpone the treatment.",
    ),
    Precaution(
        "osteoporosis",
        "Osteoporosis",
        Reach.GENERAL,
        "No firm pressure over bone: gentle techniques only.",
    ),
    Precaution(
        "pregnancy",
        "Pregnancy",
        Reach.GENERAL,
        "Position side-lying rather than prone after the first trimester; no deep abdominal work.",
    ),
    Precaution(
        "cancer",
        "Cancer under active treatment",
        Reach.GENERAL,
        "Only with the oncology team's agreement.",
    ),
)
BY_CODE: dict[str, Precaution] = {p.code: p for p in PRECAUTIONS}
CODES: tuple[str, ...] = tuple(BY_CODE)


@dataclass(frozen=True)
class RowFacts:
    """What the rules need to know about one treatment row."""

    depth: Depth  # the technique's firmness
    region: str  # treatment.regions code
    position: str = ""  # prone / supine / side_lying / seated, or "" if not recorded
    pressure: Depth | None = None  # the pressure used, if recorded

    @property
    def firmness(self) -> Depth:
        """The firmer of the technique and the pressure used."""
        return max(self.depth, self.pressure or Depth.LIGHT)


@dataclass(frozen=True)
class Conflict:
    code: str
    message: str


def _applies(code: str, row: RowFacts) -> str:
    """Why precaution `code` applies to this row, or "" if it does not."""
    if code in {"dvt", "fever", "cancer"}:
        return BY_CODE[code].means
    if code in {"recent_surgery", "skin"}:
        return f"{BY_CODE[code].means} Record this row only if it is away from the area."
    if code == "anticoagulants" and row.firmness > Depth.LIGHT:
        return BY_CODE[code].means
    if code == "osteoporosis" and row.firmness >= Depth.FIRM:
        return BY_CODE[code].means
    if code == "pregnancy":
        if row.position == "prone":
            return "Pregnancy: position side-lying rather than prone after the first trimester."
        if GROUPS.get(row.region) == "abdomen" and row.firmness > Depth.LIGHT:
            return "Pregnancy: no deep abdominal work."
    return ""


def yes_codes(answers: Mapping[str, str]) -> tuple[str, ...]:
    """The precautions answered yes, in screen order."""
    return tuple(code for code in CODES if answers.get(code) == YES)


def conflicts(answers: Mapping[str, str], row: RowFacts) -> list[Conflict]:
    """Each precaution answered yes that applies to the row, with what it means."""
    found = []
    for code in yes_codes(answers):
        message = _applies(code, row)
        if message:
            found.append(Conflict(code, f"{BY_CODE[code].question}: {message}"))
    return found


def answers_problems(answers: Mapping[str, str]) -> list[str]:
    """What is wrong with a stored screen: unknown precautions or answers."""
    problems = [f"Unknown precaution: {code}" for code in answers if code not in BY_CODE]
    problems += [
        f"Unknown answer for {code}: {value}"
        for code, value in answers.items()
        if value not in ANSWERS
    ]
    return problems

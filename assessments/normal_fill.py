"""A section's unanswered checks answered "normal" in one press (docs/clinical.md
"Sections answered normal in one press").

The muscle length, special tests, strength, movement and palpation sections offer "Rest
normal": it answers every check of the section the therapist has not answered yet with its
normal result (Negative, No, Oxford grade 5; on palpation normal tone, tenderness 0 and no
trigger point, never the referral text). Only the therapist's press fills anything: a check
left blank stays "not tested", which is never taken for normal. Answers already given are
kept, and every item can be changed afterwards. As with the red-flag screen, the button
fills the form in place with static/js/answer-fill.js; without JavaScript it submits and
`posted` fills the same fields on the server before validation.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from django.http import QueryDict

from assessments.catalogue.items import (
    OXFORD,
    POS_NEG,
    SECTIONS,
    TENDERNESS,
    TONE,
    TRIGGER_POINT,
    YES_NO,
    Section,
)
from assessments.forms import field_name
from assessments.values import Key

# The sections that offer it: in each, Negative, No and grade 5 are the normal results of
# every check with those answers (unlike the Thomas test's "pelvis controlled", where yes
# is normal, or the pain sites); palpation's three scales each have one clear normal.
OFFERED = ("muscle_length", "special_tests", "strength", "movement", "palpation")
NORMAL_OF_SCALE = {
    POS_NEG: "negative",
    YES_NO: "no",
    OXFORD: "5",
    TONE: "normal",
    TENDERNESS: "0",
    TRIGGER_POINT: "absent",
}
WORDS = {
    "negative": "Negative",
    "no": "No",
    "5": "grade 5",
    "normal": "normal tone",
    "0": "tenderness 0",
    "absent": "no trigger point",
}
BUTTON = "fill_normal"  # the submit button's name; its value is the section's code


def normal_answers(section: Section) -> dict[Key, str]:
    """Each check of an offering section, by (item, side), with its normal answer."""
    if section.code not in OFFERED:
        return {}
    return {
        (item.code, side): NORMAL_OF_SCALE[item.choices]
        for item in section.items
        if item.choices in NORMAL_OF_SCALE
        for side in item.sides
    }


BY_SECTION: Mapping[str, dict[Key, str]] = {
    section.code: normal_answers(section) for section in SECTIONS if section.code in OFFERED
}


@dataclass(frozen=True)
class Offer:
    """What a section's button shows: its fill (field:value pairs) and the answers it gives."""

    section: str
    fill: str
    words: str  # "Negative or No", "grade 5"
    unanswered: int


def _either(words: tuple[str, ...]) -> str:
    """'Negative or No'; 'normal tone, tenderness 0 or no trigger point'."""
    return " or ".join((", ".join(words[:-1]), words[-1])) if len(words) > 1 else words[0]


def offer(section: Section, answered: frozenset[Key]) -> Offer | None:
    """The section's button, or None: not offered here, or every check answered already."""
    answers = BY_SECTION.get(section.code, {})
    left = {key: value for key, value in answers.items() if key not in answered}
    if not left:
        return None
    fill = " ".join(f"{field_name(code, side)}:{value}" for (code, side), value in left.items())
    words = _either(tuple(WORDS[value] for value in dict.fromkeys(answers.values())))
    return Offer(section.code, fill, words, len(left))


@dataclass(frozen=True)
class Posted:
    """The posted data with a pressed button's answers filled in."""

    data: QueryDict
    message: str = ""  # what the press did; "" when no button was pressed
    section: str = ""


def posted(data: QueryDict) -> Posted:
    """Apply a pressed "Rest normal" to the posted data (the page without JavaScript)."""
    code = data.get(BUTTON, "")
    answers = BY_SECTION.get(code)
    if answers is None:
        return Posted(data)
    filled, count = data.copy(), 0
    for (item, side), value in answers.items():
        name = field_name(item, side)
        if not filled.get(name, ""):
            filled[name] = value
            count += 1
    title = next(section.title for section in SECTIONS if section.code == code)
    noun = "check" if count == 1 else "checks"
    message = f"{title}: {count} unanswered {noun} marked normal." if count else ""
    return Posted(filled, message, code)

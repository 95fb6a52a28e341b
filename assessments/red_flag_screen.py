"""The red-flag screen answered in one action (docs/clinical.md "Red flags: asking quickly").

- "None of these" answers No to every item still unanswered.
- At a follow-up (a draft started from an earlier visit), "Unchanged since <date>" answers
  every unanswered item as that visit did. Those answers are only offered: nothing is
  stored until the therapist presses it or answers the items, so until then the screen is
  not asked, as at any visit.

Both fill unanswered items only: an answer already given is never replaced, and each item
stays answerable afterwards. With JavaScript a button fills the form in place
(static/js/answer-fill.js reads its `data-fill`); without it the button submits the form
and `posted` does the same on the server, before validation, so what is saved is what the
page would have shown.
"""

import datetime
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass

from django.http import QueryDict
from django.utils.dateformat import format as format_date

from assessments import selectors
from assessments.catalogue.items import RED_FLAGS
from assessments.forms import field_name
from assessments.models import Assessment

CODES: tuple[str, ...] = tuple(code for code, _, _ in RED_FLAGS)
LABELS: Mapping[str, str] = {code: label for code, label, _ in RED_FLAGS}
# The names of the two submit buttons.
NONE_OF_THESE = "red_flags_none"
UNCHANGED = "red_flags_unchanged"
NO = "no"
YES = "yes"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def fill_text(answers: Mapping[str, str]) -> str:
    """A button's data-fill: `field:choice` pairs, space-separated, in screen order."""
    return " ".join(f"{field_name(code, '')}:{answers[code]}" for code in CODES if code in answers)


@dataclass(frozen=True)
class Offer:
    """The red-flag answers of the visit a follow-up started from, offered for confirmation."""

    visit_date: datetime.date
    answers: Mapping[str, str]  # item code -> choice, for the items answered then

    @property
    def yes(self) -> tuple[str, ...]:
        """The questions answered yes then, in screen order."""
        return tuple(LABELS[code] for code in CODES if self.answers.get(code) == YES)

    @property
    def no_count(self) -> int:
        return sum(1 for choice in self.answers.values() if choice == NO)

    @property
    def not_asked(self) -> int:
        return len(CODES) - len(self.answers)

    @property
    def fill(self) -> str:
        return fill_text(self.answers)

    @property
    def token(self) -> str:
        """Names these answers: a press is refused if they changed since the page showed them
        (the earlier visit amended, say), so nobody confirms answers they were not shown."""
        named = repr((self.visit_date.isoformat(), sorted(self.answers.items())))
        return hashlib.sha256(named.encode()).hexdigest()[:16]

    def summary(self) -> str:
        """The answers in plain words, yes first: "yes to significant trauma; no to 16 others"."""
        parts = []
        if self.yes:
            parts.append("yes to " + "; ".join(label[0].lower() + label[1:] for label in self.yes))
        if self.no_count == len(CODES):
            parts.append(f"no to all {len(CODES)} questions")
        elif self.no_count:
            parts.append(f"no to {_count(self.no_count, 'other' if self.yes else 'question')}")
        if self.not_asked:
            parts.append(f"{_count(self.not_asked, 'question')} not asked")
        return "; ".join(parts)


def previous_answers(assessment: Assessment) -> Offer | None:
    """What "Unchanged since" would fill in: the red-flag answers of the visit this draft
    was started from; None when it was not started from one or that visit has none."""
    found = selectors.answers_copied_from(assessment, CODES)
    if found is None or not found[1]:
        return None
    visit_date, answers = found
    return Offer(visit_date, {code: answers[code] for code in CODES if code in answers})


@dataclass(frozen=True)
class Controls:
    """What the edit page's red-flag controls show (templates/assessments/_red_flag_controls)."""

    offer: Offer | None

    @property
    def none_fill(self) -> str:
        return fill_text(dict.fromkeys(CODES, NO))


def controls(assessment: Assessment, answered: int) -> Controls | None:
    """The controls for a draft whose screen has `answered` items answered (saved or typed);
    None for a final assessment (amendments answer nothing for the therapist) or a screen
    already fully answered."""
    if assessment.is_final or answered >= len(CODES):
        return None
    return Controls(previous_answers(assessment))


@dataclass(frozen=True)
class Posted:
    """The posted form data with a pressed button's answers filled in."""

    data: QueryDict
    message: str = ""  # what the pressed button did; "" when neither was pressed
    stale: bool = False  # "Unchanged since" pressed, but those answers changed meanwhile


def _filled(data: QueryDict, answers: Mapping[str, str]) -> tuple[QueryDict, list[str]]:
    """The data with the unanswered items answered; the codes answered so."""
    filled, codes = data.copy(), []
    for code in CODES:
        name = field_name(code, "")
        if code in answers and not filled.get(name, ""):
            filled[name] = answers[code]
            codes.append(code)
    return filled, codes


def posted(data: QueryDict, assessment: Assessment) -> Posted:
    """Apply a pressed "None of these" or "Unchanged since" to the posted data (no JS)."""
    if assessment.is_final:
        return Posted(data)
    if NONE_OF_THESE in data:
        filled, codes = _filled(data, dict.fromkeys(CODES, NO))
        message = f"Red-flag screen: {_count(len(codes), 'unanswered item')} answered No."
        return Posted(filled, message if codes else "")
    if UNCHANGED in data:
        offer = previous_answers(assessment)
        if offer is None or data.get(UNCHANGED) != offer.token:
            return Posted(data, stale=True)
        filled, codes = _filled(data, offer.answers)
        yes = [LABELS[code] for code in codes if offer.answers[code] == YES]
        since = format_date(offer.visit_date, "j M Y")
        message = (
            f"Red-flag screen: {_count(len(codes), 'answer')} confirmed unchanged since {since}."
        )
        return Posted(filled, message + (f" Still yes: {'; '.join(yes)}." if yes else ""))
    return Posted(data)

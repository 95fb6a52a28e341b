"""The catalogue of assessment items: what can be recorded, in which section, with bounds.

Pure data, no Django. Every measurement row stores an item `code` from here. Adding a
test means adding an Item (and a migration for its database bounds, which
`makemigrations` writes); forms, storage, display, comparison and the interchange JSON
all follow from the catalogue. Items, norms and cut-offs: docs/clinical.md.

This is the one public module: the shapes live in `catalogue_types`, the shared answer
scales in `catalogue_scales` and the items in `catalogue_items_*` (a few sections each),
but everything else imports from here. SECTIONS fixes the order of sections and items,
which forms, the migrations' generated CheckConstraints and exports follow.
"""

from decimal import Decimal

from assessments.catalogue import examination as _examination
from assessments.catalogue import functional as _functional
from assessments.catalogue import lifestyle as _lifestyle
from assessments.catalogue import palpation as _palpation
from assessments.catalogue import reported as _reported
from assessments.catalogue import strength_movement as _strength_movement
from assessments.catalogue.palpation import PALPATION_MUSCLES, palpation_code
from assessments.catalogue.reported import RED_FLAG_GROUP, RED_FLAGS
from assessments.catalogue.scales import (
    FUNCTION_QUALITY,
    OXFORD,
    OXFORD_SCORE,
    PAIN_SIDE,
    POS_NEG,
    TENDERNESS,
    TONE,
    TRIGGER_POINT,
    YES_NO,
)
from assessments.catalogue.strength_movement import STRENGTH_MUSCLES
from assessments.catalogue.types import Item, Kind, Section, Side

__all__ = [
    "ASKED_ANEW",
    "CARRIED_FORWARD",
    "FUNCTION_QUALITY",
    "ITEMS",
    "OXFORD",
    "OXFORD_SCORE",
    "PAIN_SIDE",
    "PALPATION_MUSCLES",
    "POS_NEG",
    "RED_FLAGS",
    "RED_FLAG_GROUP",
    "SECTIONS",
    "SECTION_OF",
    "STRENGTH_MUSCLES",
    "TENDERNESS",
    "TONE",
    "TRIGGER_POINT",
    "YES_NO",
    "Item",
    "Kind",
    "Section",
    "Side",
    "palpation_code",
    "value_problem",
]

SECTIONS: tuple[Section, ...] = (
    _reported.SUBJECTIVE,
    _reported.RED_FLAG_SCREEN,
    _examination.POSTURE,
    _examination.THOMAS,
    _examination.RANGE_OF_MOTION,
    _examination.MUSCLE_LENGTH,
    _examination.SPECIAL_TESTS,
    _strength_movement.STRENGTH,
    _strength_movement.MOVEMENT,
    _palpation.PALPATION,
    _lifestyle.HISTORY,
    _functional.FUNCTION,
    _reported.OUTCOMES,
)

ITEMS: dict[str, Item] = {item.code: item for section in SECTIONS for item in section.items}
SECTION_OF: dict[str, Section] = {
    item.code: section for section in SECTIONS for item in section.items
}

# The client's answers today, never carried forward: pain intensity, a recent flare-up, the
# stress rating and every questionnaire answer or score (docs/clinical.md "Follow-up visits
# (copy-forward)"). The PSFS activities (the outcome measures' only text), pain sites and
# aggravating factors are carried.
ASKED_ANEW: frozenset[str] = frozenset(
    {"pain_now", "pain_worst_24h", "flare_up", "flare_up_days", "stress_rating"}
    | {"since_last_visit", "last_treatment_response"}
    | {item.code for item in _reported.OUTCOMES.items if item.kind is not Kind.TEXT}
)
# What copy-forward copies to the next visit, marked carried over until confirmed or changed.
CARRIED_FORWARD: frozenset[str] = frozenset(
    code for code in ITEMS if SECTION_OF[code].carry_forward and code not in ASKED_ANEW
)


def value_problem(item: Item, value: object) -> str | None:
    """Why a value cannot be stored for this item (None when it can): kind and bounds."""
    if item.kind is Kind.NUMBER:
        try:
            number = float(str(value))
        except ValueError:
            return f"{item.label}: {value!r} is not a number."
        exponent = Decimal(str(value)).normalize().as_tuple().exponent
        if isinstance(exponent, int) and -exponent > item.decimals:
            places = (
                "whole numbers only" if item.decimals == 0 else f"{item.decimals} decimal place"
            )
            return f"{item.label}: {places}."
        low, high = item.minimum, item.maximum
        if low is not None and high is not None and not low <= number <= high:
            return f"{item.label} must be between {low:g} and {high:g}."
        return None
    if not isinstance(value, str):
        return f"{item.label}: expected text, got {type(value).__name__}."
    if item.kind is Kind.CHOICE and value not in dict(item.choices):
        allowed = ", ".join(code for code, _ in item.choices)
        return f"{item.label}: {value!r} is not one of {allowed}."
    if item.kind is Kind.TEXT and len(value) > item.max_length:
        return f"{item.label}: at most {item.max_length} characters."
    return None

"""Seeded visits' measurement rows and plan items, worked out once per value pattern.

A pattern is (profile, stage, older adult): every visit with the same pattern records the
same values, so the findings and the plan rules (`plans.rules.engine.suggest`) run once for it,
and plan items carry the same content snapshot `plan_build` writes.
"""

import json
from dataclasses import dataclass
from decimal import Decimal

from assessments.catalogue.items import ITEMS, Kind
from assessments.findings.core import Finding, interpret
from assessments.norms import cutoffs_for
from assessments.values import AssessmentValues
from plans.library import BY_SLUG
from plans.models import PlanItem, PlanVersion
from plans.rules.engine import OLDER_ADULT_AGE, suggest

# The same snapshot as plan_build, so seeded plans read and render like real ones.
from plans.services.items import item_from_suggestion
from tests.bench.seeding.bulk import Row
from tests.bench.seeding.values import Profile, visit_values

_ITEM_FIELDS = [
    field.attname
    for field in PlanItem._meta.concrete_fields
    if field.attname not in {"id", "plan_version_id"}
]
# Columns of the rows below, for seeding_copy.copy_rows; the first is filled in per visit
# or per plan version.
MEASUREMENT_COLUMNS = ("assessment_id", "item", "side", "value", "choice", "text", "carried_over")
ITEM_COLUMNS = ("plan_version_id", *_ITEM_FIELDS)


@dataclass(frozen=True)
class Pattern:
    rows: tuple[Row, ...]  # MEASUREMENT_COLUMNS but the first
    red_flag: bool
    items: tuple[Row, ...]  # ITEM_COLUMNS but the first, JSON as text, in plan order
    findings: int


def _row(code: str, side: str, value: object) -> Row:
    kind = ITEMS[code].kind
    if kind is Kind.NUMBER:
        return (code, side, Decimal(str(value)), "", "", False)
    if kind is Kind.CHOICE:
        return (code, side, None, str(value), "", False)
    return (code, side, None, "", str(value), False)


def _item_row(item: PlanItem) -> Row:
    return tuple(
        json.dumps(value) if name in {"content", "reasons"} else value
        for name, value in ((name, getattr(item, name)) for name in _ITEM_FIELDS)
    )


def _items(found: list[Finding], older: bool) -> tuple[bool, tuple[Row, ...]]:
    result = suggest(found, age=OLDER_ADULT_AGE if older else None)
    chosen = [*result.home, *result.advice, *result.in_clinic]
    items = []
    for position, suggestion in enumerate(chosen, start=1):
        item = item_from_suggestion(PlanVersion(), position, suggestion, BY_SLUG)
        items.append(_item_row(item))
    return result.blocked, tuple(items)


class Patterns:
    """Patterns by (profile, stage, older), worked out on first use."""

    def __init__(self, pool: list[Profile]) -> None:
        self.pool = pool
        self._cache: dict[tuple[int, int, bool], Pattern] = {}

    def __len__(self) -> int:
        return len(self._cache)

    def get(self, profile: int, stage: int, older: bool) -> Pattern:
        key = (profile, stage, older)
        if key not in self._cache:
            values = visit_values(self.pool[profile], stage)
            rows = tuple(_row(code, side, value) for (code, side), value in values.items())
            found = interpret(AssessmentValues(values=values), cutoffs_for(None))
            blocked, items = _items(found, older)
            self._cache[key] = Pattern(rows, blocked, items, len(found))
        return self._cache[key]

"""Shapes assessment data for the templates: sections of rows, left and right side by side."""

import datetime
from collections.abc import Mapping
from dataclasses import dataclass

from django import forms

from assessments import normal_fill
from assessments.catalogue.items import SECTIONS, Item, Kind, Section
from assessments.forms import AssessmentForm, field_name
from assessments.norms import REFERENCES, ItemComparison, compare
from assessments.values import AssessmentValues, Key


@dataclass(frozen=True)
class Cell:
    side: str
    field: forms.BoundField | None
    display: str
    carried: bool
    norm: str = ""  # "below" or "above" the item's reference range; "" inside it or none
    from_client: datetime.date | None = None  # answered by the client on that day


def _norm(comparison: ItemComparison | None, side: str) -> str:
    value = comparison.side(side) if comparison is not None else None
    if value is None:
        return ""
    return "below" if value.below else "above" if value.above else ""


@dataclass(frozen=True)
class Row:
    item: Item
    cells: tuple[Cell, ...]
    comparison: ItemComparison | None

    @property
    def sided(self) -> bool:
        return self.item.sided

    @property
    def has_reference(self) -> bool:
        """The item has a reference range, so its cells can be marked below or above it."""
        return self.item.code in REFERENCES


@dataclass(frozen=True)
class SectionView:
    section: Section
    rows: tuple[Row, ...]
    errors: int
    carried: int
    recorded: int
    # Folded away by the clinic's preset (entry page only; see assessments.presets).
    folded: bool = False
    # "Rest normal" for the section's unanswered checks (a draft's entry page only).
    fill: normal_fill.Offer | None = None

    @property
    def sided(self) -> bool:
        return any(row.sided for row in self.rows)


def comparisons(
    values: AssessmentValues, cutoffs: Mapping[str, float]
) -> dict[str, ItemComparison]:
    """Norm comparisons for every numeric item that has a value."""
    result = {}
    for section in SECTIONS:
        for item in section.items:
            if item.kind is Kind.NUMBER:
                comparison = compare(item.code, values, cutoffs)
                if comparison is not None:
                    result[item.code] = comparison
    return result


def display_value(item: Item, values: AssessmentValues, side: str) -> str:
    """A recorded value as the therapist reads it: '12°', 'Positive', or '' if not tested."""
    raw = values.values.get((item.code, side))
    if raw is None:
        return ""
    if item.kind is Kind.CHOICE:
        return item.choice_label(str(raw))
    if item.kind is Kind.NUMBER:
        number = f"{raw.normalize():f}" if hasattr(raw, "normalize") else str(raw)
        return (
            f"{number}{item.unit}" if item.unit in {"°", "%"} else f"{number} {item.unit}".strip()
        )
    return str(raw)


def build_sections(
    values: AssessmentValues,
    cutoffs: Mapping[str, float],
    *,
    form: AssessmentForm | None = None,
    carried: frozenset[Key] = frozenset(),
    from_client: Mapping[Key, datetime.date] | None = None,
    only_recorded: bool = False,
    folded: frozenset[str] = frozenset(),
    fills: bool = False,
) -> list[SectionView]:
    """Sections of rows; with a form, each cell holds its bound field.

    `only_recorded` (read-only pages) leaves out items that were not tested. `folded`
    names the sections the clinic's preset folds; one that holds a value (recorded,
    carried over or to correct) is shown open all the same. `fills` offers each section's
    "Rest normal" (assessments.normal_fill) while it has checks unanswered.
    """
    answered = frozenset(values.values)
    from_client = from_client or {}
    compared = comparisons(values, cutoffs)
    views = []
    for section in SECTIONS:
        rows, errors, carried_count, recorded = [], 0, 0, 0
        for item in section.items:
            cells = []
            comparison = compared.get(item.code)
            for side in item.sides:
                bound = form[field_name(item.code, side)] if form is not None else None
                is_carried = (item.code, side) in carried
                shown = display_value(item, values, side)
                reported = from_client.get((item.code, side))
                cells.append(
                    Cell(side, bound, shown, is_carried, _norm(comparison, side), reported)
                )
                errors += bool(bound is not None and bound.errors)
                carried_count += is_carried
                recorded += (item.code, side) in values.values
            if only_recorded and not any(cell.display for cell in cells):
                continue
            rows.append(Row(item, tuple(cells), comparison))
        fold = section.code in folded and not (errors or carried_count or recorded)
        fill = normal_fill.offer(section, answered) if fills else None
        views.append(
            SectionView(section, tuple(rows), errors, carried_count, recorded, fold, fill)
        )
    return views

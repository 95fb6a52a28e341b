"""The treatment given at two visits, row against row (pure: no Django).

Rows are paired by technique, muscle or region and side (the n-th such row of one visit
with the n-th of the other). A pair is *unchanged* when every detail is the same, *changed*
when a detail differs, and *added* or *dropped* when only the later or the earlier visit
has it. By default only the added, dropped and changed pairs are listed, like the rest of
the comparison page (assessments/compare/shown.py); with `show_all` every pair is.
"""

from collections.abc import Sequence
from dataclasses import dataclass

ADDED, DROPPED, CHANGED, UNCHANGED = "added", "dropped", "changed", "unchanged"


@dataclass(frozen=True)
class Given:
    """One row as shown: labels already resolved."""

    technique: str  # the code
    technique_name: str
    where: str
    side: str
    minutes: int | None = None
    pressure: str = ""
    pain_before: int | None = None
    pain_after: int | None = None
    response_note: str = ""

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.technique, self.where, self.side)

    @property
    def response(self) -> str:
        """Pain before -> after and the typed response ("" when neither was recorded)."""
        parts = []
        if self.pain_before is not None or self.pain_after is not None:
            before = "—" if self.pain_before is None else str(self.pain_before)
            after = "—" if self.pain_after is None else str(self.pain_after)
            parts.append(f"pain {before} → {after}")
        if self.response_note:
            parts.append(self.response_note)
        return "; ".join(parts)

    @property
    def details(self) -> tuple[object, ...]:
        return (self.minutes, self.pressure, self.pain_before, self.pain_after, self.response_note)


@dataclass(frozen=True)
class Pair:
    before: Given | None
    after: Given | None

    @property
    def shown(self) -> Given:
        given = self.after or self.before
        assert given is not None  # noqa: S101 (a pair always holds one)
        return given

    @property
    def status(self) -> str:
        if self.before is None:
            return ADDED
        if self.after is None:
            return DROPPED
        return UNCHANGED if self.before.details == self.after.details else CHANGED


@dataclass(frozen=True)
class TreatmentChange:
    pairs: tuple[Pair, ...]  # listed
    unchanged: int  # pairs not listed because nothing in them changed
    added: tuple[str, ...]  # technique names given only at the later visit
    dropped: tuple[str, ...]  # and only at the earlier one
    rows: tuple[int, int]  # rows recorded at each visit

    @property
    def line(self) -> str:
        """What is not listed, in one line ("" when every pair is listed)."""
        if not self.unchanged:
            return ""
        return f"no change ({self.unchanged} row{'' if self.unchanged == 1 else 's'})"


def _names(rows: Sequence[Given]) -> list[str]:
    return list(dict.fromkeys(row.technique_name for row in rows))


def compare_treatment(
    before: Sequence[Given], after: Sequence[Given], *, show_all: bool = False
) -> TreatmentChange:
    """The two visits' rows paired, in the later visit's order then the dropped ones."""
    waiting: dict[tuple[str, str, str], list[Given]] = {}
    for row in before:
        waiting.setdefault(row.key, []).append(row)
    pairs = []
    for row in after:
        earlier = waiting.get(row.key)
        pairs.append(Pair(earlier.pop(0) if earlier else None, row))
    left = {id(row) for rows in waiting.values() for row in rows}
    pairs += [Pair(row, None) for row in before if id(row) in left]
    listed = tuple(pair for pair in pairs if show_all or pair.status != UNCHANGED)
    names_before, names_after = _names(before), _names(after)
    return TreatmentChange(
        pairs=listed,
        unchanged=0 if show_all else len(pairs) - len(listed),
        added=tuple(name for name in names_after if name not in names_before),
        dropped=tuple(name for name in names_before if name not in names_after),
        rows=(len(before), len(after)),
    )

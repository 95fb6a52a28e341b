"""What the comparison page lists: only what changed by default, every item on request.

Pure: no Django. Reads a `Comparison` (assessments/compare/visits.py) and decides, per
section, which rows are listed and what is said in one line instead:

- A row is *unchanged* when both visits recorded the same value; *one visit* when only one
  did. By default only the other rows (the changes) are listed and each section says how
  many it left out; with `show_all` every row is listed.
- The red-flag screen never lists unchanged answers one by one, in either mode: they are
  one line ("Red-flag screen: no change (all no)"), which names any answer still "yes".
  Changed answers, and answers given in one visit only (with `show_all`), are listed.
"""

from dataclasses import dataclass

from assessments.catalogue.items import ITEMS, RED_FLAGS
from assessments.compare.visits import Comparison, ComparisonRow, SectionComparison

RED_FLAG_SECTION = "red_flags"


def is_unchanged(row: ComparisonRow) -> bool:
    """Both visits recorded it, with the same value."""
    return row.before != "" and row.before == row.after


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def red_flag_line(unchanged: tuple[ComparisonRow, ...]) -> str:
    """One line for the red-flag answers that did not change ("" when none)."""
    if not unchanged:
        return ""
    yes = ITEMS[unchanged[0].code].choice_label("yes")
    still_yes = [row.label for row in unchanged if row.after == yes]
    if not still_yes:
        count = "all" if len(unchanged) == len(RED_FLAGS) else f"{len(unchanged)} answers, all"
        return f"no change ({count} no)"
    no = len(unchanged) - len(still_yes)
    return (
        f"no change in {_plural(len(unchanged), 'answer')}: {no} no; "
        f"still yes: {', '.join(still_yes)}"
    )


@dataclass(frozen=True)
class SectionShown:
    """A section of the page: the rows listed and a line for what is not."""

    section: SectionComparison
    rows: tuple[ComparisonRow, ...]
    unchanged: int
    one_visit: int
    summary: str  # the red-flag line for its unchanged answers, or ""
    show_all: bool

    @property
    def code(self) -> str:
        return self.section.code

    @property
    def title(self) -> str:
        return self.section.title

    @property
    def line(self) -> str:
        """What is not listed, in one line ("" when every row is listed)."""
        parts = []
        if self.summary:
            parts.append(self.summary)
        elif self.unchanged and not self.show_all:
            parts.append(f"no change ({_plural(self.unchanged, 'item')})")
        if self.one_visit and not self.show_all:
            parts.append(f"{self.one_visit} tested in one visit only")
        return "; ".join(parts)


@dataclass(frozen=True)
class ComparisonShown:
    sections: tuple[SectionShown, ...]  # with rows to list
    quiet: tuple[SectionShown, ...]  # nothing to list: one line each
    show_all: bool

    @property
    def changed(self) -> int:
        """Rows whose value differs between the two visits."""
        return sum(1 for part in self.sections for row in part.rows if not _quiet_row(row))


def _quiet_row(row: ComparisonRow) -> bool:
    return is_unchanged(row) or row.not_tested_in_one


def _section(section: SectionComparison, *, show_all: bool) -> SectionShown:
    red_flags = section.code == RED_FLAG_SECTION
    unchanged = tuple(row for row in section.rows if is_unchanged(row))
    one_visit = sum(row.not_tested_in_one for row in section.rows)
    if show_all:
        rows = tuple(row for row in section.rows if not (red_flags and is_unchanged(row)))
    else:
        rows = tuple(row for row in section.rows if not _quiet_row(row))
    summary = red_flag_line(unchanged) if red_flags else ""
    return SectionShown(section, rows, len(unchanged), one_visit, summary, show_all)


def shown(comparison: Comparison, *, show_all: bool = False) -> ComparisonShown:
    """The page's sections: those with rows to list, and the quiet ones."""
    parts = [_section(section, show_all=show_all) for section in comparison.sections]
    return ComparisonShown(
        sections=tuple(part for part in parts if part.rows),
        quiet=tuple(part for part in parts if not part.rows),
        show_all=show_all,
    )

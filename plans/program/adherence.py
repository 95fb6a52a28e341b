"""Adherence: sessions ticked against sessions planned, per exercise and per week of the
program (docs/program.md "Adherence"). Pure Python.

Planned sessions of an exercise in a week: its times a day (1 if not set) times its days a
week (7 if not set), counted over the days of that week the link was open. A program
under LOW_ADHERENCE of its planned sessions, after its first week, is marked on the client
list before the visit.
"""

import datetime
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

LOW_ADHERENCE = 0.5  # under half the planned sessions (docs/program.md)
WEEK = 7
# A program is judged once it has run a week: on its first days one missed session
# would read as "under half".
MIN_DAYS = WEEK


def is_low(done: int, planned: float, days_open: int) -> bool:
    """Under LOW_ADHERENCE of the planned sessions, for a program open MIN_DAYS or more."""
    return days_open >= MIN_DAYS and planned > 0 and done / planned < LOW_ADHERENCE


@dataclass(frozen=True)
class Exercise:
    slug: str
    name: str
    times_per_day: int | None
    days_per_week: int | None

    @property
    def per_week(self) -> int:
        return (self.times_per_day or 1) * (self.days_per_week or WEEK)


@dataclass(frozen=True)
class Cell:
    done: int
    planned: float

    @property
    def share(self) -> float | None:
        return min(1.0, self.done / self.planned) if self.planned else None


@dataclass(frozen=True)
class Week:
    start: datetime.date
    days: int  # days of this week the program was open (the last week may be short)
    cells: Mapping[str, Cell]  # by exercise slug

    @property
    def total(self) -> Cell:
        """Done and planned this week, all exercises together."""
        cells = self.cells.values()
        return Cell(sum(c.done for c in cells), sum(c.planned for c in cells))


@dataclass(frozen=True)
class Adherence:
    exercises: Sequence[Exercise]
    weeks: Sequence[Week]

    def total(self, slug: str | None = None) -> Cell:
        """Done and planned over every week, for one exercise or for all."""
        cells = [
            cell for week in self.weeks for key, cell in week.cells.items() if slug in (None, key)
        ]
        return Cell(sum(c.done for c in cells), sum(c.planned for c in cells))

    @property
    def low(self) -> bool:
        total = self.total()
        return is_low(total.done, total.planned, sum(week.days for week in self.weeks))


def adherence(
    exercises: Sequence[Exercise],
    ticks: Iterable[tuple[str, datetime.date]],
    start: datetime.date,
    end: datetime.date,
) -> Adherence:
    """Weeks from `start` to `end` (both included, the link's open days), each exercise's
    ticks that week against its plan for the days the week had."""
    done: dict[tuple[int, str], int] = {}
    for slug, day in ticks:
        if start <= day <= end:
            key = ((day - start).days // WEEK, slug)
            done[key] = done.get(key, 0) + 1
    weeks = []
    total_days = (end - start).days + 1
    for index in range(max(0, -(-total_days // WEEK))):
        days = min(WEEK, total_days - index * WEEK)
        cells = {
            ex.slug: Cell(done.get((index, ex.slug), 0), ex.per_week * days / WEEK)
            for ex in exercises
        }
        weeks.append(Week(start + datetime.timedelta(days=index * WEEK), days, cells))
    return Adherence(tuple(exercises), tuple(weeks))


# --- between two visits (the comparison of visits: docs/program.md "Adherence") -------


def followed_between(
    first: datetime.date, last: datetime.date, since: datetime.date, until: datetime.date
) -> tuple[datetime.date, datetime.date] | None:
    """The days of a link's life (`first` to `last`, both included) the client followed it
    between two visits: from the earlier visit's day (`since`) to the day before the later
    visit (`until`). None for a link issued on or after the later visit's day, and for one
    issued before the earlier visit that ended on that day (the plan issued at the earlier
    visit superseded it)."""
    if first >= until or (first < since and last <= since):
        return None
    start, end = max(first, since), min(last, until - datetime.timedelta(days=1))
    return (start, end) if start <= end else None


def _mean(values: Sequence[int]) -> float | None:
    return sum(values) / len(values) if values else None


@dataclass(frozen=True)
class Pain:
    """The client's daily pain ratings (0-10) over some weeks: the mean, and each week's."""

    mean: float | None
    weeks: Sequence[float | None]  # one per week of the program's weeks, None if unrated
    rated: int  # days with a rating

    @property
    def first_week(self) -> float | None:
        return self.weeks[0] if self.weeks else None

    @property
    def last_week(self) -> float | None:
        """The last week's mean; None when there is only one week (it is the first)."""
        return self.weeks[-1] if len(self.weeks) > 1 else None


def pain(
    days: Iterable[tuple[datetime.date, int | None]], start: datetime.date, end: datetime.date
) -> Pain:
    """The ratings from `start` to `end` (both included), in weeks counted from `start` as
    `adherence` counts them."""
    rated = [(day, value) for day, value in days if value is not None and start <= day <= end]
    count = max(0, -(-((end - start).days + 1) // WEEK))
    by_week: list[list[int]] = [[] for _ in range(count)]
    for day, value in rated:
        by_week[(day - start).days // WEEK].append(value)
    return Pain(
        _mean([value for _, value in rated]), tuple(_mean(week) for week in by_week), len(rated)
    )

"""Two visits' body charts region by region (pure): what is marked in either, and how the
intensity moved. No verdict: the meaningful-change thresholds (docs/clinical.md) are for
the overall pain score, not for one region."""

from collections.abc import Sequence
from dataclasses import dataclass

from assessments.body_chart.regions import REGIONS, Mark, sort_marks


@dataclass(frozen=True)
class ChartChange:
    label: str
    before: str  # "ache 4/10", or "" when not marked
    after: str
    change: str  # "+2", "-3", "0", "new", "gone", or "type changed"
    carried: bool  # the later visit's mark is carried over, not confirmed: not compared


def _words(mark: Mark | None) -> str:
    return "" if mark is None else mark.words


def chart_changes(before: Sequence[Mark], after: Sequence[Mark]) -> list[ChartChange]:
    """One line per region marked in either visit, in the chart's order."""
    old = {mark.region: mark for mark in before}
    new = {mark.region: mark for mark in after}
    regions = sort_marks([*before, *(m for m in after if m.region not in old)])
    lines = []
    for region in (mark.region for mark in regions):
        was, now = old.get(region), new.get(region)
        if was is None:
            change = "new"
        elif now is None:
            change = "gone"
        elif was.pain_type != now.pain_type:
            change = "type changed"
        elif was.intensity is None or now.intensity is None:
            change = ""  # carried over, today's intensity not asked yet
        else:
            change = (
                f"{now.intensity - was.intensity:+d}" if now.intensity != was.intensity else "0"
            )
        carried = now is not None and now.carried
        lines.append(ChartChange(REGIONS[region].label, _words(was), _words(now), change, carried))
    return lines

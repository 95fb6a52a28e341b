"""A plain, database-free view of one assessment's recorded values.

Findings, outcomes, norms and the interchange format all work on this, so they can be
tested and used (for example by `suggest_plan` on a JSON file) without a database.
"""

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from assessments.body_chart.regions import Mark
from assessments.catalogue.items import ITEMS, OXFORD_SCORE, Kind, Side

Value = Decimal | str
Key = tuple[str, str]  # (item code, side)


@dataclass(frozen=True)
class AssessmentValues:
    """Recorded values keyed by (item code, side); a missing key means not tested."""

    values: Mapping[Key, Value]
    age: int | None = None
    sex: str = ""
    visit_date: datetime.date | None = None
    carried: frozenset[Key] = field(default_factory=frozenset)
    # Values the client answered themselves before the visit, with the day they did.
    from_client: Mapping[Key, datetime.date] = field(default_factory=dict)
    # The body chart's marks, in the chart's order (assessments/body_chart/).
    body_chart: tuple[Mark, ...] = ()

    def number(self, code: str, side: str = Side.NONE) -> float | None:
        value = self.values.get((code, side))
        if value is None or ITEMS[code].kind is not Kind.NUMBER:
            return None
        return float(value)

    def choice(self, code: str, side: str = Side.NONE) -> str | None:
        value = self.values.get((code, side))
        return value if isinstance(value, str) and value != "" else None

    def text(self, code: str, side: str = Side.NONE) -> str:
        value = self.values.get((code, side))
        return value if isinstance(value, str) else ""

    def is_yes(self, code: str, side: str = Side.NONE) -> bool:
        return self.choice(code, side) == "yes"

    def oxford(self, code: str, side: str) -> float | None:
        """An Oxford grade as a number (4- is 3.67), for comparisons."""
        grade = self.choice(code, side)
        return OXFORD_SCORE.get(grade) if grade else None

    def has(self, code: str, side: str = Side.NONE) -> bool:
        return (code, side) in self.values

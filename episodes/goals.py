"""A goal's progress from PSFS scores (pure: no Django, no database).

An activity is matched by its name as recorded on the visit, ignoring case and spacing
(docs/episodes.md, "Goals"): the PSFS activities are carried forward from visit to visit,
so a client's activity keeps its wording.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from assessments.outcomes import PSFS_ACTIVITIES

Values = Mapping[tuple[str, str], object]


def activity_key(name: str) -> str:
    return " ".join(name.split()).casefold()


def psfs_activities(values: Values) -> dict[str, tuple[str, Decimal | None]]:
    """A visit's PSFS activities: key -> (name as recorded, score or None)."""
    found: dict[str, tuple[str, Decimal | None]] = {}
    for n in PSFS_ACTIVITIES:
        name = values.get((f"psfs_activity_{n}", ""))
        if not isinstance(name, str) or not name.strip():
            continue
        score = values.get((f"psfs_score_{n}", ""))
        found[activity_key(name)] = (
            name.strip(),
            Decimal(str(score)) if isinstance(score, (Decimal, int, float)) else None,
        )
    return found


def latest_score(activity: str, visits: Sequence[Values]) -> Decimal | None:
    """The activity's score at the latest visit (visits oldest first) that scored it."""
    key = activity_key(activity)
    for values in reversed(visits):
        score = psfs_activities(values).get(key, ("", None))[1]
        if score is not None:
            return score
    return None


@dataclass(frozen=True)
class GoalProgress:
    baseline: Decimal | None
    latest: Decimal | None
    target: Decimal

    @property
    def reached(self) -> bool:
        return self.latest is not None and self.latest >= self.target

    @property
    def percent(self) -> int | None:
        """How far from the baseline to the target the latest score is, 0-100."""
        if self.baseline is None or self.latest is None or self.target <= self.baseline:
            return None
        share = (self.latest - self.baseline) / (self.target - self.baseline)
        return int(max(Decimal(0), min(Decimal(1), share)) * 100)

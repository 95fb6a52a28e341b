"""When an open episode's reassessment is due (pure: no Django, no database).

Due when either rule the therapist set is met (docs/episodes.md, "Reassessment due"):
- every N sessions: at least N finalised visits since the last reassessment (or, before
  the first one, since the episode's first assessment);
- on a date: the date has come and no reassessment was marked on or after it.
"""

import datetime
from dataclasses import dataclass

DUE_MARK = "Reassessment due"


def shown(date: datetime.date | None) -> str:
    """'7 Dec 2026': a date in messages and reasons."""
    return "" if date is None else f"{date.day} {date:%b %Y}"


@dataclass(frozen=True)
class Reassessment:
    due: bool
    reason: str  # why it is due, in words; "" when it is not


def reassessment_due(
    *,
    sessions_since: int,
    every: int | None,
    on: datetime.date | None,
    reassessed_on: datetime.date | None,
    today: datetime.date,
) -> Reassessment:
    """Whether the reassessment is due, and why."""
    if every and sessions_since >= every:
        noun = "session" if sessions_since == 1 else "sessions"
        return Reassessment(True, f"{sessions_since} {noun} since the last assessment")
    if on is not None and today >= on and (reassessed_on is None or reassessed_on < on):
        return Reassessment(True, f"due since {shown(on)}")
    return Reassessment(False, "")

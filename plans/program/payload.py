"""What the phone sends (static/js/program.js), checked (pure Python).

    {"ticks": [{"uid": "<uuid>", "slug": "glute-bridge", "day": "2026-03-04", "done": true}],
     "days": [{"day": "2026-03-04", "pain": 3, "note": "Stiff in the morning"}]}

Each operation stands alone: a valid one is applied, an invalid one is named back as
rejected so the phone drops it instead of sending it for ever. A tick's uid, made on the
phone, makes sending it twice harmless; `done: false` takes a tick back.
"""

import datetime
import json
import uuid
from dataclasses import dataclass, field
from typing import Any

MAX_TICKS = 300  # about four weeks of six exercises twice a day, sent at once after a trip
MAX_DAYS = 60
NOTE_MAX = 280  # a short note a day, typed on a phone
PAIN_MAX = 10  # the 0-10 numeric rating scale (docs/clinical.md "Pain")


class PayloadError(ValueError):
    """The body is not a payload at all (not JSON, not an object, too many operations)."""


@dataclass(frozen=True)
class Tick:
    uid: uuid.UUID
    slug: str
    day: datetime.date
    done: bool


@dataclass(frozen=True)
class Day:
    day: datetime.date
    pain: int | None
    note: str


@dataclass
class Payload:
    ticks: list[Tick] = field(default_factory=list)
    days: list[Day] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)  # uids or days, as sent


def _day(value: Any, first: datetime.date, last: datetime.date) -> datetime.date | None:
    if not isinstance(value, str):
        return None
    try:
        day = datetime.date.fromisoformat(value)
    except ValueError:
        return None
    return day if first <= day <= last else None


def _tick(raw: Any, slugs: frozenset[str], first: datetime.date, last: datetime.date) -> Tick:
    if not isinstance(raw, dict):
        raise ValueError("not an object")
    uid = uuid.UUID(str(raw.get("uid", "")))
    day = _day(raw.get("day"), first, last)
    slug, done = raw.get("slug"), raw.get("done")
    if day is None or slug not in slugs or not isinstance(done, bool):
        raise ValueError("not a tick of this program")
    return Tick(uid, str(slug), day, done)


def _day_entry(raw: Any, first: datetime.date, last: datetime.date) -> Day:
    if not isinstance(raw, dict):
        raise ValueError("not an object")
    day = _day(raw.get("day"), first, last)
    pain, note = raw.get("pain"), raw.get("note", "")
    pain_ok = pain is None or (type(pain) is int and 0 <= pain <= PAIN_MAX)
    if day is None or not pain_ok or not isinstance(note, str) or len(note) > NOTE_MAX:
        raise ValueError("not a day of this program")
    return Day(day, pain, note.replace("\x00", "").strip())


def parse(
    body: bytes, slugs: frozenset[str], first: datetime.date, last: datetime.date
) -> Payload:
    """The operations in `body` for a program of `slugs` open from `first` to `last`."""
    try:
        data = json.loads(body)
    except (ValueError, RecursionError) as error:
        raise PayloadError("not JSON") from error
    if not isinstance(data, dict):
        raise PayloadError("not an object")
    ticks, days = data.get("ticks", []), data.get("days", [])
    if not isinstance(ticks, list) or not isinstance(days, list):
        raise PayloadError("ticks and days are lists")
    if len(ticks) > MAX_TICKS or len(days) > MAX_DAYS:
        raise PayloadError("too many operations at once")
    payload = Payload()
    for raw in ticks:
        try:
            payload.ticks.append(_tick(raw, slugs, first, last))
        except (ValueError, TypeError, AttributeError):
            payload.rejected.append(str(raw.get("uid", ""))[:40] if isinstance(raw, dict) else "")
    for raw in days:
        try:
            payload.days.append(_day_entry(raw, first, last))
        except (ValueError, TypeError):
            payload.rejected.append(str(raw.get("day", ""))[:10] if isinstance(raw, dict) else "")
    return payload

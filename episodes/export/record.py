"""The `episodes` key of the client-record document (docs/interchange.md, "episodes[i]").

`load` reads the client's episodes and goals (two queries; one without episodes); the
rest is pure over that and the record's visits, already loaded with their measurements.
"""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Prefetch

from assessments.models import Assessment
from assessments.selectors import assessment_values
from clinic.models import Client
from episodes.due import reassessment_due
from episodes.goals import activity_key, psfs_activities
from episodes.models import MAX_SESSIONS, PSFS_MAX, Episode, EpisodeGoal, EpisodeStatus
from plans.export.schema_parts import closed_object


def load(client: Client) -> list[Episode]:
    """The client's episodes, oldest first, with their goals."""
    goals = Prefetch("goals", queryset=EpisodeGoal.objects.order_by("pk"))
    return list(client.episodes.prefetch_related(goals).order_by("started_on", "pk"))


def belonging(episode: Episode, visits: Sequence[Assessment]) -> list[Assessment]:
    """The episode's finalised visits among the record's, oldest first: dated from its
    start to its discharge (docs/episodes.md, "Which visits belong"; as
    selectors.episode_visits, over visits already loaded)."""
    end = episode.discharged_on
    return [
        visit
        for visit in visits
        if visit.is_final
        and visit.visit_date >= episode.started_on
        and (end is None or visit.visit_date <= end)
    ]


@dataclass(frozen=True)
class Score:
    visit: Assessment
    value: Decimal


def latest_score(activity: str, visits: Sequence[Assessment]) -> Score | None:
    """The activity's score at the latest of these visits that scored it, and that visit."""
    key = activity_key(activity)
    for visit in reversed(visits):
        found = psfs_activities(assessment_values(visit).values).get(key)
        if found is not None and found[1] is not None:
            return Score(visit, found[1])
    return None


def number(value: Decimal | None) -> int | float | None:
    """3.0 -> 3 and 6.5 -> 6.5, as the rest of the document writes scores."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _date(day: datetime.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _goal(goal: EpisodeGoal, visits: Sequence[Assessment]) -> dict[str, Any]:
    latest = latest_score(goal.activity, visits)
    return {
        "activity": goal.activity,
        "baseline": number(goal.baseline),
        "target": number(goal.target),
        "target_date": goal.target_date.isoformat(),
        "latest": number(latest.value) if latest is not None else None,
        "latest_on": latest.visit.visit_date.isoformat() if latest is not None else None,
        "met": goal.met,
    }


def _episode(episode: Episode, visits: Sequence[Assessment], today: datetime.date) -> dict:
    held = belonging(episode, visits)
    due = None
    if episode.is_open:
        since = episode.reassessed_on or episode.started_on
        due = reassessment_due(
            sessions_since=sum(1 for visit in held if visit.visit_date > since),
            every=episode.reassess_every,
            on=episode.reassess_on,
            reassessed_on=episode.reassessed_on,
            today=today,
        ).due
    return {
        "complaint": episode.complaint,
        "status": episode.status,
        "started_on": episode.started_on.isoformat(),
        "discharged_on": _date(episode.discharged_on),
        "referrer_name": episode.referrer_name,
        "referrer_address": episode.referrer_address,
        "planned_sessions": episode.planned_sessions,
        "sessions_done": len(held),
        "reassess_every": episode.reassess_every,
        "reassess_on": _date(episode.reassess_on),
        "reassessed_on": _date(episode.reassessed_on),
        "reassessment_due": due,
        "discharge_summary": episode.discharge_summary,
        "goals": [_goal(goal, held) for goal in episode.goals.all()],
    }


def document(
    episodes: list[Episode], visits: Sequence[Assessment], today: datetime.date
) -> list[dict[str, Any]]:
    """Every episode, oldest first, as of the export's day."""
    return [_episode(episode, visits, today) for episode in episodes]


def _text(name: str, model: type[Episode] | type[EpisodeGoal] = Episode) -> dict[str, Any]:
    limit = getattr(model._meta.get_field(name), "max_length", None)
    return {"type": "string"} if limit is None else {"type": "string", "maxLength": limit}


def schema() -> dict[str, Any]:
    """The JSON Schema of the `episodes` key."""
    date = {"type": "string", "format": "date"}
    maybe_date = {"type": ["string", "null"], "format": "date"}
    score = {"type": "number", "minimum": 0, "maximum": PSFS_MAX}
    maybe_score = {"type": ["number", "null"], "minimum": 0, "maximum": PSFS_MAX}
    sessions = {"type": "integer", "minimum": 1, "maximum": MAX_SESSIONS}
    goal = closed_object(
        {
            "activity": {**_text("activity", EpisodeGoal), "minLength": 1},
            "baseline": maybe_score,
            "target": score,
            "target_date": date,
            "latest": maybe_score,
            "latest_on": maybe_date,
            "met": {"type": ["boolean", "null"]},
        }
    )
    episode = closed_object(
        {
            "complaint": {**_text("complaint"), "minLength": 1},
            "status": {"enum": [status.value for status in EpisodeStatus]},
            "started_on": date,
            "discharged_on": maybe_date,
            "referrer_name": _text("referrer_name"),
            "referrer_address": _text("referrer_address"),
            "planned_sessions": sessions,
            "sessions_done": {"type": "integer", "minimum": 0},
            "reassess_every": {**sessions, "type": ["integer", "null"]},
            "reassess_on": maybe_date,
            "reassessed_on": maybe_date,
            "reassessment_due": {"type": ["boolean", "null"]},
            "discharge_summary": _text("discharge_summary"),
            "goals": {"type": "array", "items": goal},
        }
    )
    return {"type": "array", "items": episode}

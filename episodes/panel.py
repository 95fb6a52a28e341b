"""The client page's "Episode of care" panel: the open episode (or the last one), its goals
with baseline, latest and target scores, sessions used of planned, and whether the
reassessment is due. Not cached: it is a few small queries."""

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from assessments.selectors import values_of_visits
from clinic.models import Client
from clinic.panels.registry import Panel
from episodes import selectors
from episodes.due import reassessment_due
from episodes.goals import GoalProgress, latest_score
from episodes.models import EpisodeGoal

TEMPLATE = "episodes/_panel.html"


@dataclass(frozen=True)
class GoalRow:
    goal: EpisodeGoal
    progress: GoalProgress


def episode_panel(request: HttpRequest, client: Client) -> Panel:
    episode = selectors.current_episode(client)
    if episode is None:
        return Panel(TEMPLATE, {"episode": None, "client": client})
    visits = selectors.episode_visits(episode)
    values = values_of_visits(visits) if visits else {}
    series = [values[visit.pk].values for visit in visits]
    goals = [
        GoalRow(
            goal, GoalProgress(goal.baseline, latest_score(goal.activity, series), goal.target)
        )
        for goal in episode.goals.all()
    ]
    context: dict[str, Any] = {"episode": episode, "client": client, "goals": goals}
    context["sessions_used"] = len(visits)
    if episode.is_open:
        context["due"] = reassessment_due(
            sessions_since=selectors.sessions_since_assessment(episode, visits),
            every=episode.reassess_every,
            on=episode.reassess_on,
            reassessed_on=episode.reassessed_on,
            today=timezone.localdate(),
        )
    return Panel(TEMPLATE, context)

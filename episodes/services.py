"""Writes of episodes and goals: atomic, validated (full_clean) and audited.

A discharged episode is a record: every write refuses it (EpisodeClosed).
"""

import datetime
from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from assessments.selectors import values_of_visits
from clinic.models import AuditAction, Client
from clinic.services.audit import audit_client_record
from episodes import selectors
from episodes.due import shown
from episodes.goals import activity_key, psfs_activities
from episodes.models import Episode, EpisodeGoal, EpisodeStatus

EPISODE_FIELDS = (
    "complaint",
    "started_on",
    "referrer_name",
    "referrer_address",
    "planned_sessions",
    "reassess_every",
    "reassess_on",
)
TENTH = Decimal("0.1")
ALREADY_OPEN = "This client already has an open episode: discharge it before starting another."


class EpisodeClosed(Exception):
    """The episode was discharged: it is read-only."""


def _audit(actor: User, episode: Episode, action: AuditAction, detail: str) -> None:
    audit_client_record(
        actor=actor,
        client=episode.client,
        action=action,
        object_type="episode",
        object_id=episode.pk,
        detail=detail,
    )


def _require_open(episode: Episode) -> Episode:
    """The episode as saved now, locked; EpisodeClosed when it was discharged."""
    current = Episode.objects.select_for_update().get(pk=episode.pk)
    if current.status != EpisodeStatus.OPEN:
        raise EpisodeClosed(f"Episode {episode.pk} was discharged on {current.discharged_on}.")
    current.client = episode.client
    return current


@transaction.atomic
def episode_create(*, actor: User, client: Client, fields: Mapping[str, Any]) -> Episode:
    """Open an episode for the client.

    Raises ValidationError when the client has an open episode already, when it would
    start on or before the last discharge (the visits would belong to both), or on a
    field's bounds. Side effects: audit entry (create).
    """
    Client.objects.select_for_update().filter(pk=client.pk).first()  # one start at a time
    if client.episodes.filter(status=EpisodeStatus.OPEN).exists():
        raise ValidationError(ALREADY_OPEN)
    episode = Episode(client=client, created_by=actor, **{k: fields[k] for k in EPISODE_FIELDS})
    last = selectors.latest_discharge(client)
    if last is not None and episode.started_on <= last:
        raise ValidationError(
            {
                "started_on": f"The last episode was discharged on {shown(last)}: "
                "start this one after that date."
            }
        )
    episode.full_clean()
    try:
        with transaction.atomic():
            episode.save()
    except IntegrityError as error:  # a second start that got past the check at once
        raise ValidationError(ALREADY_OPEN) from error
    _audit(actor, episode, AuditAction.CREATE, "episode of care opened")
    return episode


def baseline_for(episode: Episode, activity: str) -> Decimal | None:
    """The activity's score at the episode's first visit that scored it: where the client
    stood when care for it began (docs/episodes.md, "Goals")."""
    visits = selectors.episode_visits(episode)
    values = values_of_visits(visits)
    for visit in visits:
        found = psfs_activities(values[visit.pk].values).get(activity_key(activity))
        if found is not None and found[1] is not None:
            return found[1].quantize(TENTH, rounding=ROUND_HALF_UP)  # as stored: 3.00 -> 3.0
    return None


@transaction.atomic
def episode_goal_add(
    *,
    actor: User,
    episode: Episode,
    activity: str,
    target: Decimal,
    target_date: datetime.date,
) -> EpisodeGoal:
    """Add a goal on a PSFS activity; its baseline is its first score in the episode.

    Raises EpisodeClosed after discharge, ValidationError on bounds.
    Side effects: audit entry (change of the episode).
    """
    current = _require_open(episode)
    goal = EpisodeGoal(
        episode=current,
        activity=" ".join(activity.split()),
        baseline=baseline_for(current, activity),
        target=target,
        target_date=target_date,
    )
    goal.full_clean()
    goal.save()
    _audit(actor, current, AuditAction.CHANGE, "goal added")
    return goal


@transaction.atomic
def episode_reassessed(*, actor: User, episode: Episode) -> Episode:
    """Mark the episode's latest finalised visit as its reassessment (the count of sessions
    to the next one starts again there).

    Raises EpisodeClosed after discharge; ValidationError when no visit has been finalised
    since the start or the last reassessment. Side effects: audit entry (change).
    """
    current = _require_open(episode)
    visits = selectors.episode_visits(current)
    since = current.reassessed_on or current.started_on
    later = [visit.visit_date for visit in visits if visit.visit_date > since]
    if not later:
        raise ValidationError(
            "No visit has been finalised since the last assessment: finalise the "
            "reassessment visit first."
        )
    current.reassessed_on = max(later)
    current.full_clean()
    current.save(update_fields=["reassessed_on", "updated_at"])
    _audit(actor, current, AuditAction.CHANGE, "reassessment recorded")
    return current


@transaction.atomic
def episode_discharge(
    *,
    actor: User,
    episode: Episode,
    discharged_on: datetime.date,
    summary: str,
    goals_met: Mapping[int, bool],
) -> Episode:
    """Discharge the episode with a summary and each goal met or not; read-only after.

    Raises EpisodeClosed when already discharged; ValidationError when a goal is not
    decided or a field is out of bounds. Side effects: audit entry (change).
    """
    current = _require_open(episode)
    goals = list(current.goals.all())
    if any(goal.pk not in goals_met for goal in goals):
        raise ValidationError("Say for every goal whether it was met.")
    current.status = EpisodeStatus.DISCHARGED
    current.discharged_on = discharged_on
    current.discharge_summary = summary.strip()
    current.full_clean()
    current.save()
    for goal in goals:
        goal.met = goals_met[goal.pk]
        goal.save(update_fields=["met"])
    _audit(actor, current, AuditAction.CHANGE, "discharged")
    return current

"""Writes of episodes and goals: atomic, validated (full_clean) and audited.

A discharged episode is a record: every write refuses it (EpisodeClosed). Every write to
an open episode raises its version, so an edit made against an older copy is refused
(EpisodeConflict) rather than written over this one.
"""

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
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
# What can change after opening: not the start date, which decides the visits that belong
# and the goals' baselines (docs/episodes.md, "Editing an open episode").
EDITABLE_FIELDS = tuple(name for name in EPISODE_FIELDS if name != "started_on")
TENTH = Decimal("0.1")
ALREADY_OPEN = "This client already has an open episode: discharge it before starting another."


class EpisodeClosed(Exception):
    """The episode was discharged: it is read-only."""


class EpisodeConflict(Exception):
    """Someone changed the episode since the editor loaded it; nothing was written."""

    def __init__(self, current: Episode) -> None:
        super().__init__(f"Episode {current.pk} is at version {current.version}.")
        self.current = current


@dataclass(frozen=True)
class GoalEdit:
    """A goal's new target and date, or its removal."""

    target: Decimal
    target_date: datetime.date
    remove: bool = False


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


def _bump(episode: Episode, *fields: str) -> None:
    """Save these fields with the version raised: an editor's older copy is now stale."""
    episode.version += 1
    episode.save(update_fields=[*fields, "version", "updated_at"])


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
    Side effects: the episode's version bump; audit entry (change of the episode).
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
    _bump(current)
    _audit(actor, current, AuditAction.CHANGE, "goal added")
    return goal


@transaction.atomic
def episode_reassessed(*, actor: User, episode: Episode) -> Episode:
    """Mark the episode's latest finalised visit as its reassessment (the count of sessions
    to the next one starts again there).

    Raises EpisodeClosed after discharge; ValidationError when no visit has been finalised
    since the start or the last reassessment. Side effects: version bump; audit entry
    (change).
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
    _bump(current, "reassessed_on")
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
    decided or a field is out of bounds. Side effects: version bump; audit entry (change).
    """
    current = _require_open(episode)
    goals = list(current.goals.all())
    if any(goal.pk not in goals_met for goal in goals):
        raise ValidationError("Say for every goal whether it was met.")
    current.status = EpisodeStatus.DISCHARGED
    current.discharged_on = discharged_on
    current.discharge_summary = summary.strip()
    current.version += 1
    current.full_clean()
    current.save()
    for goal in goals:
        goal.met = goals_met[goal.pk]
        goal.save(update_fields=["met"])
    _audit(actor, current, AuditAction.CHANGE, "discharged")
    return current


def _goal_changes(current: Episode, goals: Mapping[int, GoalEdit]) -> list[str]:
    """Apply the goals' edits (validated); the words naming each change, never its values."""
    saved = {goal.pk: goal for goal in current.goals.all()}
    unknown = set(goals) - set(saved)
    if unknown:
        raise ValidationError("A goal of this form is no longer in the episode: reload it.")
    changed = []
    for pk, edit in goals.items():
        goal = saved[pk]
        if edit.remove:
            goal.delete()
            changed.append(f"goal {pk} removed")
            continue
        names = [
            name
            for name, value in (("target", edit.target), ("target_date", edit.target_date))
            if getattr(goal, name) != value
        ]
        if names:
            goal.target, goal.target_date = edit.target, edit.target_date
            try:
                goal.full_clean()
            except ValidationError as error:  # at the goal's own fields of the form
                raise ValidationError(
                    {f"goal_{pk}_{name}": found for name, found in error.message_dict.items()}
                ) from error
            goal.save(update_fields=names)
            changed.append(f"goal {pk}: {', '.join(names)}")
    return changed


@transaction.atomic
def episode_update(
    *,
    actor: User,
    episode: Episode,
    expected_version: int,
    fields: Mapping[str, Any],
    goals: Mapping[int, GoalEdit],
) -> Episode:
    """Apply an edit of an open episode made against `expected_version`: its fields
    (EDITABLE_FIELDS) and its goals' targets and dates, or a goal's removal.

    Raises EpisodeClosed after discharge, EpisodeConflict (nothing written) if someone
    changed the episode since, ValidationError on bounds (keyed by field; a goal's by
    "goal_<pk>_<field>"). Nothing changed: nothing written. Side effects: version bump;
    audit entry (change) naming the changed fields and goals, never their values.
    """
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"Not editable episode fields: {', '.join(sorted(unknown))}")
    current = _require_open(episode)
    if current.version != expected_version:
        raise EpisodeConflict(current)
    changed = [name for name, value in fields.items() if getattr(current, name) != value]
    for name in changed:
        setattr(current, name, fields[name])
    if current.reassess_on is not None and current.reassess_on <= current.started_on:
        raise ValidationError({"reassess_on": "Reassess after the episode's start."})
    current.full_clean()
    goal_changes = _goal_changes(current, goals)
    if not changed and not goal_changes:
        return current
    current.version += 1
    current.save()
    _audit(actor, current, AuditAction.CHANGE, "changed: " + "; ".join(changed + goal_changes))
    return current

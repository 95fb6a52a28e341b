"""Episode services: opening one, goals and their baseline, reassessment, discharge."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from clinic.models import AuditEntry, Client
from clinic.services.lifecycle import client_erase
from episodes import selectors
from episodes.models import Episode, EpisodeGoal, EpisodeStatus
from episodes.services import (
    EpisodeClosed,
    episode_discharge,
    episode_goal_add,
    episode_reassessed,
)
from tests.episodes.helpers import SITTING, START, open_episode, visit

LATER = datetime.date(2099, 1, 1)


def test_episode_create_refuses_a_second_open_episode(
    therapist: User, client_record: Client
) -> None:
    episode = open_episode(therapist, client_record)
    with pytest.raises(ValidationError, match="already has an open episode"):
        open_episode(therapist, client_record, complaint="Hip pain")
    # The database holds the rule too, whatever writes.
    with pytest.raises(IntegrityError), transaction.atomic():
        Episode.objects.create(
            client=client_record, complaint="x", started_on=START, planned_sessions=1,
            created_by=therapist,
        )  # fmt: skip
    assert AuditEntry.objects.filter(object_type="episode", action="create").count() == 1
    assert list(client_record.episodes.all()) == [episode]


def test_goal_baseline_is_the_first_score_in_the_episode(
    therapist: User, client_record: Client
) -> None:
    visit(therapist, client_record, 0, pain=6, sitting=3)
    visit(therapist, client_record, 7, pain=4, sitting=6)
    episode = open_episode(therapist, client_record)
    goal = episode_goal_add(
        actor=therapist, episode=episode, activity=" sitting through  a MEETING",
        target=Decimal(8), target_date=LATER,
    )  # fmt: skip
    typed = episode_goal_add(
        actor=therapist, episode=episode, activity="Running", target=Decimal(7), target_date=LATER
    )
    assert (goal.baseline, typed.baseline) == (Decimal(3), None)


def test_reassessment_restarts_the_session_count(therapist: User, client_record: Client) -> None:
    for day, pain in ((0, 6), (7, 5), (14, 4)):
        visit(therapist, client_record, day, pain=pain, sitting=4)
    episode = open_episode(therapist, client_record)  # reassess every 2 sessions
    assert selectors.reassessment_marks([client_record.pk]) == {
        client_record.pk: "Reassessment due"
    }
    saved = episode_reassessed(actor=therapist, episode=episode)
    assert saved.reassessed_on == START + datetime.timedelta(days=14)
    assert selectors.reassessment_marks([client_record.pk]) == {}
    with pytest.raises(ValidationError, match="No visit has been finalised"):
        episode_reassessed(actor=therapist, episode=saved)


def test_discharge_records_goals_and_makes_the_episode_read_only(
    therapist: User, client_record: Client
) -> None:
    visit(therapist, client_record, 0, pain=6, sitting=3)
    episode = open_episode(therapist, client_record)
    goal = episode_goal_add(
        actor=therapist, episode=episode, activity=SITTING, target=Decimal(8), target_date=LATER
    )
    with pytest.raises(ValidationError, match="every goal"):
        episode_discharge(
            actor=therapist, episode=episode, discharged_on=START, summary="Done.", goals_met={}
        )
    done = episode_discharge(
        actor=therapist, episode=episode, discharged_on=START, summary="Pain free.",
        goals_met={goal.pk: True},
    )  # fmt: skip
    goal.refresh_from_db()
    assert (done.status, done.discharge_summary, goal.met) == (
        EpisodeStatus.DISCHARGED, "Pain free.", True,
    )  # fmt: skip
    with pytest.raises(EpisodeClosed):
        episode_goal_add(
            actor=therapist, episode=done, activity="Running", target=Decimal(5), target_date=LATER
        )
    with pytest.raises(EpisodeClosed):
        episode_discharge(
            actor=therapist, episode=done, discharged_on=START, summary="x", goals_met={}
        )
    # A new episode starts after the discharge, so no visit belongs to both.
    with pytest.raises(ValidationError) as refused:
        open_episode(therapist, client_record)
    assert "started_on" in refused.value.error_dict
    assert open_episode(therapist, client_record, started_on=START + datetime.timedelta(days=1))


def test_erasing_the_client_removes_their_episodes(
    clinic_admin: User, therapist: User, client_record: Client
) -> None:
    episode = open_episode(therapist, client_record)
    episode_goal_add(
        actor=therapist, episode=episode, activity=SITTING, target=Decimal(8), target_date=LATER
    )
    client_erase(actor=clinic_admin, client=client_record, confirm_name=client_record.full_name)
    assert (Episode.objects.count(), EpisodeGoal.objects.count()) == (0, 0)

"""Editing an open episode: fields and goals, against the version loaded, audited."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.test import Client as HttpClient
from django.urls import reverse
from pytest_django import DjangoAssertNumQueries

from clinic.models import AuditEntry, Client
from episodes.models import Episode
from episodes.services import EpisodeClosed, episode_discharge, episode_goal_add, episode_update
from tests.episodes.helpers import CYCLING, SITTING, open_episode, visit

LATER = datetime.date(2099, 1, 1)


@pytest.fixture
def episode(therapist: User, client_record: Client) -> Episode:
    """An open episode over one visit with two goals."""
    visit(therapist, client_record, 0, pain=6, sitting=3)
    opened = open_episode(therapist, client_record)
    for activity in (SITTING, CYCLING):
        episode_goal_add(
            actor=therapist,
            episode=opened,
            activity=activity,
            target=Decimal(8),
            target_date=LATER,
        )
    opened.refresh_from_db()
    return opened


def _data(episode: Episode, **changes: str) -> dict[str, str]:
    """The edit form as loaded, with these changes."""
    data = {
        "version": str(episode.version),
        "complaint": episode.complaint,
        "planned_sessions": str(episode.planned_sessions),
        "reassess_every": str(episode.reassess_every or ""),
        "reassess_on": "",
        "referrer_name": episode.referrer_name,
        "referrer_address": episode.referrer_address,
    }
    for goal in episode.goals.all():
        data[f"goal_{goal.pk}_target"] = f"{goal.target:g}"
        data[f"goal_{goal.pk}_target_date"] = goal.target_date.isoformat()
    return {**data, **changes}


def test_edit_saves_fields_and_goals_audited_and_a_double_submit_is_harmless(
    as_therapist: HttpClient, client_record: Client, episode: Episode
) -> None:
    sitting, cycling = episode.goals.all()
    url = reverse("episode_edit", args=[episode.pk])
    data = _data(
        episode,
        complaint="Hip and low back pain",
        planned_sessions="10",
        **{f"goal_{sitting.pk}_target": "9.5", f"goal_{cycling.pk}_remove": "on"},
    )
    first, second = as_therapist.post(url, data), as_therapist.post(url, data)
    home = reverse("client_detail", args=[client_record.pk])
    assert (first["Location"], second["Location"]) == (home, home)
    saved = Episode.objects.get(pk=episode.pk)
    assert (saved.complaint, saved.planned_sessions, saved.version) == (
        "Hip and low back pain",
        10,
        episode.version + 1,
    )
    assert [(goal.activity, goal.target) for goal in saved.goals.all()] == [
        (SITTING, Decimal("9.5"))
    ]
    changes = AuditEntry.objects.filter(object_type="episode", action="change").order_by("-pk")
    assert changes[0].detail == (
        f"changed: complaint; planned_sessions; goal {sitting.pk}: target; "
        f"goal {cycling.pk} removed"
    )
    assert "Hip and low back" not in changes[0].detail  # names, never values
    assert changes.count() == 3  # two goals added, one edit: the repeat wrote nothing


def test_edit_against_a_stale_version_is_refused_and_keeps_what_was_typed(
    as_therapist: HttpClient, colleague: User, episode: Episode
) -> None:
    url = reverse("episode_edit", args=[episode.pk])
    loaded = _data(episode, complaint="Typed by me", planned_sessions="7")
    episode_update(  # a colleague saves first
        actor=colleague,
        episode=episode,
        expected_version=episode.version,
        fields={"planned_sessions": 12},
        goals={},
    )
    response = as_therapist.post(url, loaded)
    page = response.content.decode()
    assert response.status_code == 409
    assert "Someone else changed this episode while you were editing" in page
    assert 'value="Typed by me"' in page
    # Saved now beside typed: the colleague's 12 sessions, the 7 typed here.
    assert [
        (row["label"], row["saved"], row["typed"]) for row in response.context["conflict"]
    ] == [
        ("Complaint", episode.complaint, "Typed by me"),
        ("Planned sessions", 12, 7),
    ]
    saved = Episode.objects.get(pk=episode.pk)
    assert (saved.complaint, saved.planned_sessions) == (episode.complaint, 12)
    # Saving again from the conflict page (now on the current version) applies the edit.
    rebased = response.context["form"].data.copy()
    assert rebased["version"] == str(saved.version)
    assert as_therapist.post(url, rebased).status_code == 302
    saved.refresh_from_db()
    assert (saved.complaint, saved.planned_sessions) == ("Typed by me", 7)


def test_discharged_episode_cannot_be_edited(
    as_therapist: HttpClient, therapist: User, episode: Episode
) -> None:
    data = _data(episode, complaint="Changed after discharge")
    discharged = episode_discharge(
        actor=therapist,
        episode=episode,
        discharged_on=episode.started_on,
        summary="Done.",
        goals_met={goal.pk: True for goal in episode.goals.all()},
    )
    response = as_therapist.post(reverse("episode_edit", args=[episode.pk]), data, follow=True)
    assert "it can no longer be changed" in response.content.decode()
    with pytest.raises(EpisodeClosed):
        episode_update(
            actor=therapist,
            episode=discharged,
            expected_version=discharged.version,
            fields={"complaint": "Changed"},
            goals={},
        )
    assert Episode.objects.get(pk=episode.pk).complaint == episode.complaint


@pytest.mark.same_on_any_database  # form validation and rendering
def test_edit_errors_sit_by_their_fields_and_keep_what_was_typed(
    as_therapist: HttpClient, episode: Episode
) -> None:
    goal = episode.goals.first()
    assert goal is not None
    data = _data(
        episode,
        complaint="Kept words",
        planned_sessions="0",
        **{f"goal_{goal.pk}_target": "11"},
    )
    response = as_therapist.post(reverse("episode_edit", args=[episode.pk]), data)
    assert response.status_code == 200
    assert sorted(response.context["form"].errors) == [
        f"goal_{goal.pk}_target",
        "planned_sessions",
    ]
    assert 'value="Kept words"' in response.content.decode()
    assert Episode.objects.get(pk=episode.pk).version == episode.version


def test_edit_of_another_clinics_episode_is_404(as_outsider: HttpClient, episode: Episode) -> None:
    url = reverse("episode_edit", args=[episode.pk])
    assert as_outsider.get(url).status_code == 404
    assert as_outsider.post(url, _data(episode, complaint="Theirs")).status_code == 404
    assert Episode.objects.get(pk=episode.pk).complaint == episode.complaint


def test_edit_page_shows_the_goals_in_a_fixed_number_of_queries(
    as_therapist: HttpClient, episode: Episode, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    # session, user, the episode with its client and clinic, its goals, the audit entry,
    # the membership (the navigation)
    with django_assert_num_queries(6):
        response = as_therapist.get(reverse("episode_edit", args=[episode.pk]))
    form = response.context["form"]
    assert [goal.activity for goal in form.goals] == [SITTING, CYCLING]
    assert form[f"goal_{form.goals[0].pk}_target"].value() == Decimal(8)

"""Archive, restore and erase services: versions, permissions, what erase removes, audit."""

import datetime
import uuid
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client as HttpClient
from django.urls import reverse

from assessments.services import assessment_start
from clinic.models import AuditAction, AuditEntry, Client, Clinic, Role
from clinic.selectors import client_search
from clinic.services.clients import ConcurrentEditError, client_update
from clinic.services.lifecycle import (
    client_archive,
    client_erase,
    client_restore,
    erasure_summary,
)
from episodes.services import episode_goal_add
from plans.handout.services import handout_email_request
from plans.program.answers.services import program_answers_send, program_answers_use
from plans.program.payload import Day, Payload, Tick
from plans.program.reminders.services import program_reminder_set
from plans.program.services import program_record
from plans.services import plan_revise
from tests.clinic.lifecycle_helpers import (
    PROJECT_APPS,
    TYPED,
    amended_visit,
    client_models,
    client_rows,
    issued_plan,
)
from tests.episodes.helpers import open_episode
from tests.factories import ClientFactory, MembershipFactory
from tests.plans.fixtures import VISIT
from treatment.checks import RowInput
from treatment.services import treatment_amend, treatment_save


@pytest.fixture
def full_record(therapist: User, as_therapist: HttpClient, client_record: Client) -> Client:
    """Notes, a finalised and amended visit with a red flag and an amended treatment, an
    issued plan with a cached handout (downloaded), a revised draft, and a second visit
    copied forward with the treatment given."""
    client = client_update(
        actor=therapist, client=client_record, expected_version=1, fields={"notes": TYPED["notes"]}
    )
    visit = amended_visit(therapist, client)
    issued = issued_plan(therapist, visit)
    response = as_therapist.get(reverse("handout_pdf", args=[issued.pk]))
    assert response["Content-Type"] == "application/pdf"
    client = client_update(
        actor=therapist,
        client=client,
        expected_version=client.version,
        fields={"email": "priya@example.org"},
    )
    handout_email_request(actor=therapist, version=issued, with_progress=False)
    # The client's phone: one session ticked, a day's pain and note.
    link = issued.program_link
    slug = issued.snapshot.content["exercises"][0]["slug"]
    day = link.created_at.date()
    program_record(
        link=link,
        payload=Payload(ticks=[Tick(uuid.uuid4(), slug, day, True)], days=[Day(day, 3, "Stiff")]),
    )
    # The client asked for a daily reminder on the program page.
    program_reminder_set(link=link, email="priya@example.net", at=datetime.time(8, 0))
    # And answered the questions before the next visit there.
    answers = program_answers_send(
        link=link, pain_now=4, pain_worst=None, since_last_visit="better", psfs=[]
    )
    # An episode of care with a goal on one of the client's activities.
    episode = open_episode(therapist, client, started_on=VISIT)
    episode_goal_add(
        actor=therapist,
        episode=episode,
        activity="Gardening",
        target=Decimal(8),
        target_date=VISIT + datetime.timedelta(days=42),
    )
    plan_revise(actor=therapist, version=issued)
    follow_up = assessment_start(
        actor=therapist,
        client=client,
        visit_date=VISIT + datetime.timedelta(days=14),
        copy_from=visit,
    )
    program_answers_use(actor=therapist, answers=answers, assessment=follow_up)
    treatment_save(
        actor=therapist,
        assessment=follow_up,
        expected_version=0,
        precautions={"fever": "no"},
        rows=[RowInput("swedish-massage", "lower_back", "both", 10)],
    )
    # The final visit's treatment, left out at first, added by an amendment.
    treatment_amend(
        actor=therapist,
        assessment=visit,
        expected_version=0,
        precautions={},
        rows=[RowInput("passive-stretching", "hamstrings", "left", 5)],
        reason="Left out at the visit",
    )
    return client


@pytest.fixture
def other_record(therapist: User, clinic: Clinic) -> Client:
    """Another client of the same clinic with a visit and an issued plan (its snapshot and
    queued PDFs)."""
    other = ClientFactory(clinic=clinic, given_name="Tomas", family_name="Novak")
    issued_plan(therapist, amended_visit(therapist, other))
    return other


# --- erase ------------------------------------------------------------------------


def test_client_models_cover_every_client_record_table(db: None) -> None:
    assert set(client_models()) == {
        apps.get_model(label)
        for label in (
            "clinic.Client",
            "assessments.Assessment",
            "assessments.Measurement",
            "assessments.BodyChartMark",
            "assessments.Amendment",
            "plans.Plan",
            "plans.PlanVersion",
            "plans.PlanItem",
            "plans.HandoutPDF",
            "plans.HandoutSnapshot",
            "plans.HandoutEmail",
            "plans.ProgramLink",
            "plans.ProgramTick",
            "plans.ProgramDay",
            "plans.ProgramReminder",
            "plans.ProgramAnswers",
            "episodes.Episode",
            "episodes.EpisodeGoal",
            "treatment.TreatmentRecord",
            "treatment.TreatmentRow",
            "treatment.TreatmentAmendment",
        )
    }


def test_only_the_audit_log_keeps_a_client_id_without_a_foreign_key(db: None) -> None:
    # A plain client id survives erasure; only the audit log may hold one, by design.
    holders = {
        model._meta.label
        for app in PROJECT_APPS
        for model in apps.get_app_config(app).get_models()
        for field in model._meta.concrete_fields
        if field.attname == "client_id" and not field.is_relation
    }
    assert holders == {"clinic.AuditEntry"}


def test_client_erase_removes_every_row_of_the_client_and_nothing_else(
    clinic_admin: User, full_record: Client, other_record: Client
) -> None:
    before = client_rows(full_record)
    others_before = client_rows(other_record)
    empty = sorted(label for label, pks in before.items() if not pks)
    assert empty == [], f"extend full_record to create rows of {empty}"
    client_erase(actor=clinic_admin, client=full_record, confirm_name="Priya Sharma")
    for model in client_models():
        left = model._default_manager.filter(pk__in=before[model._meta.label])
        assert list(left) == [], model._meta.label
    assert client_rows(other_record) == others_before
    assert Client.objects.filter(pk=other_record.pk).exists()


def test_client_erase_keeps_earlier_audit_entries_and_adds_a_tombstone(
    clinic_admin: User, full_record: Client
) -> None:
    earlier = list(AuditEntry.objects.filter(client_id=full_record.pk).order_by("pk"))
    tombstone = client_erase(actor=clinic_admin, client=full_record, confirm_name="Priya Sharma")
    after = list(AuditEntry.objects.filter(client_id=full_record.pk).order_by("pk"))
    assert after == [*earlier, tombstone]
    assert (
        tombstone.action,
        tombstone.object_type,
        tombstone.object_id,
        tombstone.actor_username,
        tombstone.detail,
    ) == (
        AuditAction.ERASE,
        "client",
        full_record.pk,
        "boss",
        "Client record erased on request: 2 visits and 1 plan removed (40 rows in all)",
    )


def test_client_audit_details_hold_no_name_birth_date_or_typed_text(
    clinic_admin: User, full_record: Client
) -> None:
    client_erase(actor=clinic_admin, client=full_record, confirm_name="priya sharma")
    details = " | ".join(
        AuditEntry.objects.filter(client_id=full_record.pk).values_list("detail", flat=True)
    ).casefold()
    forbidden = [
        "priya",
        "sharma",
        "1988",
        "12/04",
        "04-12",
        "12 april",
        *(text.casefold() for text in TYPED.values()),
    ]
    assert [text for text in forbidden if text in details] == []
    assert "erased on request" in details


def test_client_erase_accepts_name_in_any_case_and_spacing(
    clinic_admin: User, client_record: Client
) -> None:
    client_erase(actor=clinic_admin, client=client_record, confirm_name="  pRIYA   sharma ")
    assert Client.objects.filter(pk=client_record.pk).exists() is False


@pytest.mark.parametrize("typed", ["", "Priya", "Priya Sharm", "Sharma Priya"])
def test_client_erase_with_wrong_name_removes_nothing(
    clinic_admin: User, client_record: Client, typed: str
) -> None:
    with pytest.raises(ValidationError) as error:
        client_erase(actor=clinic_admin, client=client_record, confirm_name=typed)
    assert list(error.value.message_dict) == ["confirm_name"]
    assert Client.objects.filter(pk=client_record.pk).exists() is True
    assert AuditEntry.objects.filter(action=AuditAction.ERASE).count() == 0


def test_client_erase_by_therapist_is_refused(therapist: User, client_record: Client) -> None:
    with pytest.raises(PermissionDenied, match="Only a clinic admin can erase"):
        client_erase(actor=therapist, client=client_record, confirm_name="Priya Sharma")
    assert Client.objects.filter(pk=client_record.pk).exists() is True


def test_client_erase_by_other_clinics_admin_is_refused(
    other_clinic: Clinic, client_record: Client
) -> None:
    stranger = MembershipFactory(clinic=other_clinic, role=Role.ADMIN).user
    with pytest.raises(PermissionDenied):
        client_erase(actor=stranger, client=client_record, confirm_name="Priya Sharma")
    assert (Client.objects.filter(pk=client_record.pk).exists(), AuditEntry.objects.count()) == (
        True,
        0,
    )


def test_erasure_summary_counts_what_erase_will_remove(full_record: Client) -> None:
    assert dict(erasure_summary(full_record)) == {
        "assessments": 2,
        "measurements": 13,  # the copied visit carries all but its red-flag answer
        "body chart marks": 2,  # one, and its copy in the copied visit
        "amendment": 1,
        "plan": 1,
        "plan versions": 2,
        "plan items": 2,
        "handout snapshot": 1,
        # Both kinds are queued at issue; the download made the plain one.
        "handout PDFs": 2,
        "handout email": 1,
        "program link": 1,
        "program tick": 1,
        "program day": 1,
        "program reminder": 1,
        "program answers": 1,
        "episode": 1,
        "episode goal": 1,
        "treatment records": 2,
        "treatment rows": 2,
        "treatment amendment": 1,
    }


def test_erasure_summary_of_a_new_client_is_empty(client_record: Client) -> None:
    assert erasure_summary(client_record) == []


# --- archive and restore -------------------------------------------------------------


def test_client_archive_hides_from_list_bumps_version_and_audits(
    therapist: User, client_record: Client
) -> None:
    archived = client_archive(actor=therapist, client=client_record, expected_version=1)
    assert (archived.archived, archived.version) == (True, 2)
    assert list(client_search(therapist)) == []
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.client_id, entry.detail) == (
        AuditAction.CHANGE,
        client_record.pk,
        "archived",
    )


def test_client_restore_lists_the_client_again(
    therapist: User, colleague: User, client_record: Client
) -> None:
    client_archive(actor=therapist, client=client_record, expected_version=1)
    restored = client_restore(actor=colleague, client=client_record, expected_version=2)
    assert (restored.archived, restored.version) == (False, 3)
    assert list(client_search(therapist)) == [client_record]
    assert list(AuditEntry.objects.order_by("pk").values_list("actor_username", "detail")) == [
        ("therapist", "archived"),
        ("colleague", "restored from the archive"),
    ]


def test_client_archive_with_stale_version_changes_nothing(
    therapist: User, client_record: Client
) -> None:
    client_update(actor=therapist, client=client_record, expected_version=1, fields={"phone": "1"})
    with pytest.raises(ConcurrentEditError) as error:
        client_archive(actor=therapist, client=client_record, expected_version=1)
    assert error.value.current.version == 2
    client_record.refresh_from_db()
    assert (client_record.archived, client_record.version) == (False, 2)
    assert AuditEntry.objects.filter(detail="archived").count() == 0


def test_client_archive_when_already_archived_does_nothing(
    therapist: User, client_record: Client
) -> None:
    client_archive(actor=therapist, client=client_record, expected_version=1)
    again = client_archive(actor=therapist, client=client_record, expected_version=2)
    assert (again.archived, again.version, AuditEntry.objects.count()) == (True, 2, 1)


def test_client_archive_by_outsider_is_refused(outsider: User, client_record: Client) -> None:
    with pytest.raises(PermissionDenied):
        client_archive(actor=outsider, client=client_record, expected_version=1)
    client_record.refresh_from_db()
    assert (client_record.archived, AuditEntry.objects.count()) == (False, 0)


def test_client_erase_forgets_the_clients_cached_panels(
    as_therapist: HttpClient,
    clinic_admin: User,
    full_record: Client,
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    as_therapist.get(reverse("client_detail", args=[full_record.pk]))
    key = f"client-panel:{full_record.pk}:history"
    assert "Final</span>" in str(cache.get(key))  # the history, health data included
    with django_capture_on_commit_callbacks(execute=True):
        client_erase(actor=clinic_admin, client=full_record, confirm_name="Priya Sharma")
    assert cache.get(key) is None

"""Double-clicked plan buttons land on one plan, and send one email, never a 500."""

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client as HttpClient
from django.urls import reverse

from assessments.models import Assessment
from clinic.models import AuditEntry, Client
from plans.models import ClinicIntervention, Plan, PlanVersion
from plans.services import plan_build, plan_issue
from tests.concurrent import on_postgresql, post_together
from tests.plans.builder_form import builder_post
from tests.plans.library.test_views import OWN


def _builder(version: PlanVersion) -> str:
    return reverse("plan_builder", args=[version.pk])


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_plan_build_posted_together_makes_one_plan(therapist: User, typical: Assessment) -> None:
    answers = post_together(therapist, reverse("plan_build", args=[typical.pk]), {})
    version = PlanVersion.objects.get()
    assert answers == [(302, _builder(version))] * 3
    assert Plan.objects.count() == 1
    created = AuditEntry.objects.filter(object_type="plan", action="create")
    assert list(created.values_list("object_id", flat=True)) == [version.plan_id]


def test_plan_build_posted_twice_lands_on_the_same_builder(
    as_therapist: HttpClient, typical: Assessment
) -> None:
    url = reverse("plan_build", args=[typical.pk])
    first = as_therapist.post(url)
    second = as_therapist.post(url)
    version = PlanVersion.objects.get()
    assert (first.status_code, first["Location"]) == (302, _builder(version))
    assert (second.status_code, second["Location"]) == (302, _builder(version))
    assert AuditEntry.objects.filter(object_type="plan", action="create").count() == 1


def _issued(therapist: User, typical: Assessment) -> PlanVersion:
    version = plan_build(actor=therapist, assessment=typical)
    return plan_issue(actor=therapist, version=version, expected_lock=version.lock)


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_plan_revise_posted_together_starts_one_new_version(
    therapist: User, typical: Assessment
) -> None:
    issued = _issued(therapist, typical)
    answers = post_together(therapist, reverse("plan_revise", args=[issued.pk]), {})
    new = PlanVersion.objects.get(number=2)
    assert answers == [(302, _builder(new))] * 3
    assert list(PlanVersion.objects.values_list("number", "status")) == [
        (1, "issued"),
        (2, "draft"),
    ]


def test_plan_revise_posted_twice_lands_on_the_same_draft(
    as_therapist: HttpClient, therapist: User, typical: Assessment
) -> None:
    issued = _issued(therapist, typical)
    url = reverse("plan_revise", args=[issued.pk])
    answers = [as_therapist.post(url) for _ in range(2)]
    new = PlanVersion.objects.get(number=2)
    assert [(a.status_code, a["Location"]) for a in answers] == [(302, _builder(new))] * 2
    assert PlanVersion.objects.count() == 2


def _issue_form(version: PlanVersion) -> dict[str, str]:
    return builder_post(version, action="issue")


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_plan_issue_posted_together_lands_on_the_issued_version(
    therapist: User, typical: Assessment
) -> None:
    version = plan_build(actor=therapist, assessment=typical)
    url = reverse("plan_action", args=[version.pk])
    answers = post_together(therapist, url, _issue_form(version))
    version.refresh_from_db()
    assert answers == [(302, _builder(version))] * 3
    assert (version.status, version.lock) == ("issued", 2)


def test_plan_issue_posted_twice_says_it_is_issued(
    as_therapist: HttpClient, therapist: User, typical: Assessment
) -> None:
    version = plan_build(actor=therapist, assessment=typical)
    url = reverse("plan_action", args=[version.pk])
    first = as_therapist.post(url, _issue_form(version), follow=True)
    second = as_therapist.post(url, _issue_form(version), follow=True)
    assert first.redirect_chain == second.redirect_chain == [(_builder(version), 302)]
    assert [str(m) for m in first.context["messages"]] == ["Plan version 1 issued."]
    assert [str(m) for m in second.context["messages"]] == ["Plan version 1 is already issued."]
    issued = AuditEntry.objects.filter(object_type="plan", detail="v1: issued")
    assert issued.count() == 1


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_library_add_posted_together_adds_one_intervention(clinic_admin: User) -> None:
    answers = post_together(clinic_admin, reverse("library_create"), OWN)
    # The first is added; the others are told the clinic already uses the slug (not a 500).
    assert sorted(answers) == [(200, ""), (200, ""), (302, reverse("library_list"))]
    assert list(ClinicIntervention.objects.values_list("slug", flat=True)) == ["wall-sit"]


def _emailed(therapist: User, typical: Assessment) -> PlanVersion:
    Client.objects.filter(pk=typical.client_id).update(email="priya@example.com")
    return _issued(therapist, typical)


def _email_audit() -> list[str]:
    return list(
        AuditEntry.objects.filter(object_type="handout", action="export")
        .order_by("pk")
        .values_list("detail", flat=True)
    )


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_handout_email_posted_together_sends_one_email(
    therapist: User, typical: Assessment
) -> None:
    issued = _emailed(therapist, typical)
    answers = post_together(therapist, reverse("handout_email", args=[issued.pk]), {})
    assert answers == [(302, _builder(issued))] * 3
    assert [message.to for message in mail.outbox] == [["priya@example.com"]]
    assert _email_audit() == ["handout PDF emailed to the client (plan version 1)"]


def test_handout_email_posted_twice_sends_once_and_says_so(
    as_therapist: HttpClient,
    therapist: User,
    typical: Assessment,
    django_capture_on_commit_callbacks: Any,
) -> None:
    issued = _emailed(therapist, typical)
    url = reverse("handout_email", args=[issued.pk])
    with django_capture_on_commit_callbacks(execute=True):
        as_therapist.post(url, follow=True)
    with django_capture_on_commit_callbacks(execute=True):
        second = as_therapist.post(url, follow=True)
    assert second.redirect_chain == [(_builder(issued), 302)]
    assert [str(m) for m in second.context["messages"]] == [
        "The handout was emailed to priya@example.com moments ago; not sent again."
    ]
    assert len(mail.outbox) == 1
    assert len(_email_audit()) == 1


def test_handout_email_again_after_the_address_is_corrected_sends(
    as_therapist: HttpClient,
    therapist: User,
    typical: Assessment,
    django_capture_on_commit_callbacks: Any,
) -> None:
    issued = _emailed(therapist, typical)
    url = reverse("handout_email", args=[issued.pk])
    with django_capture_on_commit_callbacks(execute=True):
        as_therapist.post(url)
    client = Client.objects.get(pk=typical.client_id)
    client.email = "priya.sharma@example.com"
    client.save()
    with django_capture_on_commit_callbacks(execute=True):
        as_therapist.post(url)
        as_therapist.post(url, {"progress": "on"})  # another handout: the one with progress
    assert [message.to for message in mail.outbox] == [
        ["priya@example.com"],
        ["priya.sharma@example.com"],
        ["priya.sharma@example.com"],
    ]
    assert len(_email_audit()) == 3

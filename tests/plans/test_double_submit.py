"""A double-clicked "Build plan" or "New version" lands on one plan, never a 500."""

import pytest
from django.contrib.auth.models import User
from django.test import Client as HttpClient
from django.urls import reverse

from assessments.models import Assessment
from clinic.models import AuditEntry
from plans.models import Plan, PlanVersion
from plans.services import plan_build, plan_issue
from tests.concurrent import on_postgresql, post_together


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

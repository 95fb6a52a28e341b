"""The client page's visit history: pain, key findings, plan and handout per visit."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client as HttpClient
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assessments.models import Assessment
from assessments.services import assessment_start
from clinic.models import Client
from plans.services import plan_build, plan_issue
from tests.plans.fixtures import TYPICAL, make_assessment


def test_history_shows_pain_findings_and_issued_handout(
    as_therapist: HttpClient, therapist: User, client_record: Client
) -> None:
    visit = make_assessment(therapist, client_record, {**TYPICAL, ("pain_now", ""): Decimal(6)})
    version = plan_build(actor=therapist, assessment=visit)
    plan_issue(actor=therapist, version=version, expected_lock=1)
    response = as_therapist.get(reverse("client_detail", args=[client_record.pk]))
    page = response.content.decode()
    row = next(iter(response.context["panels"][1].context["rows"]))
    assert (row.pain_now, row.pain_worst) == (6.0, None)
    assert [f.code for f in row.findings] == [
        "tight_hip_flexors_one_joint",
        "weak_glute_med",
        "prolonged_sitting",
    ]
    assert reverse("handout_pdf", args=[version.pk]) in page
    assert "Version 1</a> (issued)" in page


def test_history_marks_red_flag_visits(
    as_therapist: HttpClient, client_record: Client, red_flag: Assessment
) -> None:
    page = as_therapist.get(reverse("client_detail", args=[client_record.pk])).content.decode()
    assert '<span class="badge text-bg-danger">Red flag</span>' in page


def test_history_paginates_newest_first(
    as_therapist: HttpClient, therapist: User, client_record: Client
) -> None:
    start = datetime.date(2026, 1, 1)
    for day in range(12):
        assessment_start(
            actor=therapist, client=client_record, visit_date=start + datetime.timedelta(days=day)
        )
    url = reverse("client_detail", args=[client_record.pk])
    first = as_therapist.get(url).context["panels"][1].context["rows"]
    second = as_therapist.get(url, {"visits": 2}).context["panels"][1].context["rows"]
    assert [row.visit.visit_date.day for row in first][:2] == [12, 11]
    assert [row.visit.visit_date.day for row in second] == [2, 1]


@pytest.mark.parametrize("visits", [1, 3, 30])
def test_history_query_count_is_flat_with_plans(
    as_therapist: HttpClient, therapist: User, client_record: Client, visits: int
) -> None:
    for _ in range(visits):
        visit = make_assessment(therapist, client_record, TYPICAL)
        plan_build(actor=therapist, assessment=visit)
    with CaptureQueriesContext(connection) as queries:
        as_therapist.get(reverse("client_detail", args=[client_record.pk]))
    # as without plans, plus one query for the plans' versions
    assert len(queries) == 11, [q["sql"] for q in queries]

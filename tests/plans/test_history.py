"""The client page's visit history: pain, key findings, plan and handout per visit."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client as HttpClient
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assessments.models import Assessment
from assessments.services import assessment_start
from clinic.models import Client
from plans.panels import VisitRow, history_panel_fresh
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
    row = next(iter(_rows(therapist, client_record)))
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
    first, second = _rows(therapist, client_record), _rows(therapist, client_record, page=2)
    assert [row.visit.visit_date.day for row in first][:2] == [12, 11]
    assert [row.visit.visit_date.day for row in second] == [2, 1]


@pytest.mark.parametrize("visits", [1, 3, 12])
def test_history_query_count_is_flat_with_plans(
    as_therapist: HttpClient, therapist: User, client_record: Client, visits: int
) -> None:
    for _ in range(visits):
        visit = make_assessment(therapist, client_record, TYPICAL)
        plan_build(actor=therapist, assessment=visit)
    with CaptureQueriesContext(connection) as queries:
        as_therapist.get(reverse("client_detail", args=[client_record.pk]))
    # as without plans, plus one query for the plans' versions
    # 12, the home program panel's one (plans/program/panel.py; no link issued here), the
    # episode panel's one (episodes/panel.py; no episode here), and two for body charts:
    # the history's marks, the latest visit's chart (progress panel).
    assert len(queries) == 16, [q["sql"] for q in queries]


@pytest.mark.parametrize("visits", [1, 3, 12])
def test_history_second_view_comes_from_the_panel_cache(
    as_therapist: HttpClient, therapist: User, client_record: Client, visits: int
) -> None:
    for _ in range(visits):
        plan_build(actor=therapist, assessment=make_assessment(therapist, client_record, TYPICAL))
    url = reverse("client_detail", args=[client_record.pk])
    first = _history_html(as_therapist.get(url).content.decode())
    with CaptureQueriesContext(connection) as queries:
        second = _history_html(as_therapist.get(url).content.decode())
    # session, user, membership, client, audit insert, the cached panels' stamp; the
    # program and episode panels are not cached (one query each)
    assert len(queries) == 8, [q["sql"] for q in queries]
    assert second == first
    assert second.count("<tr>") == min(visits, 10) + 1  # header row and one per visit


def test_history_shows_a_change_at_once_despite_the_cache(
    as_therapist: HttpClient, therapist: User, client_record: Client
) -> None:
    visit = make_assessment(therapist, client_record, TYPICAL)
    url = reverse("client_detail", args=[client_record.pk])
    assert "Version 1" not in as_therapist.get(url).content.decode()
    version = plan_build(actor=therapist, assessment=visit)
    assert "Version 1</a> (draft)" in as_therapist.get(url).content.decode()
    plan_issue(actor=therapist, version=version, expected_lock=version.lock)
    assert "Version 1</a> (issued)" in as_therapist.get(url).content.decode()
    assessment_start(actor=therapist, client=client_record, visit_date=datetime.date(2026, 11, 30))
    assert "30 Nov 2026" in as_therapist.get(url).content.decode()


def _history_html(page: str) -> str:
    """The history table (the page around it holds a per-request CSRF token)."""
    return page[page.index("Visits, newest first") : page.index("</table>")]


def _rows(user: User, client: Client, page: int | None = None) -> list[VisitRow]:
    request = RequestFactory().get("/", {"visits": page} if page else {})
    request.user = user
    return list(history_panel_fresh(request, client).context["rows"])

"""The handout's optional progress page: content, caching and access."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client as HttpClient
from django.urls import reverse

from assessments.models import Assessment
from assessments.services import (
    assessment_amend,
    assessment_finalise,
    assessment_save,
    assessment_start,
)
from clinic.models import AuditEntry, Client
from plans.handout.render import RENDERS
from plans.models import HandoutPDF, PlanVersion
from tests.plans.fixtures import TYPICAL
from tests.plans.handout.helpers import issue, pages_text, render_pdf

# Rendered PDFs and pages over fixtures: what they say does not depend on the database, so
# make test-sqlite leaves these out (tests/conftest.py); they run on PostgreSQL.
pytestmark = pytest.mark.same_on_any_database

FIRST, SECOND, LATER = (
    datetime.date(2026, 9, 1),
    datetime.date(2026, 10, 6),
    datetime.date(2026, 12, 1),
)


def _visit(therapist: User, client: Client, day: datetime.date, pain: int) -> Assessment:
    values = {
        **TYPICAL,
        ("pain_now", ""): Decimal(pain),
        ("pain_worst_24h", ""): Decimal(pain + 2),
    }
    draft = assessment_start(actor=therapist, client=client, visit_date=day)
    saved = assessment_save(
        actor=therapist, assessment=draft, expected_version=1, narrative={}, values=values
    )
    return assessment_finalise(actor=therapist, assessment=saved, expected_version=2)


@pytest.fixture
def first_visit(therapist: User, client_record: Client) -> Assessment:
    return _visit(therapist, client_record, FIRST, pain=7)


@pytest.fixture
def issued(therapist: User, client_record: Client, first_visit: Assessment) -> PlanVersion:
    return issue(therapist, _visit(therapist, client_record, SECOND, pain=3))


def _pdf(http: HttpClient, version: PlanVersion, progress: bool = True) -> bytes:
    url = reverse("handout_pdf", args=[version.pk]) + ("?progress=1" if progress else "")
    response = http.get(url)
    assert response["Content-Type"] == "application/pdf"
    return response.content


def test_handout_progress_page_tells_pain_change_in_plain_words(
    as_therapist: HttpClient, issued: PlanVersion
) -> None:
    last = pages_text(_pdf(as_therapist, issued))[-1]
    assert "Your progress" in last
    assert "Your pain" in last
    assert "Pain now: 7/10 on 1 Sep 2026, 3/10 on 6 Oct 2026 (better)." in last
    assert "Worst pain, last 24 hours: 9/10 on 1 Sep 2026, 5/10 on 6 Oct 2026 (better)." in last
    assert "Pain now: solid line, dots; Worst pain, last 24 hours: dashed line, squares." in last


def test_handout_without_progress_has_no_progress_page(
    as_therapist: HttpClient, issued: PlanVersion
) -> None:
    text = " ".join(pages_text(_pdf(as_therapist, issued, progress=False)))
    assert "Your progress" not in text


def test_handout_progress_page_with_one_visit_shows_the_single_value(
    as_therapist: HttpClient, therapist: User, client_record: Client
) -> None:
    version = issue(therapist, _visit(therapist, client_record, FIRST, pain=5))
    last = pages_text(_pdf(as_therapist, version))[-1]
    assert "Pain now: 5/10 on 1 Sep 2026." in last


def test_handout_progress_page_without_pain_scores_says_so(
    as_therapist: HttpClient, issued_without_pain: PlanVersion
) -> None:
    last = pages_text(_pdf(as_therapist, issued_without_pain))[-1]
    assert "nothing to show" in last


@pytest.fixture
def issued_without_pain(therapist: User, typical: Assessment) -> PlanVersion:
    return issue(therapist, typical)


def test_handout_with_and_without_progress_are_cached_apart(
    as_therapist: HttpClient, issued: PlanVersion
) -> None:
    before = RENDERS.count
    plain, with_progress = _pdf(as_therapist, issued, False), _pdf(as_therapist, issued)
    assert (_pdf(as_therapist, issued, False), _pdf(as_therapist, issued)) == (
        plain,
        with_progress,
    )
    assert RENDERS.count == before + 2
    assert sorted(
        HandoutPDF.objects.filter(renders=1).values_list("with_progress", flat=True)
    ) == [False, True]


def test_handout_progress_ignores_visits_after_the_plan(
    as_therapist: HttpClient, therapist: User, client_record: Client, issued: PlanVersion
) -> None:
    first = _pdf(as_therapist, issued)
    before = RENDERS.count
    _visit(therapist, client_record, LATER, pain=1)
    assert _pdf(as_therapist, issued) == first
    assert RENDERS.count == before


def test_handout_progress_keeps_the_values_charted_at_issue_when_a_visit_is_amended(
    as_therapist: HttpClient, therapist: User, first_visit: Assessment, issued: PlanVersion
) -> None:
    before = pages_text(_pdf(as_therapist, issued))
    first_visit.refresh_from_db()
    assessment_amend(
        actor=therapist,
        assessment=first_visit,
        expected_version=first_visit.version,
        narrative={},
        values={("pain_now", ""): Decimal(8)},
        reason="Typed 7, client said 8",
    )
    renders = RENDERS.count
    assert pages_text(_pdf(as_therapist, issued)) == before
    assert RENDERS.count == renders
    assert "Pain now: 8/10 on 1 Sep 2026" not in before[-1]
    # Rendered again from the record, it still shows the values charted when issued.
    assert pages_text(render_pdf(issued, with_progress=True)) == before


@pytest.mark.parametrize("earlier", [0, 2, 28])
def test_handout_progress_cached_download_query_count(
    as_therapist: HttpClient,
    therapist: User,
    client_record: Client,
    issued: PlanVersion,
    earlier: int,
    django_assert_num_queries: object,
) -> None:
    for days in range(earlier):  # more finalised visits before the plan's (2 already)
        _visit(therapist, client_record, FIRST - datetime.timedelta(days=days + 1), pain=6)
    _pdf(as_therapist, issued)
    # as without the page: session, user, the stored PDF, audit (the charts are in it)
    with django_assert_num_queries(4):  # type: ignore[operator]
        _pdf(as_therapist, issued)


def test_handout_progress_preview_draws_the_chart(
    as_therapist: HttpClient, issued: PlanVersion
) -> None:
    url = reverse("handout_preview", args=[issued.pk]) + "?progress=1"
    html = as_therapist.get(url).content.decode()
    assert '<svg class="progress-chart-svg"' in html
    assert '<title id="handout-pain-title">Pain (NPRS)</title>' in html
    assert list(AuditEntry.objects.values_list("detail", flat=True)[:1]) == [
        "handout preview with progress page (plan version 1)"
    ]


def test_handout_email_with_progress_attaches_the_progress_handout(
    as_therapist: HttpClient,
    issued: PlanVersion,
    client_record: Client,
    django_capture_on_commit_callbacks: object,
) -> None:
    client_record.email = "priya@example.com"
    client_record.save()
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        as_therapist.post(reverse("handout_email", args=[issued.pk]), {"progress": "1"})
    [(_name, content, _type)] = mail.outbox[0].attachments  # type: ignore[misc]
    assert content == bytes(HandoutPDF.objects.get(with_progress=True).pdf)
    assert "Your progress" in pages_text(content)[-1]


def test_handout_progress_outsider_gets_404(as_outsider: HttpClient, issued: PlanVersion) -> None:
    url = reverse("handout_pdf", args=[issued.pk]) + "?progress=1"
    assert as_outsider.get(url).status_code == 404
    assert not HandoutPDF.objects.filter(renders__gt=0).exists()

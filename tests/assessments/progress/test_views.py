"""The progress page and the client page's pain chart: content, access, audit, queries."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.test import Client as HttpClient
from django.urls import reverse
from pytest_django import DjangoAssertNumQueries

from assessments.models import Assessment
from assessments.progress.panel import progress_panel_fresh
from assessments.services import assessment_finalise, assessment_save, assessment_start
from assessments.values import Key, Value
from clinic.models import AuditEntry, Client

DAY = datetime.date(2026, 3, 2)


def _visit(
    therapist: User, client: Client, days: int, values: dict[Key, Value], *, final: bool = True
) -> Assessment:
    draft = assessment_start(
        actor=therapist, client=client, visit_date=DAY + datetime.timedelta(days=days)
    )
    saved = assessment_save(
        actor=therapist, assessment=draft, expected_version=1, narrative={}, values=values
    )
    return (
        assessment_finalise(actor=therapist, assessment=saved, expected_version=2)
        if final
        else saved
    )


def _url(client: Client) -> str:
    return reverse("client_progress", args=[client.pk])


def _rich(day: int, pain: int) -> dict[Key, Value]:
    return {
        ("pain_now", ""): Decimal(pain),
        ("pain_worst_24h", ""): Decimal(min(pain + 2, 10)),
        ("psfs_score_1", ""): Decimal(4),
        ("psfs_activity_1", ""): "Sitting at work",
        ("odi_percent", ""): Decimal(30),
        ("hip_extension", "left"): Decimal(day % 15),
        ("hip_extension", "right"): Decimal(10),
        ("thomas_hip_angle", "left"): Decimal(8),
        ("slr_angle", "right"): Decimal(70),
        ("rom_instrument", ""): "goniometer",
    }


def test_progress_page_shows_every_chart_and_audits_once(
    as_therapist: HttpClient, therapist: User, client_record: Client
) -> None:
    _visit(therapist, client_record, 0, _rich(0, 7))
    _visit(therapist, client_record, 21, _rich(21, 3))
    _visit(therapist, client_record, 28, {("pain_now", ""): Decimal(0)}, final=False)
    response = as_therapist.get(_url(client_record))
    page = response.content.decode()
    assert [chart.title for chart in response.context["charts"]] == [
        "Pain (NPRS)",
        "PSFS mean",
        "Oswestry Disability Index (ODI)",
        "Roland-Morris Disability Questionnaire",
        "Hip extension",
        "Hip internal rotation",
        "Thomas test: hip angle to the table",
        "Straight leg raise",
    ]
    assert (response.context["charted"], response.context["drafts"]) == (2, 1)
    assert "2 finalised visits charted, placed by date." in page
    assert "1 draft visit not shown" in page
    assert '<title id="chart-pain-title">Pain (NPRS)</title>' in page
    assert "first 7/10, latest 3/10, improved beyond the meaningful-change band" in page
    assert '<p class="text-secondary mb-0">Not recorded at any finalised visit yet.</p>' in page
    assert reverse("client_detail", args=[client_record.pk]) in page
    assert reverse("assessment_compare", args=[client_record.pk]) in page
    entries = AuditEntry.objects.filter(action="view")
    assert [(e.object_type, e.object_id, e.client_id, e.detail) for e in entries] == [
        ("client", client_record.pk, client_record.pk, "progress charts")
    ]


def test_progress_page_without_visits_says_so(
    as_therapist: HttpClient, client_record: Client
) -> None:
    page = as_therapist.get(_url(client_record)).content.decode()
    assert page.count('<p class="text-secondary mb-0">No visits recorded yet.</p>') == 8
    assert "<svg" not in page
    assert "Compare visits" not in page


def test_progress_page_with_drafts_only_says_none_finalised(
    as_therapist: HttpClient, therapist: User, client_record: Client
) -> None:
    _visit(therapist, client_record, 0, {("pain_now", ""): Decimal(5)}, final=False)
    page = as_therapist.get(_url(client_record)).content.decode()
    assert page.count("No finalised visits yet.") == 8
    assert "1 draft visit not shown" in page


def test_progress_page_visible_to_colleague(
    as_colleague: HttpClient, therapist: User, client_record: Client
) -> None:
    _visit(therapist, client_record, 0, {("pain_now", ""): Decimal(5)})
    response = as_colleague.get(_url(client_record))
    assert (response.status_code, response.context["charted"]) == (200, 1)


def test_progress_outsider_gets_404(
    as_outsider: HttpClient, therapist: User, client_record: Client
) -> None:
    _visit(therapist, client_record, 0, {("pain_now", ""): Decimal(5)})
    response = as_outsider.get(_url(client_record))
    assert response.status_code == 404
    assert "Priya" not in response.content.decode()
    assert AuditEntry.objects.filter(action="view").count() == 0


def test_progress_missing_client_gets_404(as_therapist: HttpClient, db: None) -> None:
    assert as_therapist.get(reverse("client_progress", args=[999999])).status_code == 404


def test_progress_anonymous_is_sent_to_login(client: HttpClient, db: None) -> None:
    url = reverse("client_progress", args=[1])
    response = client.get(url)
    assert (response.status_code, response["Location"]) == (302, f"/accounts/login/?next={url}")


def test_progress_refuses_post(as_therapist: HttpClient, client_record: Client) -> None:
    assert as_therapist.post(_url(client_record)).status_code == 405


def test_progress_page_escapes_client_name(
    as_therapist: HttpClient, client_record: Client
) -> None:
    Client.objects.filter(pk=client_record.pk).update(family_name="<b>Sharma</b>")
    page = as_therapist.get(_url(client_record)).content.decode()
    assert "<b>Sharma</b>" not in page
    assert "&lt;b&gt;Sharma&lt;/b&gt;" in page


@pytest.mark.parametrize("visits", [1, 3, 12])
def test_progress_query_count_is_flat(
    as_therapist: HttpClient,
    therapist: User,
    client_record: Client,
    visits: int,
    django_assert_num_queries: DjangoAssertNumQueries,
) -> None:
    for day in range(visits):
        _visit(therapist, client_record, day, _rich(day, day % 11))
    _visit(therapist, client_record, visits, {("pain_now", ""): Decimal(1)}, final=False)
    # session, user, client with clinic, visits, their chart measurements, audit insert,
    # membership (page header)
    with django_assert_num_queries(7):
        response = as_therapist.get(_url(client_record))
    assert response.context["charted"] == visits


# --- the client page's panel ------------------------------------------------------------


def test_client_page_shows_pain_chart_and_link(
    as_therapist: HttpClient, therapist: User, client_record: Client
) -> None:
    _visit(therapist, client_record, 0, {("pain_now", ""): Decimal(6)})
    _visit(therapist, client_record, 14, {("pain_now", ""): Decimal(5)}, final=False)
    page = as_therapist.get(reverse("client_detail", args=[client_record.pk])).content.decode()
    panel = progress_panel_fresh(client_record).context
    assert [marker.title for marker in panel["chart"].series[0].markers] == [
        "Pain now, 2 Mar 2026: 6/10"
    ]
    assert "Pain now, 2 Mar 2026: 6/10" in page
    assert 'aria-labelledby="panel-pain-title panel-pain-desc"' in page
    assert f'<a href="{_url(client_record)}">All progress charts</a>' in page


def test_client_page_pain_chart_is_cached_until_a_visit_is_finalised(
    as_therapist: HttpClient, therapist: User, client_record: Client
) -> None:
    _visit(therapist, client_record, 0, {("pain_now", ""): Decimal(6)})
    draft = _visit(therapist, client_record, 14, {("pain_now", ""): Decimal(3)}, final=False)
    url = reverse("client_detail", args=[client_record.pk])
    assert "16 Mar 2026: 3/10" not in as_therapist.get(url).content.decode()
    assert "2 Mar 2026: 6/10" in str(cache.get(f"client-panel:{client_record.pk}:progress"))
    assessment_finalise(actor=therapist, assessment=draft, expected_version=2)
    assert "Pain now, 16 Mar 2026: 3/10" in as_therapist.get(url).content.decode()


def test_client_page_panel_without_pain_scores_says_so(
    as_therapist: HttpClient, client_record: Client
) -> None:
    page = as_therapist.get(reverse("client_detail", args=[client_record.pk])).content.decode()
    assert "No finalised visit with a pain score yet." in page
    assert 'id="panel-pain-heading"' in page


@pytest.mark.parametrize("visits", [1, 3, 12])
def test_client_page_panel_queries_are_flat(
    therapist: User,
    client_record: Client,
    visits: int,
    django_assert_num_queries: DjangoAssertNumQueries,
) -> None:
    for day in range(visits):
        _visit(therapist, client_record, day, {("pain_now", ""): Decimal(day % 11)})
    # the finalised visits' pain scores, the latest visit's body chart
    with django_assert_num_queries(2):
        panel = progress_panel_fresh(client_record)
    assert len(panel.context["chart"].series[0].markers) == visits

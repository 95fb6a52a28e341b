"""The visit comparison page: rows, access, audit and a flat query count."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client as HttpClient
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assessments.catalogue.items import RED_FLAGS
from assessments.models import Assessment
from assessments.services import assessment_save, assessment_start
from assessments.values import Key, Value
from clinic.models import AuditEntry, Client
from tests.factories import ClientFactory

DAY = datetime.date(2026, 11, 2)


def _visit(
    therapist: User, client: Client, day: datetime.date, values: dict[Key, Value | None]
) -> Assessment:
    draft = assessment_start(actor=therapist, client=client, visit_date=day)
    return assessment_save(
        actor=therapist, assessment=draft, expected_version=1, narrative={}, values=values
    )


@pytest.fixture
def first(therapist: User, client_record: Client) -> Assessment:
    return _visit(
        therapist,
        client_record,
        DAY,
        {("pain_now", ""): Decimal(6), ("hip_extension", "left"): Decimal(2)},
    )


@pytest.fixture
def second(therapist: User, client_record: Client, first: Assessment) -> Assessment:
    return _visit(
        therapist,
        client_record,
        DAY + datetime.timedelta(days=14),
        {("pain_now", ""): Decimal(3), ("hip_extension", "left"): Decimal(5)},
    )


def _url(client: Client, a: int | None = None, b: int | None = None) -> str:
    url = reverse("assessment_compare", args=[client.pk])
    return url if a is None else f"{url}?a={a}&b={b}"


def test_compare_page_shows_rows_and_audits_both_visits(
    as_therapist: HttpClient, client_record: Client, first: Assessment, second: Assessment
) -> None:
    # b before a: the earlier visit is still "before".
    response = as_therapist.get(_url(client_record, second.pk, first.pk))
    rows = [
        (r.code, r.side, r.before, r.after, r.change, r.classification)
        for r in response.context["comparison"].rows
    ]
    assert rows == [
        ("pain_now", "", "6/10", "3/10", "-3/10", "improved"),
        ("hip_extension", "left", "2°", "5°", "+3°", "within error"),
    ]
    page = response.content.decode()
    assert "Improved" in page
    assert "Within measurement error" in page
    assert "No home program link was followed between these visits." in page
    entries = AuditEntry.objects.filter(action="view").order_by("pk")
    assert [(e.object_type, e.object_id) for e in entries] == [
        ("assessment", first.pk),
        ("assessment", second.pk),
    ]


def test_compare_page_without_params_compares_two_latest(
    as_therapist: HttpClient, client_record: Client, first: Assessment, second: Assessment
) -> None:
    response = as_therapist.get(_url(client_record))
    assert response.status_code == 200
    assert response.context["chosen"] == (first.pk, second.pk)
    assert (response.context["before"], response.context["after"]) == (first, second)
    assert AuditEntry.objects.filter(action="view").count() == 2


@pytest.mark.parametrize("query", ["?a=x&b=1", "?a=1", "?a=&b="])
def test_compare_page_with_invalid_params_shows_choice(
    as_therapist: HttpClient, client_record: Client, second: Assessment, query: str
) -> None:
    response = as_therapist.get(_url(client_record) + query)
    assert (response.status_code, response.context["invalid"]) == (200, True)
    assert "Choose two different visits." in response.content.decode()


def test_compare_same_visit_twice_shows_choice(
    as_therapist: HttpClient, client_record: Client, first: Assessment, second: Assessment
) -> None:
    response = as_therapist.get(_url(client_record, first.pk, first.pk))
    assert (response.status_code, "comparison" in response.context) == (200, False)


def test_client_page_links_to_compare_with_two_visits(
    as_therapist: HttpClient, client_record: Client, first: Assessment
) -> None:
    url = reverse("client_detail", args=[client_record.pk])
    assert "Compare visits" not in as_therapist.get(url).content.decode()
    _visit(first.therapist, client_record, DAY + datetime.timedelta(days=7), {})
    assert _url(client_record) in as_therapist.get(url).content.decode()


def test_compare_outsider_gets_404(
    as_outsider: HttpClient, client_record: Client, first: Assessment, second: Assessment
) -> None:
    assert as_outsider.get(_url(client_record)).status_code == 404
    assert as_outsider.get(_url(client_record, first.pk, second.pk)).status_code == 404
    assert AuditEntry.objects.filter(action="view").count() == 0


def test_compare_visit_of_other_client_gives_404(
    as_therapist: HttpClient,
    therapist: User,
    client_record: Client,
    first: Assessment,
    second: Assessment,
) -> None:
    other = ClientFactory(clinic=client_record.clinic)
    theirs = _visit(therapist, other, DAY, {("pain_now", ""): Decimal(2)})
    assert as_therapist.get(_url(client_record, first.pk, theirs.pk)).status_code == 404
    assert as_therapist.get(_url(client_record, 999999, first.pk)).status_code == 404
    assert AuditEntry.objects.filter(action="view").count() == 0


def test_compare_anonymous_is_sent_to_login(client: HttpClient, db: None) -> None:
    url = reverse("assessment_compare", args=[1])
    response = client.get(url)
    assert (response.status_code, response["Location"]) == (302, f"/accounts/login/?next={url}")


@pytest.mark.parametrize("visits", [2, 3, 12])
def test_compare_query_count_is_flat(
    as_therapist: HttpClient, therapist: User, client_record: Client, visits: int
) -> None:
    made = [
        _visit(
            therapist,
            client_record,
            DAY - datetime.timedelta(days=day),
            {("pain_now", ""): Decimal(day % 10), ("faber", "left"): "positive"},
        )
        for day in range(visits)
    ]
    with CaptureQueriesContext(connection) as queries:
        response = as_therapist.get(_url(client_record, made[-1].pk, made[0].pk))
    assert response.status_code == 200
    # session, user, client, visits with therapists, measurements of the two, their
    # body-chart marks, 2 audit inserts, treatment rows of the two, program links between
    # the visits (none here), membership (page header)
    assert len(queries) == 11, [q["sql"] for q in queries]


def test_compare_page_shows_instrument_caveat_and_missing_values(
    as_therapist: HttpClient, therapist: User, client_record: Client
) -> None:
    before = _visit(
        therapist,
        client_record,
        DAY,
        {("rom_instrument", ""): "goniometer", ("hip_flexion", "left"): Decimal(100)},
    )
    after = _visit(
        therapist,
        client_record,
        DAY + datetime.timedelta(days=7),
        {
            ("rom_instrument", ""): "inclinometer",
            ("hip_flexion", "left"): Decimal(120),
            ("pain_now", ""): Decimal(4),
        },
    )
    page = as_therapist.get(_url(client_record, before.pk, after.pk)).content.decode()
    assert "<strong>Different instrument:</strong> Measured with goniometer before and " in page
    assert '<span class="badge text-bg-warning">Different instrument</span>' in page
    # Pain was tested in one visit only: not a change, so one line by default, a row in all.
    assert "Pain and history: 1 tested in one visit only" in page
    assert "Not tested in one visit" not in page
    everything = as_therapist.get(_url(client_record, before.pk, after.pk) + "&all=1")
    assert "Not tested in one visit" in everything.content.decode()


# --- only what changed, all items a click away, red flags in one line ---------------


def _red_flags(answer: str, **changed: str) -> dict[Key, Value | None]:
    return {(code, ""): changed.get(code, answer) for code, _, _ in RED_FLAGS}


def test_compare_page_lists_changes_with_a_link_to_all_items(
    as_therapist: HttpClient, therapist: User, client_record: Client
) -> None:
    unchanged = {("hip_flexion", "left"): Decimal(100), **_red_flags("no")}
    before = _visit(therapist, client_record, DAY, {("pain_now", ""): Decimal(6), **unchanged})
    after = _visit(
        therapist,
        client_record,
        DAY + datetime.timedelta(days=14),
        {("pain_now", ""): Decimal(3), **unchanged},
    )
    url = _url(client_record, before.pk, after.pk)
    page = as_therapist.get(url).content.decode()
    assert "Showing only what changed: 1 item." in page
    assert f'href="?a={before.pk}&amp;b={after.pk}&amp;all=1">Show all items</a>' in page
    assert ">Pain now (NPRS)</th>" in page
    assert ">Hip flexion</th>" not in page
    assert "Range of motion: no change (1 item)" in page
    assert "Red-flag screen: no change (all no)" in page
    assert ">Fever or chills</th>" not in page

    everything = as_therapist.get(url + "&all=1").content.decode()
    assert f'href="?a={before.pk}&amp;b={after.pk}">Show only what changed</a>' in everything
    assert ">Hip flexion</th>" in everything
    assert '<input type="hidden" name="all" value="1">' in everything
    # Never the seventeen unchanged answers one by one, even with every item shown.
    assert "Red-flag screen: no change (all no)" in everything
    assert ">Fever or chills</th>" not in everything


def test_compare_page_lists_a_changed_red_flag(
    as_therapist: HttpClient, therapist: User, client_record: Client
) -> None:
    before = _visit(therapist, client_record, DAY, _red_flags("no"))
    after = _visit(
        therapist,
        client_record,
        DAY + datetime.timedelta(days=14),
        _red_flags("no", rf_night_pain="yes"),
    )
    page = as_therapist.get(_url(client_record, before.pk, after.pk)).content.decode()
    assert ">Persistent night pain</th>" in page
    assert "Red-flag screen: no change (16 answers, all no)" in page
    assert page.count('<th scope="row"') == 1

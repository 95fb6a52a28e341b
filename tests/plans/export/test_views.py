"""Downloading a client's record: headers, audit, access and a flat query count."""

import datetime
import json
from decimal import Decimal
from typing import NamedTuple

import pytest
from django.contrib.auth.models import User
from django.test import Client as HttpClient
from django.urls import reverse
from django.utils import timezone
from pytest_django import DjangoAssertNumQueries

from assessments.models import Assessment
from clinic.models import AuditEntry, Client
from episodes.services import episode_goal_add
from plans.services import plan_build
from tests.episodes.helpers import open_episode
from tests.plans.fixtures import TYPICAL, make_assessment

LATER = datetime.date(2099, 1, 1)


class Export(NamedTuple):
    name: str
    content_type: str
    kind: str


EXPORTS = [
    Export("client_export_json", "application/json", "record"),
    Export("client_export_fhir", "application/fhir+json", "fhir"),
]


@pytest.fixture(params=EXPORTS, ids=["json", "fhir"])
def export(request: pytest.FixtureRequest) -> Export:
    return request.param


def _visits_in(export: Export, body: bytes) -> int:
    """How many visits a downloaded file holds."""
    data = json.loads(body.decode("utf-8"))
    if export.kind == "record":
        return len(data["visits"])
    return [e["resource"]["resourceType"] for e in data["entry"]].count("Encounter")


def test_export_download_is_an_attachment_without_the_client_name(
    as_therapist: HttpClient, client_record: Client, typical: Assessment, export: Export
) -> None:
    response = as_therapist.get(reverse(export.name, args=[client_record.pk]))
    today = timezone.localdate().isoformat()
    assert (response.status_code, response["Content-Type"]) == (200, export.content_type)
    assert response["Content-Disposition"] == (
        f'attachment; filename="client-{client_record.pk}-{export.kind}-{today}.json"'
    )
    assert response["Cache-Control"] == "private, no-store"
    assert "Sharma" not in response["Content-Disposition"]


def test_export_json_download_is_the_client_record(
    as_colleague: HttpClient, client_record: Client, typical: Assessment
) -> None:
    response = as_colleague.get(reverse("client_export_json", args=[client_record.pk]))
    document = json.loads(response.content.decode("utf-8"))
    assert (document["schema"], document["client"]["family_name"]) == (
        "hipplan.client-record",
        "Sharma",
    )
    assert [visit["assessment"]["visit_date"] for visit in document["visits"]] == ["2026-11-02"]


def test_export_fhir_download_is_a_bundle(
    as_colleague: HttpClient, client_record: Client, typical: Assessment
) -> None:
    response = as_colleague.get(reverse("client_export_fhir", args=[client_record.pk]))
    bundle = json.loads(response.content.decode("utf-8"))
    kinds = [entry["resource"]["resourceType"] for entry in bundle["entry"]]
    assert (bundle["resourceType"], bundle["type"]) == ("Bundle", "collection")
    assert (kinds.count("Patient"), kinds.count("Encounter")) == (1, 1)


def test_export_download_writes_one_audit_entry(
    as_therapist: HttpClient,
    therapist: User,
    client_record: Client,
    typical: Assessment,
    export: Export,
) -> None:
    before = AuditEntry.objects.count()
    as_therapist.get(reverse(export.name, args=[client_record.pk]))
    entry = AuditEntry.objects.order_by("-pk").first()
    assert entry is not None
    assert AuditEntry.objects.count() - before == 1
    assert (
        entry.actor_id,
        entry.action,
        entry.object_type,
        entry.object_id,
        entry.client_id,
        entry.detail,
    ) == (
        therapist.pk,
        "export",
        "client",
        client_record.pk,
        client_record.pk,
        f"{export.kind} export, 1 visit",
    )


def test_export_outsider_gets_404_and_no_audit(
    as_outsider: HttpClient, client_record: Client, typical: Assessment, export: Export
) -> None:
    response = as_outsider.get(reverse(export.name, args=[client_record.pk]))
    assert response.status_code == 404
    assert AuditEntry.objects.filter(action="export").count() == 0


def test_export_missing_client_is_404(as_therapist: HttpClient, db: None, export: Export) -> None:
    assert as_therapist.get(reverse(export.name, args=[999999])).status_code == 404


def test_export_anonymous_is_sent_to_login(
    client: HttpClient, client_record: Client, export: Export
) -> None:
    url = reverse(export.name, args=[client_record.pk])
    response = client.get(url)
    assert (response.status_code, response["Location"]) == (302, f"/accounts/login/?next={url}")


def test_export_post_is_not_allowed(
    as_therapist: HttpClient, client_record: Client, export: Export
) -> None:
    response = as_therapist.post(reverse(export.name, args=[client_record.pk]))
    assert (response.status_code, AuditEntry.objects.filter(action="export").count()) == (405, 0)


@pytest.mark.parametrize("visits", [1, 3, 12])
def test_export_query_count_is_flat(
    as_therapist: HttpClient,
    therapist: User,
    client_record: Client,
    visits: int,
    export: Export,
    django_assert_num_queries: DjangoAssertNumQueries,
) -> None:
    for _ in range(visits):
        plan_build(actor=therapist, assessment=make_assessment(therapist, client_record, TYPICAL))
    episode = open_episode(therapist, client_record)
    for activity in ("Sitting", "Cycling"):
        episode_goal_add(
            actor=therapist,
            episode=episode,
            activity=activity,
            target=Decimal(8),
            target_date=LATER,
        )
    # session, user, client, visits (with therapist and plan), measurements, body-chart
    # marks, amendments, plan versions, plan items, episodes, their goals, audit insert
    with django_assert_num_queries(12):
        response = as_therapist.get(reverse(export.name, args=[client_record.pk]))
    assert _visits_in(export, response.content) == visits


def test_client_page_links_to_both_exports(
    as_therapist: HttpClient, client_record: Client
) -> None:
    html = as_therapist.get(reverse("client_detail", args=[client_record.pk])).content.decode()
    for name in ("client_export_json", "client_export_fhir"):
        assert f'href="{reverse(name, args=[client_record.pk])}" download' in html

"""The builder's findings are kept in the client's cache between showings, never stale."""

from decimal import Decimal

from django.contrib.auth.models import User
from django.core.cache import cache
from django.db import connection
from django.test import Client as HttpClient
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assessments.interpretation import findings
from assessments.models import Assessment, Measurement
from assessments.services import assessment_amend
from clinic.models import Client, Clinic
from clinic.services.lifecycle import client_erase
from plans.models import PlanVersion

VALUES_TABLE = Measurement._meta.db_table


def _shown(http: HttpClient, version: PlanVersion) -> list[str]:
    response = http.get(reverse("plan_builder", args=[version.pk]))
    assert response.status_code == 200
    return [finding.code for finding in response.context["findings"]]


def _codes(assessment: Assessment) -> list[str]:
    assessment.refresh_from_db()
    return [finding.code for finding in findings(assessment)]


def test_a_second_showing_reads_no_values(as_therapist: HttpClient, version: PlanVersion) -> None:
    first = _shown(as_therapist, version)
    url = reverse("plan_builder", args=[version.pk])
    with CaptureQueriesContext(connection) as queries:
        response = as_therapist.get(url)
    shown = [finding.code for finding in response.context["findings"]]
    assert shown == first == _codes(version.plan.assessment)
    # The first showing's nine less the visit's values and body-chart marks.
    assert len(queries) == 7, [q["sql"] for q in queries]
    assert not any(VALUES_TABLE in q["sql"] for q in queries)


def test_an_amendment_shows_at_once(
    as_therapist: HttpClient, therapist: User, version: PlanVersion, typical: Assessment
) -> None:
    before = _shown(as_therapist, version)
    typical.refresh_from_db()
    assessment_amend(
        actor=therapist,
        assessment=typical,
        expected_version=typical.version,
        narrative={},
        values={("thomas_hip_angle", "left"): Decimal(0)},
        reason="Measured again: the left hip reaches the table.",
    )
    after = _shown(as_therapist, version)
    assert after != before
    assert after == _codes(typical)


def test_a_cutoff_change_shows_at_once(
    as_therapist: HttpClient, clinic: Clinic, version: PlanVersion, typical: Assessment
) -> None:
    before = _shown(as_therapist, version)
    clinic.cutoff_overrides = {"thomas_hip_angle_max": 20}  # 12 degrees is then within range
    clinic.save(update_fields=["cutoff_overrides"])
    after = _shown(as_therapist, version)
    assert after != before
    assert after == _codes(typical)


def test_erasing_the_client_drops_its_findings(
    as_therapist: HttpClient,
    clinic_admin: User,
    client_record: Client,
    version: PlanVersion,
    django_capture_on_commit_callbacks: object,
) -> None:
    key = f"client-panel:{client_record.pk}:findings"
    _shown(as_therapist, version)
    assert cache.get(key) is not None
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        client_erase(
            actor=clinic_admin, client=client_record, confirm_name=client_record.full_name
        )
    assert cache.get(key) is None

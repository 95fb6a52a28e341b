"""Findings of saved assessments use the clinic's cut-off overrides."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.test import Client as HttpClient
from django.urls import reverse

from assessments.catalogue.items import ITEMS, value_problem
from assessments.interpretation import clinic_cutoffs, findings
from assessments.selectors import assessment_get
from assessments.services import assessment_save, assessment_start
from clinic.models import Client, Clinic


def _with_slr(therapist: User, client: Client, angle: int) -> int:
    draft = assessment_start(actor=therapist, client=client, visit_date=datetime.date(2026, 11, 2))
    assessment_save(
        actor=therapist,
        assessment=draft,
        expected_version=1,
        narrative={},
        values={("slr_angle", "left"): Decimal(angle), ("slr_below_knee_pain", "left"): "no"},
    )
    return draft.pk


def test_findings_follow_clinic_override(
    therapist: User, client_record: Client, clinic: Clinic
) -> None:
    pk = _with_slr(therapist, client_record, 72)
    codes = [f.code for f in findings(assessment_get(therapist, pk))]
    assert codes == ["tight_hamstrings"]  # 72 is 8° below the default 80 (Magee): beyond error
    clinic.cutoff_overrides = {"slr_reduced_below": 70}
    clinic.save()
    assert [f.code for f in findings(assessment_get(therapist, pk))] == []


def test_invalid_stored_override_falls_back_to_defaults(
    therapist: User, client_record: Client, clinic: Clinic, caplog: pytest.LogCaptureFixture
) -> None:
    clinic.cutoff_overrides = {"renamed_cutoff": 3}
    clinic.save()
    pk = _with_slr(therapist, client_record, 75)
    assessment = assessment_get(therapist, pk)
    assert clinic_cutoffs(assessment)["slr_reduced_below"] == 80
    assert "invalid cut-off overrides" in caplog.text


def test_clinic_admin_override_is_validated(as_admin: HttpClient, clinic: Clinic) -> None:
    url = reverse("admin:clinic_clinic_change", args=[clinic.pk])
    form = {"name": clinic.name, "paper_size": "A4"}
    bad = as_admin.post(url, {**form, "cutoff_overrides": '{"thomas_hip": 5}'})
    errors = bad.context["adminform"].form.errors["cutoff_overrides"]
    assert errors[0].startswith("Unknown cut-off 'thomas_hip'")
    good = as_admin.post(url, {**form, "cutoff_overrides": '{"slr_reduced_below": 70}'})
    assert good.status_code == 302
    clinic.refresh_from_db()
    assert clinic.cutoff_overrides == {"slr_reduced_below": 70.0}


@pytest.mark.parametrize(
    ("code", "value", "problem"),
    [
        ("hip_flexion", Decimal(151), "Hip flexion must be between 0 and 150."),
        ("hip_flexion", Decimal(150), None),
        ("hip_flexion", Decimal(0), None),
        ("hip_flexion", Decimal("90.0"), None),
        ("hip_flexion", Decimal("90.5"), "Hip flexion: whole numbers only."),
        ("sitting_hours", Decimal("7.25"), "Hours sitting per day: 1 decimal place."),
        ("hip_flexion", "wide", "Hip flexion: 'wide' is not a number."),
        ("faber", "maybe", "FABER (Patrick): 'maybe' is not one of positive, negative."),
        ("faber", "negative", None),
        ("force_position", "x" * 201, "Dynamometer position: at most 200 characters."),
    ],
)
def test_value_problem_checks_kind_and_bounds(
    code: str, value: object, problem: str | None
) -> None:
    assert value_problem(ITEMS[code], value) == problem

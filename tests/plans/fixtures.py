"""Assessments with typical findings for plan tests (loaded as a plugin by tests/conftest)."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import User

from assessments.models import Assessment
from assessments.services import assessment_finalise, assessment_save, assessment_start
from clinic.models import Client
from plans.models import PlanVersion
from plans.services import plan_build

VISIT = datetime.date(2026, 11, 2)
TYPICAL = {
    ("thomas_hip_angle", "left"): Decimal(12),
    ("thomas_hip_angle", "right"): Decimal(0),
    ("strength_glute_med", "right"): "3",
    ("strength_glute_med", "left"): "5",
    ("agg_sitting", ""): "yes",
    ("sitting_hours", ""): Decimal(9),
}


def make_assessment(therapist: User, client: Client, values: dict) -> Assessment:
    draft = assessment_start(actor=therapist, client=client, visit_date=VISIT)
    saved = assessment_save(
        actor=therapist, assessment=draft, expected_version=1, narrative={}, values=values
    )
    return assessment_finalise(actor=therapist, assessment=saved, expected_version=2)


@pytest.fixture
def typical(therapist: User, client_record: Client) -> Assessment:
    return make_assessment(therapist, client_record, TYPICAL)


@pytest.fixture
def red_flag(therapist: User, client_record: Client) -> Assessment:
    return make_assessment(
        therapist, client_record, {**TYPICAL, ("rf_saddle_numbness", ""): "yes"}
    )


@pytest.fixture
def version(therapist: User, typical: Assessment) -> PlanVersion:
    """The draft plan built from the typical visit (the builder's tests)."""
    return plan_build(actor=therapist, assessment=typical)

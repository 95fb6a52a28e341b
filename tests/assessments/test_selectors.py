"""Reads of assessments (assessments/selectors.py)."""

import datetime

import pytest
from django.contrib.auth.models import User
from django.http import Http404

from assessments.selectors import assessment_get
from assessments.services import assessment_start
from clinic.models import Client


def test_assessment_get_leaves_the_clinic_logo_unread(
    therapist: User, client_record: Client
) -> None:
    draft = assessment_start(
        actor=therapist, client=client_record, visit_date=datetime.date(2026, 11, 2)
    )
    assessment = assessment_get(therapist, draft.pk)
    assert assessment.client.clinic.get_deferred_fields() == {"logo"}
    assert assessment.client.clinic.name == "Riverside Test Clinic"


def test_assessment_get_of_another_clinic_is_404(
    therapist: User, outsider: User, client_record: Client
) -> None:
    draft = assessment_start(
        actor=therapist, client=client_record, visit_date=datetime.date(2026, 11, 2)
    )
    with pytest.raises(Http404):
        assessment_get(outsider, draft.pk)

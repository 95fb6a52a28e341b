"""A draft visit to record treatment on, and a massage therapist and a physiotherapist."""

import datetime

import pytest
from django.contrib.auth.models import User

from assessments.models import Assessment
from assessments.services import assessment_start
from clinic.models import Client, Profession


@pytest.fixture
def visit(therapist: User, client_record: Client) -> Assessment:
    return assessment_start(
        actor=therapist, client=client_record, visit_date=datetime.date(2026, 11, 2)
    )


def _as(user: User, profession: Profession) -> User:
    user.membership.profession = profession
    user.membership.save(update_fields=["profession"])
    return user


@pytest.fixture
def massage_therapist(therapist: User) -> User:
    return _as(therapist, Profession.MASSAGE_THERAPIST)


@pytest.fixture
def physio(colleague: User) -> User:
    return _as(colleague, Profession.PHYSIOTHERAPIST)

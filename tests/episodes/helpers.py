"""Visits with PSFS scores and an episode over them, for the episode tests."""

import datetime
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import User

from assessments.models import Assessment
from assessments.services import assessment_finalise, assessment_save, assessment_start
from clinic.models import Client
from episodes.models import Episode
from episodes.services import episode_create

START = datetime.date(2026, 9, 1)
SITTING, CYCLING = "Sitting through a meeting", "Cycling to work"


def visit(
    therapist: User,
    client: Client,
    day: int,
    *,
    pain: int,
    sitting: int,
    more: dict[tuple[str, str], Any] | None = None,
) -> Assessment:
    """A finalised visit `day` days after START with pain and two PSFS activities."""
    draft = assessment_start(
        actor=therapist, client=client, visit_date=START + datetime.timedelta(days=day)
    )
    values = {
        ("pain_now", ""): Decimal(pain),
        ("psfs_activity_1", ""): SITTING,
        ("psfs_score_1", ""): Decimal(sitting),
        ("psfs_activity_2", ""): CYCLING,
        ("psfs_score_2", ""): Decimal(5),
        **(more or {}),
    }
    saved = assessment_save(
        actor=therapist, assessment=draft, expected_version=1, narrative={}, values=values
    )
    return assessment_finalise(actor=therapist, assessment=saved, expected_version=2)


def open_episode(therapist: User, client: Client, **fields: Any) -> Episode:
    return episode_create(
        actor=therapist,
        client=client,
        fields={
            "complaint": "Low back pain when sitting",
            "started_on": START,
            "referrer_name": "Dr Ada Quinn",
            "referrer_address": "Mill Lane Surgery",
            "planned_sessions": 6,
            "reassess_every": 2,
            "reassess_on": None,
            **fields,
        },
    )

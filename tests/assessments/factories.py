"""Assessments for tests, written through the services (as the app writes them)."""

import datetime
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import User

from assessments.body_chart.regions import Mark
from assessments.models import Assessment
from assessments.services import assessment_finalise, assessment_save, assessment_start
from assessments.values import Key, Value
from clinic.models import Client

# One value of every kind, sided and not, including decimals and non-ASCII text.
RICH_VALUES: dict[Key, Value] = {
    ("pain_now", ""): Decimal(5),
    ("pain_site_low_back", ""): "central",
    ("agg_sitting", ""): "yes",
    ("sitting_hours", ""): Decimal("9.5"),
    ("rf_fever", ""): "no",
    ("pelvic_tilt_direction", ""): "anterior",
    ("pelvic_tilt_deg", ""): Decimal(16),
    ("leg_length_true", "left"): Decimal("88.4"),
    ("leg_length_true", "right"): Decimal("88.9"),
    ("thomas_hip_angle", "left"): Decimal(12),
    ("thomas_hip_angle", "right"): Decimal(-3),
    ("hip_extension", "left"): Decimal(3),
    ("hip_extension", "right"): Decimal(8),
    ("strength_glute_med", "left"): "4-",
    ("strength_glute_med", "right"): "5",
    ("force_glute_med", "right"): Decimal("172.5"),
    ("force_unit", ""): "N",
    ("force_position", ""): "Side-lying, 5 cm above the knee",
    ("trendelenburg", "right"): "positive",
    ("palp_piriformis_tender", "left"): "2",
    ("palp_piriformis_trigger", "left"): "familiar",
    ("palp_piriformis_referral", ""): "Back of the thigh",
    ("psfs_activity_1", ""): "Sitting through a meeting (2 h) \u2013 ça va",
    ("psfs_score_1", ""): Decimal(3),
    ("odi_percent", ""): Decimal("38.5"),
}
RICH_NARRATIVE = {
    "presenting_complaint": "Low back ache after sitting.",
    "onset": "6 months",
    "eases": "Walking",
    "activities": "Cycling",
    "goals": "Sit through a working day",
    "gait_notes": "Short stride",
    "notes": 'Zoë\'s notes: "quoted" and\nnew line',
    "treatment_today": "Hip flexor release",
}

# A small valid interchange document (version 1).
VALID: dict[str, Any] = {
    "schema": "hipplan.assessment",
    "version": 1,
    "visit_date": "2026-11-02",
    "status": "final",
    "therapist": "therapist",
    "client": {"reference": "17", "age_at_visit": 38, "sex": "female"},
    "narrative": {"presenting_complaint": "Low back ache", "onset": "6 months"},
    "measurements": [
        {"item": "pain_now", "side": "", "value": 5},
        {"item": "hip_extension", "side": "left", "value": 8},
        {"item": "agg_sitting", "side": "", "value": "yes"},
        {"item": "psfs_activity_1", "side": "", "value": "Sitting"},
        {"item": "sitting_hours", "side": "", "value": 9.5},
    ],
}


def recorded_assessment(
    *,
    actor: User,
    client: Client,
    values: Mapping[Key, Value],
    narrative: Mapping[str, str] | None = None,
    visit_date: datetime.date = datetime.date(2026, 11, 2),
    final: bool = True,
    body_chart: Sequence[Mark] | None = None,
) -> Assessment:
    """A visit saved (and by default finalised) through the services; always a new one."""
    assessment = assessment_start(actor=actor, client=client, visit_date=visit_date, another=True)
    assessment = assessment_save(
        actor=actor,
        assessment=assessment,
        expected_version=assessment.version,
        narrative=narrative or {},
        values=values,
        body_chart=body_chart,
    )
    if final:
        assessment = assessment_finalise(
            actor=actor, assessment=assessment, expected_version=assessment.version
        )
    return assessment

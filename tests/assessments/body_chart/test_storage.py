"""Body-chart marks in the database: constraints, saving, copy-forward, amendments."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from assessments.body_chart.regions import Mark
from assessments.findings.core import interpret
from assessments.models import Assessment, BodyChartMark
from assessments.norms import cutoffs_for
from assessments.selectors import assessment_get, assessment_values
from assessments.services import (
    FinaliseBlocked,
    assessment_amend,
    assessment_finalise,
    assessment_save,
    assessment_start,
)
from clinic.models import AuditEntry, Client

DAY = datetime.date(2026, 11, 2)


def _marks(assessment: Assessment) -> list[tuple[str, str, int | None, bool]]:
    rows = BodyChartMark.objects.filter(assessment=assessment).order_by("region")
    return [(m.region, m.pain_type, m.intensity, m.carried_over) for m in rows]


def test_database_refuses_unknown_region_type_intensity_and_a_second_mark(
    therapist: User, client_record: Client
) -> None:
    visit = assessment_start(actor=therapist, client=client_record, visit_date=DAY)
    BodyChartMark.objects.create(
        assessment=visit, region="buttock_left", pain_type="ache", intensity=3
    )
    bad = [
        {"region": "elbow_left", "pain_type": "ache", "intensity": 3},
        {"region": "groin_left", "pain_type": "ache", "intensity": None},
        {"region": "groin_left", "pain_type": "ache", "intensity": 3, "carried_over": True},
        {"region": "groin_left", "pain_type": "throbbing", "intensity": 3},
        {"region": "groin_left", "pain_type": "ache", "intensity": 11},
        {"region": "buttock_left", "pain_type": "sharp", "intensity": 5},
    ]
    for fields in bad:
        with pytest.raises(IntegrityError), transaction.atomic():
            BodyChartMark.objects.create(assessment=visit, **fields)
    assert _marks(visit) == [("buttock_left", "ache", 3, False)]


def test_save_writes_changes_and_removes_marks_and_audits_without_values(
    therapist: User, client_record: Client
) -> None:
    visit = assessment_start(actor=therapist, client=client_record, visit_date=DAY)
    chart = [Mark("leg_back_left", "pins_needles", 4), Mark("buttock_left", "ache", 6)]
    saved = assessment_save(
        actor=therapist, assessment=visit, expected_version=1, narrative={}, values={},
        body_chart=chart,
    )  # fmt: skip
    assert _marks(saved) == [
        ("buttock_left", "ache", 6, False),
        ("leg_back_left", "pins_needles", 4, False),
    ]
    entry = AuditEntry.objects.filter(object_id=visit.pk).latest("pk")
    assert entry.detail == "changed: body_chart"
    # None leaves the chart as it is; a new complete chart replaces it.
    saved = assessment_save(
        actor=therapist, assessment=saved, expected_version=2, narrative={},
        values={("pain_now", ""): Decimal(3)},
    )  # fmt: skip
    assert len(_marks(saved)) == 2
    saved = assessment_save(
        actor=therapist, assessment=saved, expected_version=3, narrative={}, values={},
        body_chart=[Mark("buttock_left", "sharp", 6)],
    )  # fmt: skip
    assert _marks(saved) == [("buttock_left", "sharp", 6, False)]
    with pytest.raises(ValidationError):
        assessment_save(
            actor=therapist, assessment=saved, expected_version=4, narrative={}, values={},
            body_chart=[Mark("buttock_left", "ache", 12)],
        )  # fmt: skip


def test_copy_forward_carries_regions_and_types_and_asks_intensity_anew(
    therapist: User, client_record: Client
) -> None:
    first = assessment_start(actor=therapist, client=client_record, visit_date=DAY)
    first = assessment_save(
        actor=therapist, assessment=first, expected_version=1, narrative={}, values={},
        body_chart=[Mark("groin_right", "sharp", 5), Mark("leg_back_right", "burning", 2)],
    )  # fmt: skip
    later = DAY + datetime.timedelta(days=14)
    follow_up = assessment_start(
        actor=therapist, client=client_record, visit_date=later, copy_forward=True
    )
    assert _marks(follow_up) == [
        ("groin_right", "sharp", None, True),
        ("leg_back_right", "burning", None, True),
    ]
    # Carried below the knee still counts for the red flag (as a carried pain site does).
    values = assessment_values(assessment_get(therapist, follow_up.pk))
    assert [f.code for f in interpret(values, cutoffs_for(None))] == ["red_flag_neurological"]
    # Posted back unchanged (blank intensity) it stays carried, tick or not; finalising
    # waits for today's intensity.
    carried = [Mark("groin_right", "sharp", None), Mark("leg_back_right", "burning", None)]
    saved = assessment_save(
        actor=therapist, assessment=follow_up, expected_version=1, narrative={}, values={},
        body_chart=carried, confirm_carried=True,
    )  # fmt: skip
    assert [m[3] for m in _marks(saved)] == [True, True]
    with pytest.raises(FinaliseBlocked, match="2 body-chart regions carried over"):
        assessment_finalise(actor=therapist, assessment=saved, expected_version=2)
    # A blank intensity for a region not carried, or with another pain type, is refused.
    for wrong in (Mark("buttock_left", "ache", None), Mark("groin_right", "ache", None)):
        with pytest.raises(ValidationError):
            assessment_save(
                actor=therapist, assessment=saved, expected_version=2, narrative={},
                values={}, body_chart=[wrong],
            )  # fmt: skip
    # Today's intensity for one, the other removed: nothing carried, finalising works.
    saved = assessment_save(
        actor=therapist, assessment=saved, expected_version=2, narrative={}, values={},
        body_chart=[Mark("groin_right", "sharp", 3)],
    )  # fmt: skip
    assert _marks(saved) == [("groin_right", "sharp", 3, False)]
    final = assessment_finalise(actor=therapist, assessment=saved, expected_version=3)
    amendment = assessment_amend(
        actor=therapist, assessment=final, expected_version=4, narrative={}, values={},
        reason="Numbness below the knee was missed",
        body_chart=[Mark("groin_right", "sharp", 3), Mark("leg_front_right", "numbness", 1)],
    )  # fmt: skip
    assert amendment is not None
    assert amendment.changes == [
        {"field": "body_chart", "side": "leg_front_right", "old": "", "new": "numbness 1/10"}
    ]
    assert _marks(first) == [
        ("groin_right", "sharp", 5, False),
        ("leg_back_right", "burning", 2, False),
    ]

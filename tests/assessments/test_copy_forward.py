"""Copy-forward: every value but today's answers is carried to the next visit, marked."""

import datetime
import math
from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.test import Client as HttpClient
from django.urls import reverse

from assessments.catalogue.items import (
    ASKED_ANEW,
    CARRIED_FORWARD,
    ITEMS,
    RED_FLAGS,
    SECTION_OF,
    Kind,
)
from assessments.models import Assessment
from assessments.outcomes.startback import startback_from_answers
from assessments.selectors import assessment_values
from assessments.services import (
    FinaliseBlocked,
    assessment_finalise,
    assessment_save,
    assessment_start,
)
from assessments.values import AssessmentValues, Key, Value
from clinic.models import AuditAction, AuditEntry, Client

DAY1, DAY2 = datetime.date(2026, 10, 1), datetime.date(2026, 10, 29)
RED_FLAG_CODES = {code for code, _, _ in RED_FLAGS}


def _every_value() -> dict[Key, Value]:
    """A valid value for every item and side of the catalogue."""
    values: dict[Key, Value] = {}
    for item in ITEMS.values():
        for side in item.sides:
            if item.kind is Kind.NUMBER:
                assert item.minimum is not None
                value: Value = Decimal(math.ceil(item.minimum))
            elif item.kind is Kind.CHOICE:
                value = item.choices[0][0]
            else:
                value = f"{item.label} as said"
            values[(item.code, side)] = value
    # The STarT Back totals typed from the form must agree with the nine answers.
    scored = startback_from_answers(AssessmentValues(values))
    assert scored is not None
    assert scored.total is not None
    assert scored.psychosocial is not None
    values[("startback_total", "")] = Decimal(scored.total)
    values[("startback_distress", "")] = Decimal(scored.psychosocial)
    return values


@pytest.fixture
def complete(therapist: User, client_record: Client) -> Assessment:
    draft = assessment_start(actor=therapist, client=client_record, visit_date=DAY1)
    saved = assessment_save(
        actor=therapist,
        assessment=draft,
        expected_version=1,
        narrative={},
        values=_every_value(),
    )
    return assessment_finalise(actor=therapist, assessment=saved, expected_version=2)


def test_asked_anew_is_pain_intensity_and_every_questionnaire_answer() -> None:
    answers = {code for code, item in ITEMS.items() if SECTION_OF[code].code == "outcomes"} - {
        f"psfs_activity_{n}" for n in range(1, 6)
    }
    # Today's state, like pain: a recent flare-up and the stress rating (docs/clinical.md).
    # And how the client has been since the last visit and after its treatment.
    today = {"flare_up", "flare_up_days", "stress_rating"}
    today |= {"since_last_visit", "last_treatment_response"}
    assert frozenset({"pain_now", "pain_worst_24h"} | today | answers) == ASKED_ANEW
    assert "rmdq_score" in ASKED_ANEW
    assert {"odi_percent", "startback_total", "psfs_score_1", "odi_section_10"} <= ASKED_ANEW
    assert {f"startback_{n}" for n in range(1, 10)} <= ASKED_ANEW  # the answers, not only totals


def test_carried_forward_includes_pain_sites_aggravating_factors_and_psfs_activities() -> None:
    subjective = {code for code in ITEMS if SECTION_OF[code].code == "subjective"}
    assert subjective - CARRIED_FORWARD == {
        "pain_now",
        "pain_worst_24h",
        "since_last_visit",
        "last_treatment_response",
        "flare_up",
        "flare_up_days",
    }
    assert {f"psfs_activity_{n}" for n in range(1, 6)} <= CARRIED_FORWARD
    assert {"pain_site_below_knee", "agg_lying", "sitting_hours"} <= CARRIED_FORWARD
    assert not CARRIED_FORWARD & RED_FLAG_CODES
    assert set(ITEMS) == CARRIED_FORWARD | ASKED_ANEW | RED_FLAG_CODES


def test_copy_forward_carries_every_value_marked_but_today_s_answers(
    therapist: User, client_record: Client, complete: Assessment
) -> None:
    follow_up = assessment_start(
        actor=therapist, client=client_record, visit_date=DAY2, copy_forward=True
    )
    rows = {(m.item, m.side): (m.stored, m.carried_over) for m in follow_up.measurements.all()}
    expected = {
        key: (value, True) for key, value in _every_value().items() if key[0] in CARRIED_FORWARD
    }
    assert rows == expected
    assert len(rows) == sum(len(ITEMS[code].sides) for code in CARRIED_FORWARD)
    assert {code for code, _ in rows} & (ASKED_ANEW | RED_FLAG_CODES) == set()
    assert assessment_values(follow_up).carried == set(expected)
    # One audit entry for the new visit, as before: created, naming the visit copied.
    created = AuditEntry.objects.filter(object_id=follow_up.pk, action=AuditAction.CREATE)
    assert list(created.values_list("detail", flat=True)) == [
        f"copied forward from assessment {complete.pk}"
    ]


def test_copy_forward_carried_values_block_finalising_until_confirmed(
    therapist: User, client_record: Client, complete: Assessment
) -> None:
    follow_up = assessment_start(
        actor=therapist, client=client_record, visit_date=DAY2, copy_forward=True
    )
    carried = sum(len(ITEMS[code].sides) for code in CARRIED_FORWARD)
    with pytest.raises(FinaliseBlocked, match=f"^{carried} values carried over"):
        assessment_finalise(actor=therapist, assessment=follow_up, expected_version=1)
    today = dict(assessment_values(follow_up).values)
    today[("agg_sitting", "")] = "no"  # changed: no longer marked
    today[("pain_now", "")] = Decimal(2)  # asked anew
    saved = assessment_save(
        actor=therapist, assessment=follow_up, expected_version=1, narrative={}, values=today
    )
    still = assessment_values(saved).carried
    assert ("agg_sitting", "") not in still
    assert ("pain_site_low_back", "") in still
    assert len(still) == carried - 1
    confirmed = assessment_save(
        actor=therapist,
        assessment=saved,
        expected_version=2,
        narrative={},
        values=today,
        confirm_carried=True,
    )
    assert assessment_values(confirmed).carried == frozenset()
    assert assessment_finalise(actor=therapist, assessment=confirmed, expected_version=3).is_final


def test_visit_page_marks_carried_values_and_the_findings_drawn_from_them(
    as_therapist: HttpClient, therapist: User, client_record: Client
) -> None:
    draft = assessment_start(actor=therapist, client=client_record, visit_date=DAY1)
    values: dict[Key, Value] = {
        ("thomas_hip_angle", "left"): Decimal(12),
        ("agg_sitting", ""): "yes",
        ("pain_now", ""): Decimal(6),
    }
    saved = assessment_save(
        actor=therapist, assessment=draft, expected_version=1, narrative={}, values=values
    )
    assessment_finalise(actor=therapist, assessment=saved, expected_version=2)
    follow_up = assessment_start(
        actor=therapist, client=client_record, visit_date=DAY2, copy_forward=True
    )
    note = "These include 2 values carried over from the last visit and not confirmed yet."
    for name, badge in (
        ("assessment_detail", ">carried over<"),
        ("assessment_edit", "carried-badge"),
    ):
        page = as_therapist.get(reverse(name, args=[follow_up.pk])).content.decode()
        assert page.count(badge) == 2
        assert note in page
        assert 'data-code="tight_hip_flexors_one_joint"' in page

"""Amending a finalised assessment (assessments/services/amend.py)."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import User

from assessments.models import Amendment
from assessments.services import assessment_amend, assessment_finalise
from clinic.models import AuditEntry, Client
from tests.assessments.saved import rows_of, saved_draft


def test_amend_keeps_original_values_and_reason(therapist: User, client_record: Client) -> None:
    saved = saved_draft(
        therapist,
        client_record,
        {("hip_extension", "left"): Decimal(5), ("faber", "right"): "positive"},
    )
    final = assessment_finalise(actor=therapist, assessment=saved, expected_version=2)
    amendment = assessment_amend(
        actor=therapist,
        assessment=final,
        expected_version=3,
        narrative={"notes": "Re-measured"},
        values={("hip_extension", "left"): Decimal(15), ("faber", "right"): None},
        reason="Typed 5 for 15",
    )
    assert amendment is not None
    assert (amendment.reason, amendment.made_by) == ("Typed 5 for 15", therapist)
    assert amendment.changes == [
        {"field": "notes", "side": "", "old": "", "new": "Re-measured"},
        {"field": "hip_extension", "side": "left", "old": "5", "new": "15"},
        {"field": "faber", "side": "right", "old": "positive", "new": ""},
    ]
    final.refresh_from_db()
    assert (final.status, final.version, final.notes) == ("final", 4, "Re-measured")
    assert rows_of(final) == {("hip_extension", "left"): (Decimal(15), False)}
    assert AuditEntry.objects.filter(detail=f"amendment {amendment.pk}").count() == 1


def test_amend_without_changes_records_nothing(therapist: User, client_record: Client) -> None:
    saved = saved_draft(therapist, client_record, {("pain_now", ""): Decimal(3)})
    final = assessment_finalise(actor=therapist, assessment=saved, expected_version=2)
    result = assessment_amend(
        actor=therapist,
        assessment=final,
        expected_version=3,
        narrative={},
        values={("pain_now", ""): Decimal(3)},
        reason="Checked",
    )
    assert result is None
    assert Amendment.objects.count() == 0


@pytest.mark.parametrize(
    ("reason", "refusal"), [(" ", "Say why"), ("x", "Drafts are edited directly")]
)
def test_amend_needs_a_reason_and_a_final_assessment(
    therapist: User, client_record: Client, reason: str, refusal: str
) -> None:
    draft = saved_draft(therapist, client_record, {("pain_now", ""): Decimal(3)})
    with pytest.raises(ValueError, match=refusal):
        assessment_amend(
            actor=therapist,
            assessment=draft,
            expected_version=2,
            narrative={},
            values={},
            reason=reason,
        )

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from assessments.models import Assessment, Measurement
from assessments.selectors import assessment_values
from assessments.services import (
    AssessmentConflict,
    AssessmentLocked,
    FinaliseBlocked,
    assessment_finalise,
    assessment_save,
    assessment_start,
    assessment_start_or_continue,
)
from clinic.models import AuditEntry, Client
from tests.assessments.saved import DAY1, DAY2, rows_of, saved_draft


def test_assessment_start_creates_draft_and_updates_last_visit(
    therapist: User, client_record: Client
) -> None:
    draft = assessment_start(actor=therapist, client=client_record, visit_date=DAY1)
    client_record.refresh_from_db()
    assert (draft.status, draft.version, draft.therapist) == ("draft", 1, therapist)
    assert client_record.last_visit_on == DAY1
    entry = AuditEntry.objects.get(object_type="assessment")
    assert (entry.action, entry.object_id, entry.client_id) == (
        "create",
        draft.pk,
        client_record.pk,
    )


def test_assessment_start_again_for_the_date_continues_the_open_draft(
    therapist: User, colleague: User, client_record: Client
) -> None:
    first, created = assessment_start_or_continue(
        actor=therapist, client=client_record, visit_date=DAY1
    )
    again, created_again = assessment_start_or_continue(
        actor=colleague, client=client_record, visit_date=DAY1, copy_forward=True
    )
    assert (again, created, created_again) == (first, True, False)
    assert (again.therapist, again.copied_from) == (therapist, None)
    entries = AuditEntry.objects.filter(object_type="assessment").values_list("action", "actor")
    assert list(entries) == [("create", therapist.pk)]


def test_assessment_start_another_when_asked(therapist: User, client_record: Client) -> None:
    first = assessment_start(actor=therapist, client=client_record, visit_date=DAY1)
    second = assessment_start(actor=therapist, client=client_record, visit_date=DAY1, another=True)
    # The next repeat continues the newest of the open drafts.
    third = assessment_start(actor=therapist, client=client_record, visit_date=DAY1)
    assert (second.pk != first.pk, third) == (True, second)
    assert Assessment.objects.filter(client=client_record).count() == 2


def test_assessment_start_after_a_final_visit_that_day_is_a_new_draft(
    therapist: User, client_record: Client
) -> None:
    final = saved_draft(therapist, client_record, {("pain_now", ""): Decimal(3)})
    final = assessment_finalise(actor=therapist, assessment=final, expected_version=2)
    draft = assessment_start(actor=therapist, client=client_record, visit_date=DAY1)
    assert (draft.pk != final.pk, draft.status) == (True, "draft")


def test_assessment_start_copy_forward_reads_the_latest_visit(
    therapist: User, client_record: Client
) -> None:
    first = saved_draft(therapist, client_record, {("hip_extension", "left"): Decimal(5)})
    first = assessment_finalise(actor=therapist, assessment=first, expected_version=2)
    second = assessment_start(
        actor=therapist, client=client_record, visit_date=DAY2, copy_forward=True
    )
    assert second.copied_from == first
    assert rows_of(second) == {("hip_extension", "left"): (Decimal(5), True)}
    with pytest.raises(ValueError, match="not both"):
        assessment_start(
            actor=therapist,
            client=client_record,
            visit_date=DAY2,
            copy_from=first,
            copy_forward=True,
            another=True,
        )


def test_assessment_save_writes_changes_and_drops_blanks(
    therapist: User, client_record: Client
) -> None:
    saved = saved_draft(
        therapist,
        client_record,
        {
            ("hip_extension", "left"): Decimal(5),
            ("hip_extension", "right"): 12,
            ("faber", "left"): "positive",
            ("pain_now", ""): Decimal(0),
            ("force_position", ""): "",
            ("ober", "left"): None,
        },
        presenting_complaint="Low back ache after sitting",
    )
    assert rows_of(saved) == {
        ("hip_extension", "left"): (Decimal(5), False),
        ("hip_extension", "right"): (Decimal(12), False),
        ("faber", "left"): ("positive", False),
        ("pain_now", ""): (Decimal(0), False),
    }
    assert saved.version == 2
    assert saved.presenting_complaint == "Low back ache after sitting"
    change = AuditEntry.objects.get(action="change")
    assert change.detail == "changed: presenting_complaint, faber, hip_extension, pain_now"

    again = assessment_save(
        actor=therapist,
        assessment=saved,
        expected_version=2,
        narrative={},
        values={("hip_extension", "left"): Decimal(7), ("faber", "left"): None},
    )
    # The values are the complete new state: items left out are no longer recorded.
    assert rows_of(again) == {("hip_extension", "left"): (Decimal(7), False)}


def test_assessment_save_rejects_unknown_item_or_side(
    therapist: User, client_record: Client
) -> None:
    draft = assessment_start(actor=therapist, client=client_record, visit_date=DAY1)
    with pytest.raises(KeyError, match="hip_flexion' ''"):
        assessment_save(
            actor=therapist,
            assessment=draft,
            expected_version=1,
            narrative={},
            values={("hip_flexion", ""): Decimal(100)},
        )
    assert Measurement.objects.count() == 0


def test_assessment_save_out_of_bounds_is_refused(therapist: User, client_record: Client) -> None:
    draft = assessment_start(actor=therapist, client=client_record, visit_date=DAY1)
    with pytest.raises(ValidationError):
        assessment_save(
            actor=therapist,
            assessment=draft,
            expected_version=1,
            narrative={},
            values={("hip_flexion", "left"): Decimal(100), ("pain_now", ""): Decimal(11)},
        )
    draft.refresh_from_db()
    assert (Measurement.objects.count(), draft.version) == (0, 1)


def test_assessment_start_future_visit_is_refused(therapist: User, client_record: Client) -> None:
    # The model field's rule, so every service's full_clean applies it (the import too).
    with pytest.raises(ValidationError) as raised:
        assessment_start(
            actor=therapist, client=client_record, visit_date=datetime.date(2099, 1, 1)
        )
    assert raised.value.message_dict == {"visit_date": ["The visit date cannot be in the future."]}
    assert Assessment.objects.count() == 0


def test_assessment_save_text_over_its_limit_is_refused(
    therapist: User, client_record: Client
) -> None:
    draft = assessment_start(actor=therapist, client=client_record, visit_date=DAY1)
    with pytest.raises(ValidationError) as raised:
        assessment_save(
            actor=therapist,
            assessment=draft,
            expected_version=1,
            narrative={"treatment_today": "x" * 4001},
            values={},
        )
    assert raised.value.message_dict == {
        "treatment_today": ["Ensure this value has at most 4000 characters (it has 4001)."]
    }
    draft.refresh_from_db()
    assert (draft.version, draft.treatment_today) == (1, "")


def test_assessment_save_contradicting_outcomes_are_refused(
    therapist: User, client_record: Client
) -> None:
    draft = assessment_start(actor=therapist, client=client_record, visit_date=DAY1)
    with pytest.raises(ValidationError) as raised:
        assessment_save(
            actor=therapist,
            assessment=draft,
            expected_version=1,
            narrative={},
            values={("startback_total", ""): Decimal(2), ("startback_distress", ""): Decimal(3)},
        )
    assert raised.value.message_dict == {
        "startback_distress": [
            "The STarT Back psychosocial subscale (3) cannot be higher than the total (2), "
            "because its items are part of the total."
        ]
    }
    draft.refresh_from_db()
    assert (Measurement.objects.count(), draft.version) == (0, 1)


@pytest.mark.parametrize(
    ("item", "side", "column", "value"),
    [
        ("hip_flexion", "left", "value", Decimal("150.5")),
        ("pain_now", "", "value", Decimal(-1)),
        ("faber", "left", "choice", "maybe"),
        ("strength_glute_med", "right", "choice", "6"),
        ("palp_piriformis_tender", "left", "choice", "4"),
        ("palp_piriformis_referral", "left", "text", "buttock"),
        ("hip_flexion", "", "value", Decimal(90)),
        ("pain_now", "left", "value", Decimal(3)),
        ("not_a_test", "", "value", Decimal(1)),
    ],
)
def test_measurement_database_bounds(
    therapist: User, client_record: Client, item: str, side: str, column: str, value: object
) -> None:
    draft = assessment_start(actor=therapist, client=client_record, visit_date=DAY1)
    with pytest.raises(IntegrityError), transaction.atomic():
        Measurement.objects.create(assessment=draft, item=item, side=side, **{column: value})


def test_measurement_needs_exactly_one_value(therapist: User, client_record: Client) -> None:
    draft = assessment_start(actor=therapist, client=client_record, visit_date=DAY1)
    with pytest.raises(IntegrityError), transaction.atomic():
        Measurement.objects.create(
            assessment=draft, item="faber", side="left", choice="positive", value=Decimal(1)
        )


def test_assessment_save_stale_version_is_a_conflict(
    therapist: User, colleague: User, client_record: Client
) -> None:
    draft = assessment_start(actor=therapist, client=client_record, visit_date=DAY1)
    assessment_save(
        actor=colleague,
        assessment=draft,
        expected_version=1,
        narrative={},
        values={("pain_now", ""): Decimal(4)},
    )
    with pytest.raises(AssessmentConflict) as conflict:
        assessment_save(
            actor=therapist,
            assessment=draft,
            expected_version=1,
            narrative={},
            values={("pain_now", ""): Decimal(6)},
        )
    assert conflict.value.current.version == 2
    assert rows_of(draft) == {("pain_now", ""): (Decimal(4), False)}


def test_finalised_assessment_is_read_only(therapist: User, client_record: Client) -> None:
    saved = saved_draft(therapist, client_record, {("pain_now", ""): Decimal(4)})
    final = assessment_finalise(actor=therapist, assessment=saved, expected_version=2)
    assert (final.status, final.finalised_by, final.version) == ("final", therapist, 3)
    assert final.finalised_at is not None
    with pytest.raises(AssessmentLocked):
        assessment_save(
            actor=therapist,
            assessment=final,
            expected_version=3,
            narrative={},
            values={("pain_now", ""): Decimal(1)},
        )


def _copied(therapist: User, client: Client) -> tuple[Assessment, Assessment]:
    first = saved_draft(
        therapist,
        client,
        {
            ("hip_extension", "left"): Decimal(5),
            ("thomas_hip_angle", "right"): Decimal(8),
            ("pain_now", ""): Decimal(6),
            ("rf_fever", ""): "no",
            ("psfs_activity_1", ""): "Sitting",
            ("psfs_score_1", ""): Decimal(4),
        },
        goals="Sit through a film",
        notes="Today's note",
    )
    first = assessment_finalise(actor=therapist, assessment=first, expected_version=2)
    second = assessment_start(actor=therapist, client=client, visit_date=DAY2, copy_from=first)
    return first, second


def test_copy_forward_carries_values_but_not_pain_scores_or_red_flags(
    therapist: User, client_record: Client
) -> None:
    first, second = _copied(therapist, client_record)
    assert rows_of(second) == {
        ("hip_extension", "left"): (Decimal(5), True),
        ("thomas_hip_angle", "right"): (Decimal(8), True),
        ("psfs_activity_1", ""): ("Sitting", True),
    }
    assert (second.copied_from, second.goals, second.notes) == (first, "Sit through a film", "")
    assert assessment_values(second).carried == {
        ("hip_extension", "left"),
        ("thomas_hip_angle", "right"),
        ("psfs_activity_1", ""),
    }
    client_record.refresh_from_db()
    assert client_record.last_visit_on == DAY2


def test_copy_forward_change_or_confirm_clears_carried_mark(
    therapist: User, client_record: Client
) -> None:
    _, second = _copied(therapist, client_record)
    values = {("hip_extension", "left"): Decimal(9), ("thomas_hip_angle", "right"): Decimal(8)}
    saved = assessment_save(
        actor=therapist, assessment=second, expected_version=1, narrative={}, values=values
    )
    assert rows_of(saved) == {
        ("hip_extension", "left"): (Decimal(9), False),
        ("thomas_hip_angle", "right"): (Decimal(8), True),
    }
    with pytest.raises(FinaliseBlocked, match="1 value carried over from the last visit is not"):
        assessment_finalise(actor=therapist, assessment=saved, expected_version=2)
    confirmed = assessment_save(
        actor=therapist,
        assessment=saved,
        expected_version=2,
        narrative={},
        values=values,
        confirm_carried=True,
    )
    assert rows_of(confirmed)[("thomas_hip_angle", "right")] == (Decimal(8), False)
    assert assessment_finalise(actor=therapist, assessment=confirmed, expected_version=3).is_final


def test_copy_forward_only_from_the_same_client(
    therapist: User, client_record: Client, clinic: object
) -> None:
    from tests.factories import ClientFactory

    other = ClientFactory(clinic=client_record.clinic)
    first = assessment_start(actor=therapist, client=client_record, visit_date=DAY1)
    with pytest.raises(ValueError, match="same client"):
        assessment_start(actor=therapist, client=other, visit_date=DAY2, copy_from=first)

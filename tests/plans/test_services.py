import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

from assessments.models import Assessment
from clinic.models import AuditEntry, Clinic
from plans.models import ClinicIntervention, PlanItem, PlanVersion
from plans.services import (
    PlanBlocked,
    PlanConflict,
    PlanLocked,
    plan_build,
    plan_issue,
    plan_item_add,
    plan_item_move,
    plan_item_remove,
    plan_item_update,
    plan_message_update,
    plan_revise,
)


def _slugs(version: PlanVersion) -> list[str]:
    return list(version.items.order_by("position").values_list("slug", flat=True))


def test_plan_build_fills_first_draft_from_suggestions(
    therapist: User, typical: Assessment
) -> None:
    version = plan_build(actor=therapist, assessment=typical)
    slugs = _slugs(version)
    assert (version.number, version.status, version.lock) == (1, "draft", 1)
    assert "kneeling-hip-flexor-stretch" in slugs
    assert "clamshell" in slugs
    assert "movement-breaks" in slugs
    stretch = version.items.get(slug="kneeling-hip-flexor-stretch")
    # Tight on the left, but prolonged sitting (no side) asks for both sides.
    assert stretch.side == "both"
    assert [r["finding"] for r in stretch.reasons] == [
        "tight_hip_flexors_one_joint",
        "prolonged_sitting",
    ]
    assert version.items.get(slug="clamshell").side == "right"  # weak on the right only
    assert (stretch.hold_seconds, stretch.content["name"]) == (30, "Kneeling hip flexor stretch")
    entry = AuditEntry.objects.get(object_type="plan", action="create")
    assert entry.detail == f"v1 with {len(slugs)} suggested items"


def test_plan_build_twice_returns_the_same_version(therapist: User, typical: Assessment) -> None:
    first = plan_build(actor=therapist, assessment=typical)
    assert plan_build(actor=therapist, assessment=typical) == first
    assert PlanVersion.objects.count() == 1


def test_plan_build_red_flag_suggests_nothing(therapist: User, red_flag: Assessment) -> None:
    version = plan_build(actor=therapist, assessment=red_flag)
    assert _slugs(version) == []


def test_plan_build_uses_clinic_copy_wording(
    therapist: User, typical: Assessment, clinic: Clinic
) -> None:
    ClinicIntervention.objects.create(
        clinic=clinic,
        slug="clamshell",
        name="Clam (our way)",
        kind="strengthen",
        steps="Lie on your side.\nOpen your knees like a shell.",
        sets=2,
        repetitions=15,
        days_per_week=3,
    )
    version = plan_build(actor=therapist, assessment=typical)
    clam = version.items.get(slug="clamshell")
    assert clam.content["name"] == "Clam (our way)"
    assert clam.content["steps"] == ["Lie on your side.", "Open your knees like a shell."]
    assert (clam.sets, clam.repetitions, clam.days_per_week) == (2, 15, 3)


def test_item_add_move_update_remove(therapist: User, typical: Assessment) -> None:
    version = plan_build(actor=therapist, assessment=typical)
    before = _slugs(version)
    added = plan_item_add(actor=therapist, version=version, expected_lock=1, slug="plank")
    assert _slugs(version) == [*before, "plank"]
    plan_item_move(actor=therapist, item=added, expected_lock=2, offset=-1)
    assert _slugs(version)[-2] == "plank"
    updated = plan_item_update(
        actor=therapist,
        item=added,
        expected_lock=3,
        fields={"hold_seconds": 45, "note": "Knees down if needed"},
    )
    assert (updated.hold_seconds, updated.note) == (45, "Knees down if needed")
    plan_item_remove(actor=therapist, item=added, expected_lock=4)
    assert _slugs(version) == before
    version.refresh_from_db()
    assert version.lock == 5


def test_item_add_rejects_duplicates_and_unknown(therapist: User, typical: Assessment) -> None:
    version = plan_build(actor=therapist, assessment=typical)
    with pytest.raises(ValidationError, match="already in the plan"):
        plan_item_add(
            actor=therapist, version=version, expected_lock=1, slug="kneeling-hip-flexor-stretch"
        )
    with pytest.raises(ValidationError, match="not in the library"):
        plan_item_add(actor=therapist, version=version, expected_lock=1, slug="no-such-thing")


def test_item_update_enforces_dose_bounds(therapist: User, typical: Assessment) -> None:
    version = plan_build(actor=therapist, assessment=typical)
    item = version.items.first()
    with pytest.raises(ValidationError):
        plan_item_update(actor=therapist, item=item, expected_lock=1, fields={"sets": 40})


def test_message_over_its_limit_is_refused(therapist: User, typical: Assessment) -> None:
    # The form's limit, which the model did not apply to other callers.
    version = plan_build(actor=therapist, assessment=typical)
    with pytest.raises(ValidationError) as raised:
        plan_message_update(actor=therapist, version=version, expected_lock=1, message="x" * 2001)
    assert raised.value.message_dict == {
        "message": ["Ensure this value has at most 2000 characters (it has 2001)."]
    }
    version.refresh_from_db()
    assert (version.message, version.lock) == ("", 1)


def test_stale_lock_is_a_conflict(therapist: User, colleague: User, typical: Assessment) -> None:
    version = plan_build(actor=therapist, assessment=typical)
    plan_message_update(actor=colleague, version=version, expected_lock=1, message="Hi")
    with pytest.raises(PlanConflict):
        plan_message_update(actor=therapist, version=version, expected_lock=1, message="Hello")
    version.refresh_from_db()
    assert version.message == "Hi"


def test_issue_makes_version_immutable_and_revise_starts_next(
    therapist: User, typical: Assessment
) -> None:
    version = plan_build(actor=therapist, assessment=typical)
    issued = plan_issue(actor=therapist, version=version, expected_lock=1)
    assert (issued.status, issued.issued_by) == ("issued", therapist)
    with pytest.raises(PlanLocked):
        plan_item_add(actor=therapist, version=issued, expected_lock=2, slug="plank")
    second = plan_revise(actor=therapist, version=issued)
    assert (second.number, second.status) == (2, "draft")
    assert _slugs(second) == _slugs(issued)
    assert plan_revise(actor=therapist, version=issued) == second
    plan_item_add(actor=therapist, version=second, expected_lock=1, slug="plank")
    assert "plank" not in _slugs(issued)


def test_issue_with_red_flags_needs_override_reason(therapist: User, red_flag: Assessment) -> None:
    version = plan_build(actor=therapist, assessment=red_flag)
    plan_item_add(actor=therapist, version=version, expected_lock=1, slug="walking")
    with pytest.raises(PlanBlocked, match="red flags"):
        plan_issue(actor=therapist, version=version, expected_lock=2)
    issued = plan_issue(
        actor=therapist,
        version=version,
        expected_lock=2,
        override_reason="GP saw her yesterday; cleared for gentle walking",
    )
    assert issued.override_reason == "GP saw her yesterday; cleared for gentle walking"
    assert AuditEntry.objects.filter(detail="v1: issued with red-flag override").count() == 1


def test_issue_empty_plan_is_refused(therapist: User, red_flag: Assessment) -> None:
    version = plan_build(actor=therapist, assessment=red_flag)
    with pytest.raises(ValidationError, match="at least one item"):
        plan_issue(actor=therapist, version=version, expected_lock=1, override_reason="x")
    assert PlanItem.objects.count() == 0

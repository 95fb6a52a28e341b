import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from assessments.models import Assessment
from clinic.models import AuditEntry, Clinic
from plans.models import DOSE_BOUNDS, ClinicIntervention, PlanItem, PlanVersion
from plans.services import (
    PlanBlocked,
    PlanConflict,
    PlanEdit,
    PlanLocked,
    plan_build,
    plan_issue,
    plan_item_add,
    plan_item_update,
    plan_message_update,
    plan_revise,
    plan_save,
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


def _ids(version: PlanVersion) -> list[int]:
    return list(version.items.order_by("position").values_list("pk", flat=True))


def test_item_add_save_update_remove(therapist: User, typical: Assessment) -> None:
    version = plan_build(actor=therapist, assessment=typical)
    before = _slugs(version)
    added = plan_item_add(actor=therapist, version=version, expected_lock=1, slug="plank")
    assert _slugs(version) == [*before, "plank"]
    first = plan_item_add(
        actor=therapist, version=version, expected_lock=2, slug="bird-dog", position=1
    )
    assert _slugs(version) == ["bird-dog", *before, "plank"]
    ids = _ids(version)
    order = [ids[-1], *ids[1:-1]]
    saved = plan_save(
        actor=therapist,
        version=version,
        expected_lock=3,
        edit=PlanEdit(
            items={added.pk: {"hold_seconds": 45, "note": "Knees down if needed"}},
            order=order,
            removed=[first.pk],
            message="Two weeks",
        ),
    )
    assert _slugs(version) == ["plank", *before]
    added.refresh_from_db()
    assert (added.hold_seconds, added.note, saved.message, saved.lock) == (
        45,
        "Knees down if needed",
        "Two weeks",
        4,
    )
    entry = AuditEntry.objects.filter(object_type="plan").latest("pk")
    assert entry.detail == (
        "v1: changed plank: hold_seconds, note; order "
        + ", ".join(["plank", *before])
        + "; removed bird-dog; message"
    )


def test_plan_save_of_nothing_new_writes_nothing(therapist: User, typical: Assessment) -> None:
    """The same form posted twice: the second save finds nothing to do, even with its old lock."""
    version = plan_build(actor=therapist, assessment=typical)
    edit = PlanEdit(items={}, order=_ids(version), message="Hi")
    plan_save(actor=therapist, version=version, expected_lock=1, edit=edit)
    entries = AuditEntry.objects.count()
    again = plan_save(actor=therapist, version=version, expected_lock=1, edit=edit)
    assert (again.lock, AuditEntry.objects.count()) == (2, entries)


def test_plan_save_refuses_a_stale_shape(therapist: User, typical: Assessment) -> None:
    version = plan_build(actor=therapist, assessment=typical)
    with pytest.raises(PlanConflict):
        plan_save(
            actor=therapist,
            version=version,
            expected_lock=1,
            edit=PlanEdit(items={}, order=_ids(version)[1:]),  # one item left out
        )


def test_plan_save_is_all_or_nothing(therapist: User, typical: Assessment) -> None:
    version = plan_build(actor=therapist, assessment=typical)
    first, second = _ids(version)[:2]
    with pytest.raises(ValidationError):
        plan_save(
            actor=therapist,
            version=version,
            expected_lock=1,
            edit=PlanEdit(
                items={first: {"note": "Kept?"}, second: {"sets": 40}}, order=_ids(version)
            ),
        )
    assert version.items.get(pk=first).note == ""


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


@pytest.mark.parametrize(("field", "value"), [("rest_seconds", 5), ("duration_minutes", 241)])
def test_database_bounds_rest_and_duration(
    therapist: User, typical: Assessment, field: str, value: int
) -> None:
    # Migration plans 0011: the same sanity bounds as the other dose fields (DOSE_BOUNDS).
    version = plan_build(actor=therapist, assessment=typical)
    items = PlanItem.objects.filter(plan_version=version)
    with pytest.raises(IntegrityError, match=f"plan_item_{field}_bounds"), transaction.atomic():
        items.update(**{field: value})
    assert items.update(**{field: DOSE_BOUNDS[field][1]}) == items.count()  # the top is fine

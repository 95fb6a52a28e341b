"""Saving a visit's treatment: rows, precautions and reasons, scope, versions; techniques."""

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError

from assessments.models import Assessment
from assessments.services import assessment_finalise
from clinic.models import AuditEntry, Clinic
from treatment.checks import NOT_OFFERED, REASON_NEEDED, RowInput
from treatment.models import ClinicTechnique, TreatmentAmendment, TreatmentRecord
from treatment.precautions import CODES
from treatment.selectors import techniques_offered
from treatment.services import (
    DRAFT,
    FINAL,
    TreatmentConflict,
    clinic_technique_create,
    clinic_technique_update,
    snapshot,
    treatment_amend,
    treatment_save,
)
from treatment.services import REASON_NEEDED as AMEND_REASON

NONE = dict.fromkeys(CODES, "no")
DEEP = RowInput("deep-tissue-massage", "glute_max", "left", 10, "firm", "prone", 6, 3, "tender")
LIGHT = RowInput("swedish-massage", "lower_back", "both", 15, "light", "side_lying")


def _save(actor: User, visit: Assessment, rows: list[RowInput], version: int = 0, **answers: str):  # type: ignore[no-untyped-def]
    return treatment_save(
        actor=actor,
        assessment=visit,
        expected_version=version,
        precautions={**NONE, **answers},
        rows=rows,
    )


def _amend(  # type: ignore[no-untyped-def]
    actor: User,
    visit: Assessment,
    rows: list[RowInput],
    version: int = 1,
    reason: str = "Wrong muscle recorded",
    **answers: str,
):
    return treatment_amend(
        actor=actor,
        assessment=visit,
        expected_version=version,
        precautions={**NONE, **answers},
        rows=rows,
        reason=reason,
    )


def test_rows_saved_in_order_with_the_technique_copied_in(
    massage_therapist: User, visit: Assessment
) -> None:
    record = _save(massage_therapist, visit, [DEEP, LIGHT])
    rows = list(record.rows.all())
    assert [(r.position, r.technique, r.technique_name, r.depth) for r in rows] == [
        (0, "deep-tissue-massage", "Deep tissue massage", "firm"),
        (1, "swedish-massage", "Swedish massage (effleurage, petrissage)", "light"),
    ]
    assert (rows[0].pain_before, rows[0].pain_after, rows[0].response_note) == (6, 3, "tender")
    assert (record.version, record.precautions) == (1, NONE)
    entry = AuditEntry.objects.latest("pk")
    assert (entry.action, entry.object_type, entry.object_id, entry.client_id) == (
        "create",
        "treatment",
        visit.pk,
        visit.client_id,
    )


def test_saving_again_replaces_the_rows_and_needs_the_current_version(
    massage_therapist: User, visit: Assessment
) -> None:
    _save(massage_therapist, visit, [DEEP, LIGHT])
    record = _save(massage_therapist, visit, [LIGHT], version=1)
    assert record.version == 2
    assert list(record.rows.values_list("technique", flat=True)) == ["swedish-massage"]
    with pytest.raises(TreatmentConflict) as stale:  # a second tab, or a double submit
        _save(massage_therapist, visit, [DEEP], version=1)
    assert stale.value.current is not None
    assert stale.value.current.version == 2
    assert TreatmentRecord.objects.get().rows.count() == 1


def test_a_precaution_needs_a_reason_and_the_reason_is_stored(
    massage_therapist: User, visit: Assessment
) -> None:
    with pytest.raises(ValidationError) as refused:
        _save(massage_therapist, visit, [LIGHT, DEEP], anticoagulants="yes")
    assert refused.value.message_dict == {"rows-1-precaution_reason": [REASON_NEEDED]}
    assert not TreatmentRecord.objects.exists()
    reasoned = RowInput(**{**DEEP.__dict__, "precaution_reason": "GP agreed; INR in range"})
    record = _save(massage_therapist, visit, [LIGHT, reasoned], anticoagulants="yes")
    light, deep = record.rows.all()
    assert (light.flagged, light.precaution_reason) == ([], "")
    assert (deep.flagged, deep.precaution_reason) == (
        ["anticoagulants"],
        "GP agreed; INR in range",
    )


def test_profession_decides_the_techniques_accepted(
    massage_therapist: User, physio: User, visit: Assessment
) -> None:
    mobilise = RowInput("hip-joint-mobilisation", "hip_joint", "right", 5)
    with pytest.raises(ValidationError) as refused:
        _save(massage_therapist, visit, [mobilise])
    assert refused.value.message_dict == {"rows-0-technique": [NOT_OFFERED]}
    _save(physio, visit, [mobilise])
    # The massage therapist may still edit the visit: the physio's row stays allowed.
    record = _save(massage_therapist, visit, [mobilise, LIGHT], version=1)
    assert record.rows.count() == 2


def test_a_final_visit_is_amended_with_a_reason_keeping_the_rows_before(
    massage_therapist: User, visit: Assessment
) -> None:
    _save(massage_therapist, visit, [DEEP, LIGHT])
    final = assessment_finalise(actor=massage_therapist, assessment=visit, expected_version=1)
    with pytest.raises(ValidationError) as refused:  # saved directly: refused
        _save(massage_therapist, final, [LIGHT], version=1)
    assert refused.value.messages == [FINAL]
    with pytest.raises(ValidationError) as no_reason:
        _amend(massage_therapist, final, [LIGHT], reason="  ")
    assert no_reason.value.message_dict == {"reason": [AMEND_REASON]}
    with pytest.raises(ValidationError) as unreasoned:  # the same checks as recording
        _amend(massage_therapist, final, [DEEP], anticoagulants="yes")
    assert unreasoned.value.message_dict == {"rows-0-precaution_reason": [REASON_NEEDED]}
    assert _amend(massage_therapist, final, [DEEP, LIGHT]) is None  # nothing changed

    amendment = _amend(massage_therapist, final, [LIGHT])
    assert amendment is not None
    record = TreatmentRecord.objects.get()
    assert (record.version, record.rows.get().technique) == (2, "swedish-massage")
    assert [row["technique"] for row in amendment.old["rows"]] == [
        "deep-tissue-massage",
        "swedish-massage",
    ]
    assert amendment.old["rows"][0]["response_note"] == "tender"
    assert amendment.new["rows"] == [snapshot(record)["rows"][0]]
    entry = AuditEntry.objects.latest("pk")
    assert (entry.action, entry.object_id, entry.detail) == (
        "change",
        visit.pk,
        f"amendment {amendment.pk}: 1 rows",
    )
    with pytest.raises(TreatmentConflict):  # from the version before: nothing lost
        _amend(massage_therapist, final, [DEEP])


def test_a_draft_is_not_amended(massage_therapist: User, visit: Assessment) -> None:
    with pytest.raises(ValidationError) as refused:
        _amend(massage_therapist, visit, [LIGHT], version=0)
    assert refused.value.messages == [DRAFT]
    assert not TreatmentAmendment.objects.exists()


def test_clinic_technique_offered_by_its_scope_and_audited(
    clinic: Clinic, clinic_admin: User, therapist: User
) -> None:
    fields = {
        "name": "Scar mobilisation",
        "description": "Gentle moving of a healed scar.",
        "depth": "moderate",
        "scope": "physio",
        "active": True,
    }
    row = clinic_technique_create(actor=clinic_admin, clinic=clinic, fields=fields)
    code = f"clinic-{row.pk}"
    assert code in {t.code for t in techniques_offered(clinic.pk, "physiotherapist")}
    assert code not in {t.code for t in techniques_offered(clinic.pk, "massage_therapist")}
    clinic_technique_update(actor=clinic_admin, technique=row, fields={"scope": "hands_on"})
    assert code in {t.code for t in techniques_offered(clinic.pk, "massage_therapist")}
    details = list(
        AuditEntry.objects.filter(object_type="technique")
        .order_by("pk")
        .values_list("action", "detail")
    )
    assert details == [("create", "Scar mobilisation"), ("change", "fields: scope")]
    with pytest.raises(ValidationError):  # the same name twice
        clinic_technique_create(actor=clinic_admin, clinic=clinic, fields=fields)
    with pytest.raises(PermissionDenied):
        clinic_technique_create(actor=therapist, clinic=clinic, fields={**fields, "name": "X"})
    assert ClinicTechnique.objects.count() == 1

"""Writes of the treatment given at a visit and of a clinic's own techniques; all audited."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from assessments.models import Assessment
from clinic.models import AuditAction, Clinic
from clinic.services.audit import audit_client_record, audit_record
from clinic.services.staff import require_admin_actor
from treatment import selectors
from treatment.checks import RowInput, check_row
from treatment.models import ClinicTechnique, TreatmentRecord, TreatmentRow
from treatment.precautions import CODES
from treatment.techniques import BY_CODE, Depth, Scope, Technique

FINAL = (
    "This visit is final: its treatment is read-only. Record a correction in the visit's "
    "notes with an amendment."
)
TECHNIQUE_FIELDS = ("name", "description", "depth", "scope", "active")


class TreatmentConflict(Exception):
    """Someone saved the visit's treatment since the editor's copy was loaded."""

    def __init__(self, current: TreatmentRecord | None) -> None:
        super().__init__("The treatment was saved by someone else meanwhile.")
        self.current = current


def recorded_technique(row: TreatmentRow) -> Technique:
    """The technique a saved row names, as it was when saved."""
    built_in = BY_CODE.get(row.technique)
    if built_in is not None:
        return built_in
    depth = Depth.from_code(row.depth)
    return Technique(row.technique, row.technique_name, "", depth, Scope.HANDS_ON, False)


@transaction.atomic
def treatment_save(
    *,
    actor: User,
    assessment: Assessment,
    expected_version: int,
    precautions: Mapping[str, str],
    rows: Sequence[RowInput],
    on_final: bool = False,
) -> TreatmentRecord:
    """Replace the visit's precaution screen and treatment rows with these, in this order.

    `on_final=True` records them on a final visit too: only for loading a record kept
    elsewhere (the demo's history); in the app a final visit's treatment is read-only.

    `expected_version` is the version the editor loaded (0 when nothing was recorded yet).
    Raises TreatmentConflict when it is not the saved one (nothing saved), ValidationError
    when the visit is final, or a row's technique is not offered to the actor's profession
    (a technique already in the record stays allowed) or a precaution applies to a row with
    no reason given (keys "rows-<index>-<field>"), and saves nothing.
    Side effects: the record's rows replaced and its version raised by one; audit entry
    (create or change, "treatment", the visit's client) with the number of rows.
    """
    locked = Assessment.objects.select_for_update().only("status").get(pk=assessment.pk)
    if locked.is_final and not on_final:
        raise ValidationError(FINAL)
    record = (
        TreatmentRecord.objects.select_for_update().filter(assessment_id=assessment.pk).first()
    )
    if (record.version if record else 0) != expected_version:
        raise TreatmentConflict(record)
    answers = {code: precautions[code] for code in CODES if precautions.get(code)}
    techniques = {
        t.code: t
        for t in selectors.techniques_offered(
            assessment.client.clinic_id, selectors.profession_of(actor)
        )
    }
    if record is not None:  # a technique already recorded stays editable by anyone
        for saved_row in record.rows.all():
            techniques.setdefault(saved_row.technique, recorded_technique(saved_row))
    errors: dict[str, list[str]] = {}
    checked = []
    for index, row in enumerate(rows):
        check = check_row(row, techniques, answers)
        for name, message in check.errors.items():
            errors[f"rows-{index}-{name}"] = [message]
        checked.append(check)
    if errors:
        raise ValidationError(errors)
    created = record is None
    if record is None:
        record = TreatmentRecord(assessment=assessment, updated_by=actor, version=1)
    else:
        record.version += 1
        record.updated_by = actor
        record.rows.all().delete()
    record.precautions = answers
    record.full_clean()
    record.save()
    for index, (row, check) in enumerate(zip(rows, checked, strict=True)):
        technique = techniques[row.technique]
        saved = TreatmentRow(
            record=record,
            position=index,
            technique=technique.code,
            technique_name=technique.name,
            depth=technique.depth.code,
            region=row.region,
            side=row.side,
            minutes=row.minutes,
            pressure=row.pressure,
            client_position=row.client_position,
            pain_before=row.pain_before,
            pain_after=row.pain_after,
            response_note=row.response_note,
            flagged=[conflict.code for conflict in check.conflicts],
            precaution_reason=row.precaution_reason if check.conflicts else "",
        )
        saved.full_clean(exclude=["record"])
        saved.save()
    audit_client_record(
        actor=actor,
        client=assessment.client,
        action=AuditAction.CREATE if created else AuditAction.CHANGE,
        object_type="treatment",
        object_id=assessment.pk,
        detail=f"{len(rows)} rows; precaution screen: {len(answers)} answered",
    )
    return record


def _check_fields(fields: Mapping[str, Any]) -> None:
    unknown = set(fields) - set(TECHNIQUE_FIELDS)
    if unknown:
        raise TypeError(f"Not technique fields: {', '.join(sorted(unknown))}")


@transaction.atomic
def clinic_technique_create(
    *, actor: User, clinic: Clinic, fields: Mapping[str, Any]
) -> ClinicTechnique:
    """Add a technique to the clinic's own list.

    Raises ValidationError (a name the clinic already uses, an unknown firmness...) and adds
    nothing; PermissionDenied unless the actor is an active clinic admin there.
    Side effects: offered on the clinic's visits from now on; audit entry (create,
    "technique", no client).
    """
    _check_fields(fields)
    require_admin_actor(actor, clinic)
    # A double-clicked "Add" waits here, then full_clean() refuses the same name.
    Clinic.objects.select_for_update(no_key=True).only("pk").get(pk=clinic.pk)
    row = ClinicTechnique(clinic=clinic, **fields)
    row.full_clean()
    row.save()
    audit_record(
        actor=actor,
        clinic=clinic,
        action=AuditAction.CREATE,
        object_type="technique",
        object_id=row.pk,
        client_id=None,
        detail=row.name,
    )
    return row


@transaction.atomic
def clinic_technique_update(
    *, actor: User, technique: ClinicTechnique, fields: Mapping[str, Any]
) -> ClinicTechnique:
    """Change one of the clinic's techniques.

    Raises like clinic_technique_create and changes nothing. Side effects: rows recorded
    before keep the name and firmness they were saved with; audit entry (change,
    "technique", no client) naming the changed fields.
    """
    _check_fields(fields)
    require_admin_actor(actor, technique.clinic)
    current = ClinicTechnique.objects.select_for_update().get(pk=technique.pk)
    changed = sorted(name for name, value in fields.items() if getattr(current, name) != value)
    if not changed:
        return current
    for name in changed:
        setattr(current, name, fields[name])
    current.full_clean()
    current.save()
    audit_record(
        actor=actor,
        clinic=technique.clinic,
        action=AuditAction.CHANGE,
        object_type="technique",
        object_id=current.pk,
        client_id=None,
        detail="fields: " + ", ".join(changed),
    )
    return current

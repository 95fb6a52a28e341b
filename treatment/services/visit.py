"""Writes of the treatment given at a visit: recorded on a draft, amended on a final visit;
all audited."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from assessments.models import Assessment
from clinic.models import AuditAction
from clinic.services.audit import audit_client_record
from treatment import selectors
from treatment.checks import RowInput, check_row
from treatment.models import TreatmentAmendment, TreatmentRecord, TreatmentRow
from treatment.precautions import CODES
from treatment.techniques import BY_CODE, Depth, Scope, Technique

FINAL = "This visit is final: correct its treatment with an amendment, giving the reason."
DRAFT = "This visit is a draft: its treatment is edited directly, not amended."
REASON_NEEDED = "Say why the treatment is being amended."


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


ROW_FIELDS = (
    "technique",
    "technique_name",
    "depth",
    "region",
    "side",
    "minutes",
    "pressure",
    "client_position",
    "pain_before",
    "pain_after",
    "response_note",
    "flagged",
    "precaution_reason",
)
Snapshot = dict[str, Any]  # {"precautions": {...}, "rows": [{field: value}, ...]}


def snapshot(record: TreatmentRecord | None) -> Snapshot:
    """The record's screen and rows as plain values (empty when nothing was recorded)."""
    if record is None:
        return {"precautions": {}, "rows": []}
    rows = [{name: getattr(row, name) for name in ROW_FIELDS} for row in record.rows.all()]
    return {"precautions": dict(record.precautions), "rows": rows}


def _locked(assessment: Assessment, expected_version: int) -> tuple[bool, TreatmentRecord | None]:
    """Whether the visit is final, and its record, both locked; TreatmentConflict unless
    the record is at the version the editor loaded (0: none yet)."""
    locked = Assessment.objects.select_for_update().only("status").get(pk=assessment.pk)
    record = (
        TreatmentRecord.objects.select_for_update().filter(assessment_id=assessment.pk).first()
    )
    if (record.version if record else 0) != expected_version:
        raise TreatmentConflict(record)
    return locked.is_final, record


def _checked(
    actor: User,
    assessment: Assessment,
    record: TreatmentRecord | None,
    answers: Mapping[str, str],
    rows: Sequence[RowInput],
) -> list[dict[str, Any]]:
    """The rows as they would be stored; ValidationError ("rows-<index>-<field>") when one
    is not offered to the actor's profession or lacks the reason a precaution needs."""
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
    stored = []
    for index, row in enumerate(rows):
        check = check_row(row, techniques, answers)
        for name, message in check.errors.items():
            errors[f"rows-{index}-{name}"] = [message]
        if check.errors:
            continue
        technique = techniques[row.technique]
        stored.append(
            {
                **{name: getattr(row, name) for name in ROW_FIELDS if hasattr(row, name)},
                "technique": technique.code,
                "technique_name": technique.name,
                "depth": technique.depth.code,
                "flagged": [conflict.code for conflict in check.conflicts],
                "precaution_reason": row.precaution_reason if check.conflicts else "",
            }
        )
    if errors:
        raise ValidationError(errors)
    return stored


def _write(
    actor: User,
    assessment: Assessment,
    record: TreatmentRecord | None,
    answers: dict[str, str],
    rows: list[dict[str, Any]],
) -> TreatmentRecord:
    """Replace the record's screen and rows (creating it at version 1, else one up)."""
    if record is None:
        record = TreatmentRecord(assessment=assessment, updated_by=actor, version=1)
    else:
        record.version += 1
        record.updated_by = actor
        record.rows.all().delete()
    record.precautions = answers
    record.full_clean()
    record.save()
    for index, fields in enumerate(rows):
        saved = TreatmentRow(record=record, position=index, **fields)
        saved.full_clean(exclude=["record"])
        saved.save()
    return record


def _answers(precautions: Mapping[str, str]) -> dict[str, str]:
    return {code: precautions[code] for code in CODES if precautions.get(code)}


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
    elsewhere (the demo's history); in the app a final visit's treatment is corrected with
    treatment_amend.

    `expected_version` is the version the editor loaded (0 when nothing was recorded yet).
    Raises TreatmentConflict when it is not the saved one (nothing saved), ValidationError
    when the visit is final, or a row's technique is not offered to the actor's profession
    (a technique already in the record stays allowed) or a precaution applies to a row with
    no reason given (keys "rows-<index>-<field>"), and saves nothing.
    Side effects: the record's rows replaced and its version raised by one; audit entry
    (create or change, "treatment", the visit's client) with the number of rows.
    """
    final, record = _locked(assessment, expected_version)
    if final and not on_final:
        raise ValidationError(FINAL)
    answers = _answers(precautions)
    stored = _checked(actor, assessment, record, answers, rows)
    created = record is None
    record = _write(actor, assessment, record, answers, stored)
    audit_client_record(
        actor=actor,
        client=assessment.client,
        action=AuditAction.CREATE if created else AuditAction.CHANGE,
        object_type="treatment",
        object_id=assessment.pk,
        detail=f"{len(rows)} rows; precaution screen: {len(answers)} answered",
    )
    return record


@transaction.atomic
def treatment_amend(
    *,
    actor: User,
    assessment: Assessment,
    expected_version: int,
    precautions: Mapping[str, str],
    rows: Sequence[RowInput],
    reason: str,
) -> TreatmentAmendment | None:
    """Correct a final visit's treatment, keeping the whole record before it.

    Checks as treatment_save (version, scope of practice, precaution reasons) and raises
    the same; ValidationError ({"reason": ...}) without a reason, or (no key) when the
    visit is a draft (edited directly). Returns None, writing nothing, when nothing changed.
    Side effects: the rows replaced and the version raised by one; a TreatmentAmendment
    with the record before and after; audit entry (change, "treatment", the visit's
    client) naming the amendment.
    """
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": [REASON_NEEDED]})
    final, record = _locked(assessment, expected_version)
    if not final:
        raise ValidationError(DRAFT)
    answers = _answers(precautions)
    stored = _checked(actor, assessment, record, answers, rows)
    old, new = snapshot(record), {"precautions": answers, "rows": stored}
    if old == new:
        return None
    record = _write(actor, assessment, record, answers, stored)
    amendment = TreatmentAmendment(record=record, made_by=actor, reason=reason, old=old, new=new)
    amendment.full_clean()
    amendment.save()
    audit_client_record(
        actor=actor,
        client=assessment.client,
        action=AuditAction.CHANGE,
        object_type="treatment",
        object_id=assessment.pk,
        detail=f"amendment {amendment.pk}: {len(stored)} rows",
    )
    return amendment

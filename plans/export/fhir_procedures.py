"""The Procedures of one visit in the FHIR R4 export: one per treatment row (docs/fhir.md).

Each is the technique given (code text), where (bodySite text), when (the visit date) and
a note with the dose, pressure, position and the immediate response. Pure over what
`export_selectors.client_record_get` loaded.
"""

from collections.abc import Iterator
from typing import Any

from plans.export.fhir_observations import VisitContext, entry, urn
from treatment.models import TreatmentRecord, TreatmentRow
from treatment.precautions import BY_CODE


def _note(row: TreatmentRow) -> str:
    parts = []
    if row.minutes:
        parts.append(f"{row.minutes} min")
    if row.pressure:
        parts.append(f"pressure {row.get_pressure_display().lower()}")
    if row.client_position:
        parts.append(f"client {row.get_client_position_display().lower()}")
    if row.pain_before is not None or row.pain_after is not None:
        before = "?" if row.pain_before is None else row.pain_before
        after = "?" if row.pain_after is None else row.pain_after
        parts.append(f"pain {before}/10 before, {after}/10 after")
    if row.response_note:
        parts.append(f"response: {row.response_note}")
    if row.flagged:
        noted = ", ".join(BY_CODE[code].question for code in row.flagged if code in BY_CODE)
        parts.append(f"precaution noted ({noted}); reason: {row.precaution_reason}")
    return "; ".join(parts) or "No dose recorded."


def _body_site(row: TreatmentRow) -> str:
    side = "" if row.side == "none" else f", {row.get_side_display().lower()}"
    return f"{row.get_region_display()}{side}"


def procedures(context: VisitContext, given: TreatmentRecord | None) -> Iterator[dict[str, Any]]:
    """A Procedure entry per row of the visit's treatment, in the rows' order."""
    if given is None:
        return
    for row in given.rows.all():
        resource = {
            "resourceType": "Procedure",
            "status": "completed",
            "code": {"text": row.technique_name},
            "subject": {"reference": context.patient},
            "encounter": {"reference": context.encounter},
            "performedDateTime": context.date,
            "performer": [{"actor": {"display": context.performer}}],
            "bodySite": [{"text": _body_site(row)}],
            "note": [{"text": _note(row)}],
        }
        yield entry(urn(context.key, "treatment", row.position), resource)

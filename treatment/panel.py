"""The visit page's "Treatment given" section (settings.VISIT_PAGE_SECTIONS)."""

from typing import Any

from django.http import HttpRequest

from assessments.models import Assessment
from clinic.panels.registry import Panel
from treatment.models import SIDE_CHOICES, TreatmentAmendment, TreatmentRow
from treatment.precautions import BY_CODE, yes_codes
from treatment.regions import LABELS
from treatment.selectors import treatment_of
from treatment.services.visit import ROW_FIELDS
from treatment.techniques import DEPTH_CHOICES

SIDES, DEPTHS = dict(SIDE_CHOICES), dict(DEPTH_CHOICES)


def row_line(row: dict[str, Any]) -> str:
    """A row kept in an amendment, in one line."""
    parts = [
        row["technique_name"],
        LABELS.get(row["region"], row["region"]),
        SIDES.get(row["side"], row["side"]).lower(),
    ]
    if row.get("minutes"):
        parts.append(f"{row['minutes']} min")
    if row.get("pressure"):
        parts.append(DEPTHS.get(row["pressure"], row["pressure"]).lower())
    if row.get("pain_before") is not None or row.get("pain_after") is not None:
        before, after = row.get("pain_before"), row.get("pain_after")
        parts.append(
            f"pain {'—' if before is None else before} → {'—' if after is None else after}"
        )
    if row.get("response_note"):
        parts.append(row["response_note"])
    return ", ".join(parts)


def given_line(row: TreatmentRow) -> str:
    """A saved row in one line, as row_line writes a kept one (the progress letter)."""
    return row_line({name: getattr(row, name) for name in ROW_FIELDS})


def _amendments(amendments: list[TreatmentAmendment]) -> list[dict[str, Any]]:
    return [
        {
            "amendment": amendment,
            "before": [row_line(row) for row in amendment.old.get("rows", [])],
        }
        for amendment in amendments
    ]


def treatment_section(request: HttpRequest, assessment: Assessment) -> Panel:
    """What was given at the visit and the precautions answered yes; editable on a draft,
    amended on a final visit (each amendment listed with the rows as they were).

    Part of the visit page, whose showing is audited: no entry of its own.
    """
    record = treatment_of(assessment)
    return Panel(
        "treatment/_section.html",
        {
            "assessment": assessment,
            "record": record,
            "rows": list(record.rows.all()) if record is not None else [],
            "yes": [BY_CODE[code].question for code in yes_codes(record.precautions)]
            if record is not None
            else [],
            "can_edit": not assessment.is_final,
            "amendments": _amendments(list(record.amendments.select_related("made_by")))
            if record is not None
            else [],
        },
    )

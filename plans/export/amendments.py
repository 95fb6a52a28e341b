"""A visit's corrections in the client-record document (version 5, docs/interchange.md
"visits[i]"): each amendment of the finalised assessment with its changes, old and new, and
each amendment of its treatment with the whole record before and after. A correction is
part of the record: the file shows what was first written as well as what stands now.

Pure over what `plans.export.selectors.client_record_get` loaded (no queries), and the JSON
Schema of both lists.
"""

from typing import Any

from assessments.interchange.format import USERNAME_MAX_LENGTH
from assessments.models import Amendment, Assessment
from clinic.text_limits import REASON
from plans.export.moments import utc_timestamp
from plans.export.schema_parts import closed_object
from plans.export.selectors import treatment_given
from treatment.services.visit import ROW_FIELDS


def _who(amendment: Any) -> dict[str, str]:
    return {
        "made_at": utc_timestamp(amendment.made_at),
        "made_by": amendment.made_by.get_username(),
        "reason": amendment.reason,
    }


def assessment_amendments(visit: Assessment) -> list[dict[str, Any]]:
    """The finalised assessment's amendments, oldest first: each change's field (an item code,
    a narrative field or "body_chart"), side (or region) and the values as text."""
    found: list[Amendment] = list(visit.amendments.all())
    return [
        {
            **_who(amendment),
            "changes": [
                {key: str(change.get(key, "")) for key in ("field", "side", "old", "new")}
                for change in amendment.changes
            ],
        }
        for amendment in found
    ]


def treatment_amendments(visit: Assessment) -> list[dict[str, Any]]:
    """The treatment's amendments, oldest first, each with the record before and after:
    the precaution answers and the rows as stored (treatment/services/visit.py)."""
    record = treatment_given(visit)
    if record is None:
        return []
    return [
        {**_who(amendment), "before": amendment.old, "after": amendment.new}
        for amendment in record.amendments.all()
    ]


# --- JSON Schema ------------------------------------------------------------------------


WHO = {
    "made_at": {"type": "string", "format": "date-time"},
    "made_by": {"type": "string", "minLength": 1, "maxLength": USERNAME_MAX_LENGTH},
    "reason": {"type": "string", "minLength": 1, "maxLength": REASON},
}


def amendments_schema() -> dict[str, Any]:
    text = {"type": "string"}
    change = closed_object(
        {"field": {"type": "string", "minLength": 1}, "side": text, "old": text, "new": text}
    )
    return {
        "type": "array",
        "items": closed_object({**WHO, "changes": {"type": "array", "items": change}}),
    }


def treatment_amendments_schema() -> dict[str, Any]:
    text: dict[str, Any] = {"type": "string"}
    count: dict[str, Any] = {"type": ["integer", "null"]}
    kinds: dict[str, dict[str, Any]] = {
        "minutes": count,
        "pain_before": count,
        "pain_after": count,
    }
    kinds["flagged"] = {"type": "array", "items": text}
    row = closed_object({name: kinds.get(name, text) for name in ROW_FIELDS})
    record = closed_object(
        {
            "precautions": {"type": "object", "additionalProperties": {"enum": ["yes", "no"]}},
            "rows": {"type": "array", "items": row},
        }
    )
    return {
        "type": "array",
        "items": closed_object({**WHO, "before": record, "after": record}),
    }

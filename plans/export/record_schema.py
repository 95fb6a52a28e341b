"""The JSON Schema of the client-record document (version 5) and the names it fixes.

`plans.export.record` writes the document; this module describes it. The schema file
docs/client-record-v5.schema.json is `json_schema_text()` (a test keeps the file in step).
The keys the apps built on plans add (settings.CLIENT_RECORD_SECTIONS) bring their own
schemas (plans/export/sections.py).
Shape and rules: docs/interchange.md ("Client record").
"""

import json
from typing import Any

from django.db import models

from assessments.interchange.format import USERNAME_MAX_LENGTH
from assessments.interchange.schema import json_schema as assessment_json_schema
from assessments.outcomes import ODI_BANDS
from clinic.models import Client, Sex
from plans.export.amendments import amendments_schema, treatment_amendments_schema
from plans.export.schema_parts import closed_object
from plans.export.sections import record_sections
from plans.handout.snapshot import SCHEMA as HANDOUT_SCHEMA
from plans.models import (
    DOSE_BOUNDS,
    DOSE_FIELDS,
    KIND_CHOICES,
    SIDE_CHOICES,
    EndReason,
    PlanItem,
    PlanVersion,
    ProgramDay,
)
from plans.models.answers import ACTIVITY_MAX, PSFS_MAX, SINCE_CHOICES
from plans.program.payload import PAIN_MAX

SCHEMA = "hipplan.client-record"
VERSION = 5
# The generated schema file, relative to the project root.
SCHEMA_FILE = f"docs/client-record-v{VERSION}.schema.json"

# The client's own fields, as the therapist edits them (clinic.services.clients.CLIENT_FIELDS).
CLIENT_TEXT_FIELDS = (
    "given_name",
    "family_name",
    "preferred_name",
    "email",
    "phone",
    "occupation",
    "activities",
    "referral_source",
    "notes",
)
DOSE_KEYS = DOSE_FIELDS


def _max_length(model: type[models.Model], name: str) -> int | None:
    """The field's length limit; None for a TextField without one."""
    limit: int | None = getattr(model._meta.get_field(name), "max_length", None)
    return limit


def _text(limit: int | None) -> dict[str, Any]:
    return {"type": "string"} if limit is None else {"type": "string", "maxLength": limit}


def _nullable_date() -> dict[str, Any]:
    return {"type": ["string", "null"], "format": "date"}


def _username(*, nullable: bool) -> dict[str, Any]:
    kind: Any = ["string", "null"] if nullable else "string"
    return {"type": kind, "minLength": 1, "maxLength": USERNAME_MAX_LENGTH}


def _item_schema() -> dict[str, Any]:
    dose = {
        key: {"type": ["integer", "null"], "minimum": low, "maximum": high}
        for key, (low, high) in DOSE_BOUNDS.items()
    }
    dose["load"] = {"type": "string", "maxLength": _max_length(PlanItem, "load")}
    return closed_object(
        {
            "intervention": {
                "type": "string",
                "minLength": 1,
                "maxLength": _max_length(PlanItem, "slug"),
            },
            "name": {"type": "string"},
            "kind": {"enum": [value for value, _ in KIND_CHOICES]},
            "side": {"enum": [value for value, _ in SIDE_CHOICES]},
            # "" or the side to do more of ("left", "right"); not constrained in the database.
            "emphasis": _text(_max_length(PlanItem, "emphasis")),
            "dose": closed_object(dose),
            "note": _text(_max_length(PlanItem, "note")),
        }
    )


def _handout_schema() -> dict[str, Any]:
    """The handout as issued (plans.handout.snapshot, shape 1); null when there is none."""
    text = {"type": "string"}
    nested = {"type": "object"}
    handout = closed_object(
        {
            "schema": {"const": HANDOUT_SCHEMA},
            "number": {"type": "integer", "minimum": 1},
            "issued_at": {"type": ["string", "null"], "format": "date-time"},
            "visit_date": {"type": "string", "format": "date"},
            "client": nested,
            "issuer": nested,
            "clinic": nested,
            "message": text,
            "referral": {"type": ["object", "null"]},
            "findings": {"type": "array", "items": text},
            "exercises": {"type": "array", "items": nested},
            "advice": {"type": "array", "items": nested},
            "in_clinic": {"type": "array", "items": text},
            "progress": {"type": "array", "items": nested},
        }
    )
    # What the handout says the plan works on; handouts issued before it have none.
    handout["properties"]["focus"] = {"type": "array", "items": text}
    # What was given at the visit and its aftercare; likewise absent from older handouts.
    handout["properties"]["treatment"] = closed_object(
        {"done": {"type": "array", "items": text}, "aftercare": {"type": "array", "items": text}}
    )
    return {"oneOf": [{"type": "null"}, handout]}


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    return {"oneOf": [{"type": "null"}, schema]}


def _scores_schema() -> dict[str, Any]:
    """The visit's outcome scores (assessments.outcomes.scores_data); null when none."""
    maybe_int = {"type": ["integer", "null"], "minimum": 0}
    return closed_object(
        {
            "psfs": _nullable(
                closed_object(
                    {
                        "mean": {"type": "number", "minimum": 0, "maximum": 10},
                        "activities": {"type": "integer", "minimum": 1},
                    }
                )
            ),
            "odi": _nullable(
                closed_object(
                    {
                        "percent": {"type": "number", "minimum": 0, "maximum": 100},
                        "band": {"enum": [band for _, band in ODI_BANDS]},
                        "source": {"enum": ["sections", "total"]},
                        "sections_answered": {"type": "integer", "minimum": 0, "maximum": 10},
                    }
                )
            ),
            "startback": _nullable(
                closed_object(
                    {
                        "total": {**maybe_int, "maximum": 9},
                        "psychosocial": {**maybe_int, "maximum": 5},
                        "risk_group": {"enum": ["low", "medium", "high", None]},
                        "source": {"enum": ["items", "typed"]},
                        "items_answered": {"type": "integer", "minimum": 0, "maximum": 9},
                    }
                )
            ),
        }
    )


def _program_schema() -> dict[str, Any]:
    """A version's program on the client's phone; null for a version without a link."""
    count = {"type": "integer", "minimum": 0}
    sessions = {"done": count, "planned": {"type": "number", "minimum": 0}}
    slug = {"type": "string", "minLength": 1, "maxLength": _max_length(PlanItem, "slug")}
    moment = {"type": "string", "format": "date-time"}
    rating = {"type": ["integer", "null"], "minimum": 0, "maximum": PAIN_MAX}
    return _nullable(
        closed_object(
            {
                "created_at": moment,
                "expires_at": moment,
                "ended_at": {"type": ["string", "null"], "format": "date-time"},
                "end_reason": {"enum": ["", *(reason.value for reason in EndReason)]},
                "planned_per_week": count,
                "first_day": _nullable_date(),
                "days_counted": count,
                **sessions,
                "under_half": {"type": "boolean"},
                "exercises": {
                    "type": "array",
                    "items": closed_object(
                        {"intervention": slug, "name": {"type": "string"}, **sessions}
                    ),
                },
                "weeks": {
                    "type": "array",
                    "items": closed_object(
                        {
                            "start": {"type": "string", "format": "date"},
                            "days": {"type": "integer", "minimum": 1, "maximum": 7},
                            **sessions,
                            "exercises": {
                                "type": "array",
                                "items": closed_object({"intervention": slug, **sessions}),
                            },
                        }
                    ),
                },
                "days": {
                    "type": "array",
                    "items": closed_object(
                        {
                            "day": {"type": "string", "format": "date"},
                            "pain": rating,
                            "note": _text(_max_length(ProgramDay, "note")),
                        }
                    ),
                },
                "answers": {"type": "array", "items": _answers_schema()},
            }
        )
    )


def _answers_schema() -> dict[str, Any]:
    """The client's answers on the program page before a visit, oldest first."""
    rating = {"type": ["integer", "null"], "minimum": 0, "maximum": PAIN_MAX}
    activity = {"type": "string", "minLength": 1, "maxLength": ACTIVITY_MAX}
    score = {"type": "integer", "minimum": 0, "maximum": PAIN_MAX}
    return closed_object(
        {
            "submitted_at": {"type": "string", "format": "date-time"},
            "pain_now": rating,
            "pain_worst": rating,
            "since_last_visit": {"enum": ["", *(code for code, _ in SINCE_CHOICES)]},
            "psfs": {
                "type": "array",
                "maxItems": PSFS_MAX,
                "items": closed_object({"activity": activity, "score": score}),
            },
            "used_at": {"type": ["string", "null"], "format": "date-time"},
            "used_in_visit": _nullable_date(),
        }
    )


def _visit_schema() -> dict[str, Any]:
    visit = closed_object(
        {
            "assessment": {"$ref": assessment_json_schema()["$id"]},
            "scores": _scores_schema(),
            "findings": {"type": "array", "items": _finding_schema()},
            "plan_versions": {"type": "array", "items": {"$ref": "#/$defs/plan_version"}},
            "amendments": amendments_schema(),
            "treatment_amendments": treatment_amendments_schema(),
        }
    )
    return visit


def _finding_schema() -> dict[str, Any]:
    text = {"type": "string"}
    return closed_object(
        {
            "code": {"type": "string", "minLength": 1},
            "title": text,
            "side": {"enum": ["left", "right", "both", "none"]},
            "severity": text,
            "worse_side": {"enum": ["", "left", "right"]},
            "urgency": {"enum": ["", "emergency", "urgent", "routine"]},
            "evidence": text,
        }
    )


def _version_schema() -> dict[str, Any]:
    return closed_object(
        {
            "number": {"type": "integer", "minimum": 1},
            "status": {"enum": ["draft", "issued"]},
            "issued_at": {"type": ["string", "null"], "format": "date-time"},
            "issued_by": _username(nullable=True),
            "message": _text(_max_length(PlanVersion, "message")),
            "override_reason": _text(_max_length(PlanVersion, "override_reason")),
            "items": {"type": "array", "items": {"$ref": "#/$defs/plan_item"}},
            "handout": _handout_schema(),
            "program": _program_schema(),
        }
    )


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a version 5 client-record document.

    Each visit's `assessment` refers to the assessment schema by its `$id`
    (docs/assessment-v2.schema.json), so a validator needs both files.
    """
    client = {name: _text(_max_length(Client, name)) for name in CLIENT_TEXT_FIELDS}
    for required in ("given_name", "family_name"):
        client[required]["minLength"] = 1
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://hipplan.example/schemas/client-record-v{VERSION}.schema.json",
        "title": f"hipplan client-record document, version {VERSION}",
        "description": "A client's whole record. See docs/interchange.md.",
        **closed_object(
            {
                "schema": {"const": SCHEMA},
                "version": {"const": VERSION},
                "exported_at": {"type": "string", "format": "date-time"},
                "clinic": closed_object(
                    {"reference": {"type": "string", "minLength": 1}, "name": {"type": "string"}}
                ),
                "client": closed_object(
                    {
                        "reference": {"type": "string", "minLength": 1},
                        **client,
                        "date_of_birth": {"type": "string", "format": "date"},
                        "sex": {"enum": [sex.value for sex in Sex]},
                        "consent_date": _nullable_date(),
                        "consent_recorded_by": _username(nullable=True),
                        "archived": {"type": "boolean"},
                    }
                ),
                "visits": {"type": "array", "items": {"$ref": "#/$defs/visit"}},
                **{section.key: section.schema() for section in record_sections()},
            }
        ),
        "$defs": {
            "visit": _visit_schema(),
            "plan_version": _version_schema(),
            "plan_item": _item_schema(),
        },
    }


def json_schema_text() -> str:
    """The schema file's exact contents."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"

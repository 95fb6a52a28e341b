"""The assessment interchange document (JSON, version 2): export, validate, import.

The public face: the shape lives in `interchange_format`, reading and validating in
`interchange_parse` (versions 1 and 2), the optional sections apps built on this one add
(version 2's "treatment") in `interchange_sections`.

The document is a clinical data exchange: the client is referenced by id, never named.
Shape and rules: docs/interchange.md; JSON Schemas: docs/assessment-v1.schema.json and
docs/assessment-v2.schema.json, which `interchange_schema.json_schema(version)` generates (a
test keeps the files and the validator in step).
"""

from decimal import Decimal
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction

from assessments.interchange.format import (
    ITEM_ORDER,
    NARRATIVE_KEYS,
    SCHEMA,
    SIDE_ORDER,
    VERSION,
    VERSIONS,
    ClientInfo,
    InterchangeError,
    ParsedAssessment,
    Problem,
)
from assessments.interchange.parse import load_json, parse_document
from assessments.interchange.sections import save_sections, sections
from assessments.models import Assessment, Status
from assessments.selectors import assessment_values
from assessments.services import (
    assessment_finalise,
    assessment_save,
    assessment_start,
)
from assessments.values import Key
from clinic.models import Client

__all__ = [
    "ITEM_ORDER",
    "NARRATIVE_KEYS",
    "SCHEMA",
    "SIDE_ORDER",
    "VERSION",
    "VERSIONS",
    "ClientInfo",
    "InterchangeError",
    "ParsedAssessment",
    "Problem",
    "export_assessment",
    "import_assessment",
    "load_json",
    "parse_document",
]


# --- export -----------------------------------------------------------------------------


def _json_number(value: Decimal) -> int | float:
    """A stored Decimal (two places at most) as a plain JSON number: 8.00 -> 8, 9.50 -> 9.5."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def _sort_key(key: Key) -> tuple[int, int]:
    code, side = key
    return ITEM_ORDER.get(code, len(ITEM_ORDER)), SIDE_ORDER.get(side, len(SIDE_ORDER))


def export_assessment(assessment: Assessment) -> dict[str, Any]:
    """The assessment as a version 2 document (reads prefetched measurements and marks if
    present); "body_chart" only when the visit has marks, a section's key (the treatment
    given) only when its app has something for the visit."""
    recorded = assessment_values(assessment)
    measurements = [
        {
            "item": code,
            "side": side,
            "value": _json_number(value) if isinstance(value, Decimal) else value,
        }
        for (code, side), value in sorted(recorded.values.items(), key=lambda kv: _sort_key(kv[0]))
    ]
    document: dict[str, Any] = {
        "schema": SCHEMA,
        "version": VERSION,
        "visit_date": assessment.visit_date.isoformat(),
        "status": assessment.status,
        "therapist": assessment.therapist.get_username(),
        "client": {
            "reference": str(assessment.client_id),
            "age_at_visit": recorded.age,
            "sex": recorded.sex,
        },
        "narrative": {name: getattr(assessment, name) for name in NARRATIVE_KEYS},
        "measurements": measurements,
    }
    # Optional: a visit without marks exports as before. A draft's marks carried over
    # without today's intensity are not recorded for this visit yet, so they stay out.
    marks = [mark for mark in recorded.body_chart if mark.intensity is not None]
    if marks:
        document["body_chart"] = [
            {"region": mark.region, "pain_type": mark.pain_type, "intensity": mark.intensity}
            for mark in marks
        ]
    for section in sections(VERSION):
        value = section.write(assessment)
        if value is not None:
            document[section.key] = value
    return document


# --- import -----------------------------------------------------------------------------


@transaction.atomic
def import_assessment(parsed: ParsedAssessment, *, client: Client, actor: User) -> Assessment:
    """Create a new visit for `client` from a parsed document; all or nothing.

    The caller has scoped `client` to the actor's clinic. The actor is recorded as the
    therapist (the document's therapist is informational), and the document's client
    age and sex are not copied onto the client record. Each section the document holds
    (version 2's treatment) is recorded by its app's own service before the visit is
    finalised, so the same checks apply as on the page; what they refuse raises
    InterchangeError with its JSON path, and nothing is written. Side effects: those of
    assessment_start, assessment_save, the sections' services (the treatment: an audit
    entry) and (for a final document) assessment_finalise: audit entries (create, change,
    change: finalised) and the client's last-visit date.
    """
    # An import is always a visit of its own, never a continuation of an open draft.
    assessment = assessment_start(
        actor=actor, client=client, visit_date=parsed.visit_date, another=True
    )
    assessment = assessment_save(
        actor=actor,
        assessment=assessment,
        expected_version=assessment.version,
        narrative=parsed.narrative,
        values=parsed.values,
        body_chart=parsed.body_chart,
    )
    save_sections(parsed.sections, assessment=assessment, actor=actor)
    if parsed.status == Status.FINAL:
        assessment = assessment_finalise(
            actor=actor, assessment=assessment, expected_version=assessment.version
        )
    return assessment

"""The client-record document (JSON, version 5): a client's whole record in one file.

Each visit is exactly the assessment interchange document (`export_assessment`, version 2,
which holds the treatment given), next to its outcome scores (worked out from the answers,
`assessments.outcomes`) and its plan's versions, so a reader of the assessment format reads
every visit unchanged. After the visits come the keys of the apps built on plans
(settings.CLIENT_RECORD_SECTIONS: the episodes of care). Version 5 added each program's
`answers` (what the client answered on the program page before a visit); version 4 embeds
assessment documents of version 2, so the visit's treatment moved into them (version 3 had
it as `visits[i].treatment`), and added the `episodes`; version 3 added each plan version's
home program (the link's life, adherence, pain and notes; never the link's token, salt or
digest) and each visit's findings and treatment; version 2 added the scores; version 1 had
neither.
Unlike the assessment document this one NAMES the client: it is the record itself (for
handing it to the client or to another clinic), not a de-identified exchange.

Pure over what `export_selectors.client_record_get` loaded: no queries. Shape and rules:
docs/interchange.md ("Client record"); JSON Schema: docs/client-record-v5.schema.json,
which `record_schema.json_schema()` generates (a test keeps the file in step).
"""

import datetime
from typing import Any

from django.utils import timezone

from assessments.findings.core import Finding
from assessments.interchange.document import export_assessment
from assessments.interpretation import assessment_findings
from assessments.models import Assessment
from assessments.outcomes import outcome_scores, scores_data
from assessments.selectors import assessment_values
from clinic.models import Client
from plans.export.amendments import assessment_amendments, treatment_amendments
from plans.export.moments import utc_timestamp
from plans.export.record_schema import (  # the names the document and its schema share
    CLIENT_TEXT_FIELDS,
    DOSE_KEYS,
    SCHEMA,
    SCHEMA_FILE,
    VERSION,
    json_schema,
    json_schema_text,
)
from plans.export.sections import record_sections
from plans.export.selectors import ClientRecord, plan_versions
from plans.models import (
    PlanItem,
    PlanVersion,
    ProgramAnswers,
    ProgramLink,
)
from plans.program.adherence import Cell
from plans.program.selectors import summary

__all__ = [
    "SCHEMA",
    "SCHEMA_FILE",
    "VERSION",
    "export_client_record",
    "json_schema",
    "json_schema_text",
    "utc_timestamp",
]


def _optional_date(day: datetime.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _client(client: Client) -> dict[str, Any]:
    recorder = client.consent_recorded_by
    return {
        "reference": str(client.pk),
        **{name: getattr(client, name) for name in CLIENT_TEXT_FIELDS},
        "date_of_birth": client.date_of_birth.isoformat(),
        "sex": client.sex,
        "consent_date": _optional_date(client.consent_date),
        "consent_recorded_by": recorder.get_username() if recorder is not None else None,
        "archived": client.archived,
    }


def _item(item: PlanItem) -> dict[str, Any]:
    return {
        "intervention": item.slug,
        "name": item.name,
        "kind": item.kind,
        "side": item.side,
        "emphasis": item.emphasis,
        "dose": {key: getattr(item, key) for key in DOSE_KEYS},
        "note": item.note,
    }


def _sessions(cell: Cell) -> dict[str, Any]:
    """Sessions done and planned; planned to one decimal (a short week plans a fraction)."""
    planned = round(float(cell.planned), 1)
    return {"done": cell.done, "planned": int(planned) if planned.is_integer() else planned}


def _program(version: PlanVersion, today: datetime.date) -> dict[str, Any] | None:
    """The version's program on the client's phone (docs/program.md), as of `today`; null
    without a link. The link's token, salt and digest never leave: the file would open it."""
    link: ProgramLink | None = getattr(version, "program_link", None)
    if link is None:
        return None
    found = summary(link, today)
    weeks = found.adherence.weeks
    return {
        "created_at": utc_timestamp(link.created_at),
        "expires_at": utc_timestamp(link.expires_at),
        "ended_at": utc_timestamp(link.ended_at) if link.ended_at else None,
        "end_reason": link.end_reason,
        "planned_per_week": link.planned_per_week,
        "first_day": weeks[0].start.isoformat() if weeks else None,
        "days_counted": sum(week.days for week in weeks),
        **_sessions(found.adherence.total()),
        "under_half": found.adherence.low,
        "exercises": [
            {"intervention": ex.slug, "name": ex.name, **_sessions(found.adherence.total(ex.slug))}
            for ex in found.adherence.exercises
        ],
        "weeks": [
            {
                "start": week.start.isoformat(),
                "days": week.days,
                **_sessions(week.total),
                "exercises": [
                    {"intervention": slug, **_sessions(cell)} for slug, cell in week.cells.items()
                ],
            }
            for week in weeks
        ],
        "days": [
            {"day": day.isoformat(), "pain": rating, "note": note}
            for day, rating, note in reversed(found.days)
        ],
        # Prefetched oldest first (export selectors).
        "answers": [_answers(answers) for answers in link.answers.all()],
    }


def _answers(answers: ProgramAnswers) -> dict[str, Any]:
    """What the client answered on the program page before a visit (docs/program.md
    "Before your next visit"), and the visit whose draft took them, by its date."""
    used_in = answers.used_in
    return {
        "submitted_at": utc_timestamp(answers.submitted_at),
        "pain_now": answers.pain_now,
        "pain_worst": answers.pain_worst,
        "since_last_visit": answers.since_last_visit,
        "psfs": [{"activity": row["activity"], "score": row["score"]} for row in answers.psfs],
        "used_at": utc_timestamp(answers.used_at) if answers.used_at else None,
        "used_in_visit": used_in.visit_date.isoformat() if used_in is not None else None,
    }


def _version(version: PlanVersion, today: datetime.date) -> dict[str, Any]:
    issuer = version.issued_by
    return {
        "number": version.number,
        "status": version.status,
        "issued_at": utc_timestamp(version.issued_at) if version.issued_at else None,
        "issued_by": issuer.get_username() if issuer is not None else None,
        "message": version.message,
        "override_reason": version.override_reason,
        # Prefetched in position order (PlanItem.Meta.ordering).
        "items": [_item(item) for item in version.items.all()],
        # What the client was given, frozen at issue (plans.handout.snapshot); null for a
        # draft, and for a version issued before handouts were recorded.
        "handout": _handout(version),
        # The program link issued with the version: what the client did of it.
        "program": _program(version, today),
    }


def _handout(version: PlanVersion) -> dict[str, Any] | None:
    snapshot = getattr(version, "snapshot", None) if version.is_issued else None
    return dict(snapshot.content) if snapshot is not None else None


def export_client_record(
    record: ClientRecord, *, exported_at: datetime.datetime
) -> dict[str, Any]:
    """The record as a version 5 document; visits oldest first, plan versions by number,
    then each section's key. A program's adherence and an episode's reassessment are
    counted up to the export's day."""
    clinic = record.client.clinic
    today = timezone.localdate(exported_at)
    return {
        "schema": SCHEMA,
        "version": VERSION,
        "exported_at": utc_timestamp(exported_at),
        "clinic": {"reference": str(clinic.pk), "name": clinic.name},
        "client": _client(record.client),
        "visits": [_visit(visit, today) for visit in record.visits],
        **{
            section.key: section.document(record.sections[section.key], record.visits, today)
            for section in record_sections()
        },
    }


# --- JSON Schema ------------------------------------------------------------------------


def _visit(visit: Assessment, today: datetime.date) -> dict[str, Any]:
    """One visit in the visit note's SOAP order (docs/interchange.md): what the client said,
    what the examination found and the treatment given (the assessment document), the
    findings, then the plan."""
    values = assessment_values(visit)
    return {
        "assessment": export_assessment(visit),
        "scores": scores_data(outcome_scores(values)),
        "findings": [_finding(found) for found in assessment_findings(visit, values)],
        "plan_versions": [_version(version, today) for version in plan_versions(visit)],
        # Corrections after the visit was finalised, with what stood before.
        "amendments": assessment_amendments(visit),
        "treatment_amendments": treatment_amendments(visit),
    }


def _finding(finding: Finding) -> dict[str, str]:
    """One finding as the visit page shows it, under the clinic's cut-offs of the export."""
    return {
        "code": finding.code,
        "title": finding.title,
        "side": finding.side,
        "severity": finding.severity,
        "worse_side": finding.worse_side,
        "urgency": finding.urgency,
        "evidence": finding.evidence,
    }

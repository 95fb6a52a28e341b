"""The home program's Observations in the FHIR R4 export (docs/fhir.md, "Home program").

Per program link (docs/program.md): one Observation of the share of planned sessions done
over the days the link was open, with each exercise's sessions done and planned as a
component; then one Observation per day the client rated their pain or wrote a note; then
one per set of answers the client sent before a visit ("Before your next visit"), with pain
now and at worst, how they have been and each PSFS activity's score as components. The
client ticked, rated and answered on their phone, so the client is the performer. Pure over what
`export_selectors.client_record_get` loaded; never the link's token, salt or digest.
"""

import datetime
from collections.abc import Iterator
from typing import Any

from django.utils import timezone

from assessments.catalogue.items import ITEMS
from plans.export import fhir_codes as codes
from plans.export.fhir_observations import _category, _concept, _measure, _quantity, entry, urn
from plans.export.moments import utc_timestamp
from plans.models import ProgramAnswers, ProgramLink
from plans.program.adherence import Cell
from plans.program.selectors import is_open, summary

SESSIONS = {"unit": "sessions", "system": codes.UCUM, "code": "{session}"}
LOW_TEXT = "Under half of the planned sessions done"
PAIN_TEXT = "Pain rating on the home program (the client's own, 0-10)"
ANSWERS_TEXT = "The client's answers before a visit, on the home program page"


def _sessions(value: float) -> dict[str, Any]:
    rounded = round(float(value), 1)
    return {"value": int(rounded) if rounded.is_integer() else rounded, **SESSIONS}


def _ratio(cell: Cell) -> dict[str, Any]:
    return {"numerator": _sessions(cell.done), "denominator": _sessions(cell.planned)}


def program_observations(
    link: ProgramLink, *, key: str, patient: str, now: datetime.datetime
) -> Iterator[dict[str, Any]]:
    """The link's adherence (when it has exercises to tick) and daily pain, as entries."""
    found = summary(link, timezone.localdate(now))
    weeks, total = found.adherence.weeks, found.adherence.total()
    shared = {"subject": {"reference": patient}, "performer": [{"reference": patient}]}
    if total.planned and weeks:
        last = weeks[-1].start + datetime.timedelta(days=weeks[-1].days - 1)
        resource: dict[str, Any] = {
            "resourceType": "Observation",
            # Still open: the client can tick more, so the share may change.
            "status": "preliminary" if is_open(link, now) else "final",
            "category": _category("therapy"),
            "code": _concept(
                _measure(codes.PROGRAM_ADHERENCE), text="Home program: planned sessions done"
            ),
            **shared,
            "effectivePeriod": {"start": weeks[0].start.isoformat(), "end": last.isoformat()},
            "valueQuantity": _quantity(round(100 * total.done / total.planned, 1), "%"),
            "note": [
                {
                    "text": f"Plan version {link.version.number}: {total.done} of "
                    f"{_sessions(total.planned)['value']} planned sessions done, as ticked "
                    "on the client's phone."
                }
            ],
            "component": [
                {
                    "code": _concept((codes.INTERVENTION_SYSTEM, ex.slug), text=ex.name),
                    "valueRatio": _ratio(found.adherence.total(ex.slug)),
                }
                for ex in found.adherence.exercises
            ],
        }
        if found.adherence.low:
            resource["interpretation"] = [{"text": LOW_TEXT}]
        yield entry(urn(key), resource)
    for day, rating, note in reversed(found.days):  # oldest first
        value: dict[str, Any] = (
            {"valueQuantity": _quantity(float(rating), "")}
            if rating is not None
            else {
                "dataAbsentReason": {
                    "coding": [{"system": codes.DATA_ABSENT_REASON, "code": "unknown"}],
                    "text": "Not rated that day",
                }
            }
        )
        resource = {
            "resourceType": "Observation",
            "status": "final",
            "category": _category("survey"),
            "code": _concept(
                (codes.LOINC, codes.PAIN_SEVERITY_LOINC),
                _measure(codes.PROGRAM_PAIN),
                text=PAIN_TEXT,
            ),
            **shared,
            "effectiveDateTime": day.isoformat(),
            **value,
        }
        if note:
            resource["note"] = [{"text": note}]
        yield entry(urn(key, "day", day.isoformat()), resource)
    for answers in link.answers.all():  # prefetched oldest first
        yield entry(
            urn(key, "answers", answers.pk), _answers(answers, shared, link.version.number)
        )


def _answers(answers: ProgramAnswers, shared: dict[str, Any], version: int) -> dict[str, Any]:
    """One set of answers as an Observation whose parts are coded as the visit's items."""
    score = {"pain_now": answers.pain_now, "pain_worst_24h": answers.pain_worst}
    parts: list[dict[str, Any]] = [
        {
            "code": _concept(
                *([(codes.LOINC, codes.PAIN_SEVERITY_LOINC)] if code == "pain_now" else []),
                _measure(code),
                text=ITEMS[code].label,
            ),
            "valueQuantity": _quantity(float(value), ""),
        }
        for code, value in score.items()
        if value is not None
    ]
    if answers.since_last_visit:
        item = ITEMS["since_last_visit"]
        parts.append(
            {
                "code": _concept(_measure(item.code), text=item.label),
                "valueString": item.choice_label(answers.since_last_visit),
            }
        )
    parts.extend(
        {
            "code": _concept(_measure(f"psfs_score_{n}"), text=row["activity"]),
            "valueQuantity": _quantity(float(row["score"]), ""),
        }
        for n, row in enumerate(answers.psfs, start=1)
    )
    used = (
        f" Taken into the draft of the visit of {answers.used_in.visit_date.isoformat()}."
        if answers.used_in is not None
        else " Not yet taken into a visit."
    )
    return {
        "resourceType": "Observation",
        "status": "final",
        "category": _category("survey"),
        "code": _concept(_measure(codes.PROGRAM_ANSWERS), text=ANSWERS_TEXT),
        **shared,
        "effectiveDateTime": utc_timestamp(answers.submitted_at),
        "note": [{"text": f"Sent on the program page of plan version {version}.{used}"}],
        "component": parts,
    }

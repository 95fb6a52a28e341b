"""The handout's content, taken once when a version is issued, as plain JSON.

Everything the client's documents show comes from here: the plain-language findings, the
referral and its urgency, each item's name, dose, side, steps, picture and reason, the
message, who issued it, the client's name as printed, the clinic's branding and the
progress charts. `take_snapshot` reads the live records (the assessment's findings, the
clinic's cut-offs and branding) exactly once, at issue; the handout PDF, the preview, the
email and the exports then read only what it wrote, so a later amendment, cut-off or
branding change never changes what this client was given.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from django.contrib.auth.models import User
from django.utils.text import slugify

from assessments.findings.core import Finding
from assessments.findings.text import FOCUS
from assessments.interpretation import findings as assessment_findings
from assessments.progress.series import spec_to_data
from clinic.models import Client, Clinic
from plans.handout.figures import pictures_for, snapshot_figure
from plans.handout.progress import handout_progress_specs
from plans.library import HOME_EXERCISE_KINDS, Dose, Kind
from plans.models import ClinicPicture, HandoutSnapshot, PlanItem, PlanVersion
from plans.rules.engine import suggest
from treatment.handout import handout_treatment
from treatment.selectors import treatment_rows

# The shape written below; a reader refuses a shape it does not know.
SCHEMA = 1
ILLUSTRATION_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,100}\.svg$")
MAX_FINDINGS = 5  # "at most a short paragraph"
MAX_FOCUS = 3  # "a few short lines on what we will work on and why"
BRANDING = ("name", "address", "phone", "email", "website", "handout_footer", "paper_size")


def issuer_label(user: User | None) -> dict[str, str]:
    """Who issued the version, as the handout prints them: full name (or username), title."""
    if user is None:
        return {"name": "", "title": ""}
    membership = getattr(user, "membership", None)
    name = f"{user.first_name} {user.last_name}".strip() or user.get_username()
    return {"name": name, "title": membership.title if membership else ""}


def dose_cells(item: PlanItem) -> list[dict[str, str]]:
    """The dose as label/value pairs (hold / repeat / sets / load / rest / time / how often /
    side)."""
    cells = []
    if item.hold_seconds:
        cells.append({"label": "Hold", "value": f"{item.hold_seconds} seconds"})
    if item.repetitions:
        cells.append({"label": "Repeat", "value": f"{item.repetitions} times"})
    if item.sets:
        cells.append({"label": "Sets", "value": str(item.sets)})
    if item.load:
        cells.append({"label": "Load", "value": item.load})
    if item.rest_seconds and (item.sets or 0) > 1:
        cells.append({"label": "Rest", "value": f"{item.rest_seconds} seconds between sets"})
    if item.duration_minutes:
        unit = "minute" if item.duration_minutes == 1 else "minutes"
        cells.append({"label": "Time", "value": f"{item.duration_minutes} {unit}"})
    often = Dose(times_per_day=item.times_per_day, days_per_week=item.days_per_week).describe()
    if often:
        cells.append({"label": "How often", "value": often[:1].lower() + often[1:]})
    if item.content.get("per_side") and item.side == "both":
        cells.append({"label": "Side", "value": "each side"})
    elif item.side in {"left", "right"}:
        cells.append({"label": "Side", "value": f"{item.side} only"})
    return cells


def _side_label(item: PlanItem) -> str:
    label = {"both": "both sides", "left": "left side", "right": "right side"}.get(item.side, "")
    if label and item.emphasis in {"left", "right"}:
        label += f", more on the {item.emphasis}"
    return label


def _illustration(item: PlanItem) -> str:
    """The illustration's file name, if it is a plain name (a clinic may type anything)."""
    name = str(item.content.get("illustration") or "")
    return name if ILLUSTRATION_RE.match(name) else ""


def _steps(item: PlanItem) -> list[str]:
    steps = item.content.get("steps") or []
    return [str(step) for step in steps] if isinstance(steps, list) else [str(steps)]


def _exercise(item: PlanItem, pictures: Mapping[str, ClinicPicture]) -> dict[str, Any]:
    return {
        # What the client's program page ticks, and plans the sessions by (plans/program).
        "slug": item.slug,
        "times_per_day": item.times_per_day,
        "days_per_week": item.days_per_week,
        "name": item.name,
        "side": _side_label(item),
        "illustration": _illustration(item),
        "figure": snapshot_figure(item, pictures),
        "steps": _steps(item),
        "dose_text": item.dose_text,
        "dose": dose_cells(item),
        "why": next((str(r.get("why", "")) for r in item.reasons if r.get("why")), ""),
        "safety": str(item.content.get("safety", "")),
        "note": item.note,
    }


def focus_lines(items: list[PlanItem], findings: list[Finding]) -> list[str]:
    """What the plan works on, in hopeful words: the findings behind its items, first item
    first (else the visit's findings), at most MAX_FOCUS lines."""
    codes = [str(reason.get("finding", "")) for item in items for reason in item.reasons]
    codes += [f.code for f in findings if not f.is_red_flag]
    lines = dict.fromkeys(FOCUS[code] for code in codes if code in FOCUS)
    return list(lines)[:MAX_FOCUS]


def client_sentences(findings: list[Finding]) -> list[str]:
    """The findings in the client's words, once each: no red flag (the referral says it)
    and no palpation finding, which has no client sentence (docs/findings.md)."""
    shown = (f.client_text for f in findings if f.client_text and not f.is_red_flag)
    return list(dict.fromkeys(shown))


def printed_name(client: Client) -> str:
    """The client's name as the handout prints it: the name they go by, then the family name."""
    return f"{client.preferred_name or client.given_name} {client.family_name}"


def snapshot_content(version: PlanVersion) -> dict[str, Any]:
    """What the version's documents show, from the live records, as plain JSON values.

    Reads the version's plan, assessment, client, clinic, items and issuer (select them
    with the version), the assessment's findings, the treatment given at the visit and the
    visits the progress page charts.
    """
    assessment = version.plan.assessment
    client = assessment.client
    clinic: Clinic = client.clinic
    findings = assessment_findings(assessment)
    referral = suggest(findings, age=client.age_on(assessment.visit_date)).referral
    found = client_sentences(findings)
    items = sorted(version.items.all(), key=lambda item: (item.position, item.pk))
    pictures = pictures_for(clinic.pk, items)
    return {
        "schema": SCHEMA,
        "number": version.number,
        "issued_at": version.issued_at.isoformat() if version.issued_at else None,
        "visit_date": assessment.visit_date.isoformat(),
        "client": {
            "name": printed_name(client),
            # The name the client goes by (the email's greeting).
            "given_name": client.preferred_name or client.given_name,
            "file_name": f"home-program-{slugify(client.full_name) or 'client'}"
            f"-v{version.number}.pdf",
        },
        "issuer": issuer_label(version.issued_by),
        "clinic": {name: getattr(clinic, name) for name in BRANDING},
        "message": version.message,
        "referral": None
        if referral is None
        else {"urgency": referral.urgency, "client_message": referral.client_message},
        # The full findings stay in the therapist's record (and here, for the exports);
        # the handout prints the focus lines.
        "findings": found[:MAX_FINDINGS],
        "focus": focus_lines([item for item in items if item.kind != Kind.IN_CLINIC], findings),
        "exercises": [
            _exercise(item, pictures) for item in items if item.kind in HOME_EXERCISE_KINDS
        ],
        "advice": [
            {"name": item.name, "text": " ".join(_steps(item)), "note": item.note}
            for item in items
            if item.kind == Kind.ADVICE
        ],
        "in_clinic": [item.name for item in items if item.kind == Kind.IN_CLINIC],
        # What was given at the visit, in plain words, and the aftercare (treatment app).
        "treatment": handout_treatment(treatment_rows(assessment)),
        "progress": [spec_to_data(spec) for spec in handout_progress_specs(version)],
    }


def take_snapshot(version: PlanVersion) -> HandoutSnapshot:
    """Freeze the version's handout content and the clinic's logo (call inside the issue).

    Side effects: one HandoutSnapshot row.
    """
    clinic = version.plan.assessment.client.clinic
    snapshot = HandoutSnapshot(
        plan_version=version,
        content=snapshot_content(version),
        logo=bytes(clinic.logo or b"") if clinic.has_logo else b"",
        logo_content_type=clinic.logo_content_type if clinic.has_logo else "",
    )
    snapshot.full_clean()
    snapshot.save()
    return snapshot

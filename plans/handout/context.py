"""The client handout: which version, and what goes into it.

Rendering (WeasyPrint) and the PDF cache live in `plans.handout.render`; the template is
templates/plans/handout/document.html. Everything the template shows comes from
`handout_context`, and everything `handout_context` reads is in the cache key
(`plans.handout.stamp.handout_key`), so a change to any input makes a new key (and a new
render); see docs/handout.md.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from typing import Any, TypeAlias

from django.conf import settings
from django.contrib.auth.models import User
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from assessments.interpretation import findings as assessment_findings
from assessments.progress.series import ChartSpec
from clinic.models import Clinic, PaperSize
from clinic.selectors import AnyUser
from plans.handout.fetcher import BASE_URL, LOGO_URL, STATIC_PREFIX
from plans.handout.progress import progress_charts_for_handout
from plans.library import Dose, Kind
from plans.models import PlanItem, PlanVersion
from plans.rules.engine import suggest

# Bump when the template, the stylesheet or this module changes what a handout looks like:
# it is part of every cache key, so old PDFs are not served after a deploy.
TEMPLATE_VERSION = "handout-2026.3"
TEMPLATE = "plans/handout/document.html"
PAGE_SIZES = {PaperSize.A4: "A4", PaperSize.LETTER: "letter"}
# The optional progress page's charts (plans.handout.progress), or None: no such page.
Progress: TypeAlias = tuple[ChartSpec, ...] | None
ILLUSTRATION_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,100}\.svg$")
MAX_FINDINGS = 5  # "at most a short paragraph"

# docs/clinical.md "Red flags", in plain words for the client. The first group is the cauda
# equina list (an emergency, same day); the second the other red flags (see a doctor soon).
WARNING_SIGNS_TODAY = (
    "You have trouble controlling your bladder or bowels, or cannot pass urine.",
    "You feel numb around your bottom, genitals or inner thighs (where you would sit on a "
    "saddle).",
    "You have pain, numbness or weakness in both legs, or your legs are getting weaker.",
    "You notice new problems with sexual function.",
)
WARNING_SIGNS_SOON = (
    "You have a fever or chills, or feel generally unwell, with your back pain.",
    "Your pain is bad at night and does not ease when you rest.",
    "You lose weight without trying.",
    "Numbness or weakness in one leg is getting worse, or pain spreads below your knee.",
    "Your pain started after a fall or an accident.",
    "You are no better after a month of doing your program.",
)


class HandoutNotReady(Http404):
    """Only issued versions have a handout; a draft can still change."""

    def __init__(self) -> None:
        super().__init__("Issue this plan version first: drafts have no handout.")


HANDOUT_RELATIONS = ("plan__assessment__client__clinic", "issued_by__membership")


def _with_handout_relations(versions: QuerySet[PlanVersion]) -> QuerySet[PlanVersion]:
    return versions.select_related(*HANDOUT_RELATIONS).prefetch_related("items")


def handout_version_get(user: AnyUser, pk: int) -> PlanVersion:
    """An issued version of the user's clinic with everything the handout needs; else 404.

    The logo's bytes are left in the database until a render asks for them.
    """
    from plans.selectors import plan_versions_for

    scoped = _with_handout_relations(plan_versions_for(user))
    version = get_object_or_404(scoped.defer("plan__assessment__client__clinic__logo"), pk=pk)
    if not version.is_issued:
        raise HandoutNotReady
    return version


def handout_version_full(pk: int) -> PlanVersion:
    """Everything the handout shows of a version whose stamp the caller already read
    (plans.handout.stamp, scoped to the user's clinic), for the progress page and a render."""
    versions = PlanVersion.objects.select_related(*HANDOUT_RELATIONS)  # items: read to render
    return versions.defer("plan__assessment__client__clinic__logo").get(pk=pk)


def issuer_label(first: str, last: str, username: str, title: str) -> tuple[str, str]:
    """(name, title) of who issued a version, as the handout prints them (and keys them)."""
    return f"{first} {last}".strip() or username, title


def _therapist(user: User | None) -> tuple[str, str]:
    if user is None:
        return "", ""
    membership = getattr(user, "membership", None)
    title = membership.title if membership else ""
    return issuer_label(user.first_name, user.last_name, user.get_username(), title)


def _items(version: PlanVersion) -> list[PlanItem]:
    return sorted(version.items.all(), key=lambda item: (item.position, item.pk))


@dataclass(frozen=True)
class DoseCell:
    label: str
    value: str


def dose_cells(item: PlanItem) -> list[DoseCell]:
    """The dose as label/value pairs (hold / repeat / sets / how often / side)."""
    cells = []
    if item.hold_seconds:
        cells.append(DoseCell("Hold", f"{item.hold_seconds} seconds"))
    if item.repetitions:
        cells.append(DoseCell("Repeat", f"{item.repetitions} times"))
    if item.sets:
        cells.append(DoseCell("Sets", str(item.sets)))
    often = Dose(times_per_day=item.times_per_day, days_per_week=item.days_per_week).describe()
    if often:
        cells.append(DoseCell("How often", often[:1].lower() + often[1:]))
    if item.content.get("per_side") and item.side == "both":
        cells.append(DoseCell("Side", "each side"))
    elif item.side in {"left", "right"}:
        cells.append(DoseCell("Side", f"{item.side} only"))
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


def _exercise(item: PlanItem) -> dict[str, Any]:
    steps = item.content.get("steps") or []
    return {
        "item": item,
        "name": item.name,
        "side": _side_label(item),
        "illustration": _illustration(item),
        "steps": [str(step) for step in steps] if isinstance(steps, list) else [str(steps)],
        "dose_text": item.dose_text,
        "dose": dose_cells(item),
        "why": next((str(r.get("why", "")) for r in item.reasons if r.get("why")), ""),
        "safety": str(item.content.get("safety", "")),
        "note": item.note,
    }


def _logo_src(clinic: Clinic, *, for_pdf: bool) -> str:
    """The PDF asks the fetcher for the logo; the browser preview gets a data: URI.

    Both are made here from the stored bytes and a known content type, never from text a
    user typed.
    """
    if not clinic.has_logo or not clinic.logo:
        return ""
    if for_pdf:
        return LOGO_URL
    encoded = base64.b64encode(bytes(clinic.logo)).decode("ascii")
    return f"data:{clinic.logo_content_type};base64,{encoded}"


def _static_prefix(for_pdf: bool) -> str:
    if for_pdf:
        return STATIC_PREFIX
    url = settings.STATIC_URL or "/static/"
    return url if url.startswith(("/", "http")) else f"/{url}"


def handout_context(
    version: PlanVersion, *, for_pdf: bool, progress: Progress = None
) -> dict[str, Any]:
    """Everything the handout template shows (and nothing it does not)."""
    assessment = version.plan.assessment
    client = assessment.client
    clinic = client.clinic
    findings = assessment_findings(assessment)
    suggestions = suggest(findings, age=client.age_on(assessment.visit_date))
    found = list(dict.fromkeys(f.client_text for f in findings if not f.is_red_flag))
    items = _items(version)
    home = {Kind.STRETCH, Kind.STRENGTHEN, Kind.MOBILITY, Kind.MOTOR_CONTROL}
    exercises = [_exercise(item) for item in items if item.kind in home]
    therapist, title = _therapist(version.issued_by)
    return {
        "for_pdf": for_pdf,
        "base_url": BASE_URL,
        "static_prefix": _static_prefix(for_pdf),
        "page_size": PAGE_SIZES.get(PaperSize(clinic.paper_size), "A4"),
        "title": f"Your home program from {clinic.name}",
        "version": version,
        "client_name": client.full_name,
        "visit_date": assessment.visit_date,
        "clinic": clinic,
        "logo_src": _logo_src(clinic, for_pdf=for_pdf),
        "therapist": therapist,
        "therapist_title": title,
        # Red flags on the visit (issued with an override): the referral comes first.
        "referral": suggestions.referral,
        "findings": found[:MAX_FINDINGS],
        "exercises": exercises,
        "advice": [
            {
                "name": item.name,
                "text": " ".join(item.content.get("steps") or []),
                "note": item.note,
            }
            for item in items
            if item.kind == Kind.ADVICE
        ],
        "in_clinic": [item.name for item in items if item.kind == Kind.IN_CLINIC],
        "days": range(1, 29),
        "weeks": range(1, 5),
        "warning_today": WARNING_SIGNS_TODAY,
        "warning_soon": WARNING_SIGNS_SOON,
        "progress": None if progress is None else progress_charts_for_handout(progress),
    }

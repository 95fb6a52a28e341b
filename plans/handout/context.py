"""What the handout template shows, read only from an issued version's snapshot.

The template is templates/plans/handout/document.html; the PDF is rendered from it by
`plans.handout.render`, the browser preview shows it as HTML. Nothing here reads the live
assessment, the clinic's cut-offs or its branding: `plans.handout.snapshot` froze them
when the version was issued (docs/handout.md).
"""

from __future__ import annotations

import base64
import datetime
from typing import Any

from django.conf import settings
from django.http import Http404

from assessments.progress.series import spec_from_data
from clinic.models import PaperSize
from plans.handout.fetcher import BASE_URL, LOGO_URL, PROGRAM_QR_URL, STATIC_PREFIX
from plans.handout.figures import with_figures
from plans.handout.progress import progress_charts_for_handout
from plans.handout.snapshot import SCHEMA
from plans.models import HandoutSnapshot
from plans.program.qr import program_url, qr_svg

# Bump when the template, the stylesheet or this module changes how a handout looks. It is
# stored with each PDF: a PDF already made keeps the look it was given with.
TEMPLATE_VERSION = "handout-2026.6"
TEMPLATE = "plans/handout/document.html"
PAGE_SIZES = {PaperSize.A4: "A4", PaperSize.LETTER: "letter"}

# docs/clinical.md "Red flags", in plain words for the client. The first group is the
# cauda equina list (an emergency, same day); the second the other red flags (see a
# doctor soon). Fixed wording of the product, the same on every handout.
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


def page_size(content: dict[str, Any]) -> str:
    """The clinic's paper size when the version was issued, as CSS names it."""
    return PAGE_SIZES.get(PaperSize(content["clinic"]["paper_size"]), "A4")


def _logo_src(snapshot: HandoutSnapshot, *, for_pdf: bool) -> str:
    """The PDF asks the fetcher for the logo; the browser preview gets a data: URI.

    Both are made from the stored bytes and their checked content type, never from text a
    user typed.
    """
    if not snapshot.logo:
        return ""
    if for_pdf:
        return LOGO_URL
    encoded = base64.b64encode(bytes(snapshot.logo)).decode("ascii")
    return f"data:{snapshot.logo_content_type};base64,{encoded}"


def _static_prefix(for_pdf: bool) -> str:
    if for_pdf:
        return STATIC_PREFIX
    url = settings.STATIC_URL or "/static/"
    return url if url.startswith(("/", "http")) else f"/{url}"


def _program(snapshot: HandoutSnapshot, *, for_pdf: bool) -> dict[str, str] | None:
    """The program link printed on the first page, with its QR code; None without one."""
    url = program_url(snapshot.plan_version_id)
    if not url:
        return None
    if for_pdf:
        return {"url": url, "qr_src": PROGRAM_QR_URL}
    encoded = base64.b64encode(qr_svg(url)).decode("ascii")
    return {"url": url, "qr_src": f"data:image/svg+xml;base64,{encoded}"}


def handout_context(
    snapshot: HandoutSnapshot, *, for_pdf: bool, with_progress: bool = False
) -> dict[str, Any]:
    """Everything the handout template shows (and nothing it does not), from the snapshot."""
    content = snapshot.content
    if content.get("schema") != SCHEMA:
        raise ValueError(f"Unknown handout snapshot shape: {content.get('schema')!r}")
    clinic = content["clinic"]
    issued_at = content["issued_at"]
    return {
        "for_pdf": for_pdf,
        "base_url": BASE_URL,
        "static_prefix": _static_prefix(for_pdf),
        "page_size": page_size(content),
        "title": f"Your home program from {clinic['name']}",
        "version": {
            "pk": snapshot.plan_version_id,
            "number": content["number"],
            "message": content["message"],
            "issued_at": datetime.datetime.fromisoformat(issued_at) if issued_at else None,
        },
        "client_name": content["client"]["name"],
        "visit_date": datetime.date.fromisoformat(content["visit_date"]),
        "clinic": clinic,
        "logo_src": _logo_src(snapshot, for_pdf=for_pdf),
        "therapist": content["issuer"]["name"],
        "therapist_title": content["issuer"]["title"],
        # A referral comes first: red flags (issued with an override), or a routine one.
        "referral": content["referral"],
        # Issued before the focus lines existed: those handouts show what was found.
        "focus": content.get("focus"),
        "findings": content["findings"],
        "exercises": with_figures(
            content["exercises"], for_pdf=for_pdf, static_prefix=_static_prefix(for_pdf)
        ),
        "advice": content["advice"],
        "in_clinic": content["in_clinic"],
        # Issued before treatment rows were recorded: nothing to show.
        "treatment": content.get("treatment") or {"done": [], "aftercare": []},
        "program": _program(snapshot, for_pdf=for_pdf),
        "days": range(1, 29),
        "weeks": range(1, 5),
        "warning_today": WARNING_SIGNS_TODAY,
        "warning_soon": WARNING_SIGNS_SOON,
        "progress": progress_charts_for_handout(
            tuple(spec_from_data(data) for data in content["progress"])
        )
        if with_progress
        else None,
    }

"""Handout views: HTML preview, PDF download, and email to the client (issue 5).

Only issued versions of the user's clinic have a handout (anything else is a 404). Every
preview (a read: audit "view"), download and email (audit "export") writes an audit entry.
"""

import logging
import smtplib
from typing import NamedTuple

from django.conf import settings
from django.contrib import messages
from django.core.mail import EmailMessage
from django.http import HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.views.decorators.http import require_GET, require_POST

from clinic.http import AuthedRequest
from clinic.models import AuditAction
from clinic.services.audit import audit_record
from plans.handout.context import handout_version_get
from plans.handout.email import handout_audit_detail, handout_email_send
from plans.handout.progress import handout_progress_specs
from plans.handout.render import HandoutRenderError, handout_html, handout_pdf_get
from plans.handout.stamp import HandoutStamp, handout_stamp_get

logger = logging.getLogger(__name__)


class HandoutIds(NamedTuple):
    """What a handout's audit entry names."""

    version_id: int
    number: int
    client_id: int
    clinic_id: int

    @classmethod
    def of(cls, stamp: HandoutStamp) -> "HandoutIds":
        return cls(stamp.version_id, stamp.number, stamp.client_id, stamp.clinic_id)


def _audit(request: AuthedRequest, ids: HandoutIds, action: AuditAction, what: str) -> None:
    audit_record(
        actor=request.user,
        clinic=ids.clinic_id,
        action=action,
        object_type="handout",
        object_id=ids.version_id,
        client_id=ids.client_id,
        detail=handout_audit_detail(what, ids.number),
    )


def _filename(stamp: HandoutStamp) -> str:
    name = slugify(f"{stamp.given_name} {stamp.family_name}") or "client"
    return f"home-program-{name}-v{stamp.number}.pdf"


def _with_progress(data: QueryDict) -> bool:
    """The optional progress page: `?progress=1` on a link, a checkbox on the email form."""
    return data.get("progress") in {"1", "on"}


def _what(text: str, with_progress: bool) -> str:
    return f"{text} with progress page" if with_progress else text


@require_GET
def handout_preview(request: AuthedRequest, pk: int) -> HttpResponse:
    version = handout_version_get(request.user, pk)
    with_progress = _with_progress(request.GET)
    progress = handout_progress_specs(version) if with_progress else None
    client = version.plan.assessment.client
    ids = HandoutIds(version.pk, version.number, client.pk, client.clinic_id)
    _audit(request, ids, AuditAction.VIEW, _what("handout preview", with_progress))
    return HttpResponse(handout_html(version, for_pdf=False, progress=progress))


@require_GET
def handout_pdf(request: AuthedRequest, pk: int) -> HttpResponse:
    """The PDF: one query finds the version's inputs and its stored copy (plans.handout.stamp)."""
    with_progress = _with_progress(request.GET)
    stamp = handout_stamp_get(request.user, pk, with_progress=with_progress)
    try:
        handout = handout_pdf_get(stamp)
    except HandoutRenderError:
        return _render_failed(request, stamp.version_id)
    downloaded = _what("handout PDF downloaded", with_progress)
    _audit(request, HandoutIds.of(stamp), AuditAction.EXPORT, downloaded)
    response = HttpResponse(handout.pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{_filename(stamp)}"'
    response["Cache-Control"] = "private, no-store"  # health data: no shared caches
    return response


@require_POST
def handout_email(request: AuthedRequest, pk: int) -> HttpResponse:
    version = handout_version_get(request.user, pk)
    client = version.plan.assessment.client
    clinic = client.clinic
    if not client.email:
        messages.error(
            request,
            f"{client.full_name} has no email address on record: add one to their details "
            "first, or download the PDF and give it to them.",
        )
        return redirect("plan_builder", pk=version.pk)
    with_progress = _with_progress(request.POST)
    stamp = handout_stamp_get(request.user, pk, with_progress=with_progress)
    try:
        handout = handout_pdf_get(stamp, version)  # the version read above: not read again
    except HandoutRenderError:
        messages.error(request, f"Nothing was emailed. {RENDER_FAILED}")
        return redirect("plan_builder", pk=version.pk)
    email = EmailMessage(
        subject=f"Your home program from {clinic.name}".replace("\n", " ")[:150],
        body=(
            f"Hello {client.given_name},\n\nAttached is your home program from your visit "
            f"on {version.plan.assessment.visit_date:%d %B %Y}.\n\n{clinic.name}"
        ),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[client.email],
        reply_to=[clinic.email] if clinic.email else None,
    )
    email.attach(_filename(stamp), handout.pdf, "application/pdf")
    what = _what("handout PDF emailed to the client", with_progress)
    try:
        sent = handout_email_send(actor=request.user, stamp=stamp, email=email, what=what)
    except (smtplib.SMTPException, OSError):
        logger.exception("Handout email for plan version %s failed", version.pk)
        messages.error(request, "The email could not be sent; please try again later.")
        return redirect("plan_builder", pk=version.pk)
    if sent:
        messages.success(request, f"The handout was emailed to {client.email}.")
    else:
        messages.info(
            request, f"The handout was emailed to {client.email} moments ago; not sent again."
        )
    return redirect("plan_builder", pk=version.pk)


# --- when WeasyPrint fails (issue 7, faults) ---------------------------------------------
# The failure is logged where it happens (plans.handout.render.handout_render_checked);
# nothing was cached and nothing left the system, so there is no audit entry.

RENDER_FAILED = (
    "The handout could not be made. The plan is saved; try again, and tell your "
    "administrator if it keeps happening."
)


def _render_failed(request: AuthedRequest, version_id: int) -> HttpResponse:
    """The download's answer when the PDF could not be made: a clear page, status 500."""
    context = {"version_id": version_id, "message": RENDER_FAILED}
    return render(request, "plans/handout/render_failed.html", context, status=500)

"""Handout pages: HTML preview, PDF download, email to the client, and the clinic admin's
list of handouts that could not be made.

Only issued versions of the user's clinic have a handout (anything else is a 404). Every
preview (a read: audit "view") and download (audit "export") writes an audit entry; an
email is audited by the worker when it is sent. Everything shown comes from the version's
snapshot, taken when it was issued.
"""

import logging

from django.contrib import messages
from django.http import HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from clinic.access import clinic_admin_required
from clinic.http import AuthedRequest
from clinic.models import AuditAction
from plans.handout import selectors
from plans.handout.download import handout_audit, handout_download, handout_what
from plans.handout.render import handout_html
from plans.handout.rendering import HandoutRenderError, snapshot_of
from plans.handout.services import handout_email_request, handout_render_retry
from plans.models import EmailStatus, HandoutPDF, PlanVersion

logger = logging.getLogger(__name__)

RENDER_FAILED = (
    "The handout could not be made. The plan is saved; try again, and tell your "
    "administrator if it keeps happening."
)


def _audit(request: AuthedRequest, version: PlanVersion, action: AuditAction, what: str) -> None:
    handout_audit(actor=request.user, version=version, action=action, what=what)


def _with_progress(data: QueryDict) -> bool:
    """The optional progress page: `?progress=1` on a link, a checkbox on the email form."""
    return data.get("progress") in {"1", "on"}


_what = handout_what


@require_GET
def handout_preview(request: AuthedRequest, pk: int) -> HttpResponse:
    version = selectors.issued_version_get(request.user, pk)
    with_progress = _with_progress(request.GET)
    _audit(request, version, AuditAction.VIEW, _what("handout preview", with_progress))
    snapshot = snapshot_of(version.pk)
    return HttpResponse(handout_html(snapshot, for_pdf=False, with_progress=with_progress))


def _pdf_response(pdf: HandoutPDF) -> HttpResponse:
    response = HttpResponse(bytes(pdf.pdf), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{pdf.file_name}"'
    response["Cache-Control"] = "private, no-store"  # health data: no shared caches
    return response


@require_GET
def handout_pdf(request: AuthedRequest, pk: int) -> HttpResponse:
    """The stored PDF in one scoped query; if the worker has not made it yet, made now."""
    with_progress = _with_progress(request.GET)
    try:
        pdf = handout_download(actor=request.user, version_id=pk, with_progress=with_progress)
    except HandoutRenderError:
        context = {"version_id": pk, "message": RENDER_FAILED}
        return render(request, "plans/handout/render_failed.html", context, status=500)
    return _pdf_response(pdf)


@require_POST
def handout_email(request: AuthedRequest, pk: int) -> HttpResponse:
    """Queue the email; the worker sends it (and audits it) in a moment."""
    version = selectors.issued_version_get(request.user, pk)
    client = version.plan.assessment.client
    try:
        email, is_new = handout_email_request(
            actor=request.user, version=version, with_progress=_with_progress(request.POST)
        )
    except ValueError:
        messages.error(
            request,
            f"{client.full_name} has no email address on record: add one to their details "
            "first, or download the PDF and give it to them.",
        )
        return redirect("plan_builder", pk=version.pk)
    if is_new:
        messages.success(request, f"The handout is being emailed to {email.to}.")
    elif email.status == EmailStatus.SENT:
        messages.info(
            request, f"The handout was emailed to {email.to} moments ago; not sent again."
        )
    else:
        messages.info(request, f"The handout is already on its way to {email.to}.")
    return redirect("plan_builder", pk=version.pk)


@require_GET
@clinic_admin_required
def handout_problems(request: AuthedRequest) -> HttpResponse:
    """Clinic admins: handouts that could not be made or sent, to ask for them again."""
    pdfs, emails = selectors.handouts_needing_attention(request.user)
    return render(request, "plans/handout/problems.html", {"pdfs": pdfs, "emails": emails})


@clinic_admin_required
@require_POST
def handout_retry(request: AuthedRequest, pk: int) -> HttpResponse:
    pdf = selectors.handout_pdf_of_clinic(request.user, pk)
    handout_render_retry(actor=request.user, pdf=pdf)
    messages.success(request, "The handout is queued again.")
    return redirect("handout_problems")

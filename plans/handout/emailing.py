"""Sending a requested handout email, once: the work of the email task.

The wording comes from the version's snapshot, like the PDF it carries.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone

from clinic.models import AuditAction
from clinic.services.audit import audit_client_record
from plans.handout.rendering import handout_pdf_ensure, snapshot_of
from plans.models import EmailStatus, HandoutEmail
from plans.program.qr import program_url


def handout_audit_detail(what: str, number: int) -> str:
    """A handout audit entry's detail: what was done, and to which plan version."""
    return f"{what} (plan version {number})"


def _what(with_progress: bool) -> str:
    text = "handout PDF emailed to the client"
    return f"{text} with progress page" if with_progress else text


def _message(version_id: int, with_progress: bool, to: str) -> EmailMessage:
    pdf = handout_pdf_ensure(
        version_id=version_id, with_progress=with_progress, why="email: PDF not made yet"
    )
    content = snapshot_of(version_id).content
    clinic = content["clinic"]
    visit = datetime.date.fromisoformat(content["visit_date"])
    url = program_url(version_id)
    online = (
        f"\n\nOn your phone, this link shows your program; tick off each time you do it "
        f"and rate your pain. Keep it to yourself:\n{url}"
        if url
        else ""
    )
    message = EmailMessage(
        subject=" ".join(f"Your home program from {clinic['name']}".split())[:150],
        body=(
            f"Hello {content['client']['given_name']},\n\nAttached is your home program "
            f"from your visit on {visit:%d %B %Y}.{online}\n\n{clinic['name']}"
        ),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        reply_to=[clinic["email"]] if clinic["email"] else None,
    )
    message.attach(pdf.file_name, bytes(pdf.pdf), "application/pdf")
    return message


@transaction.atomic
def handout_email_deliver(*, email_id: int) -> bool:
    """Send a requested handout email unless it was sent already; whether it was sent now.

    Mail server errors propagate (smtplib.SMTPException, OSError) and nothing is recorded
    as sent. Side effects: the PDF if not made yet; the email; status sent; audit entry
    (export) in the requester's name.
    """
    request = (
        HandoutEmail.objects.select_for_update()
        .select_related("requested_by", "plan_version__plan__assessment__client")
        .get(pk=email_id)
    )
    if request.status == EmailStatus.SENT:
        return False
    version = request.plan_version
    _message(version.pk, request.with_progress, request.to).send()
    request.status, request.sent_at, request.error = EmailStatus.SENT, timezone.now(), ""
    request.save(update_fields=["status", "sent_at", "error"])
    client = version.plan.assessment.client
    audit_client_record(
        actor=request.requested_by,
        client=client,
        action=AuditAction.EXPORT,
        object_type="handout",
        object_id=version.pk,
        detail=handout_audit_detail(_what(request.with_progress), version.number),
    )
    return True


@transaction.atomic
def handout_email_failed(*, email_id: int, error: BaseException, final: bool) -> None:
    """Record a failed attempt to send; after the last one the request is failed."""
    request = HandoutEmail.objects.select_for_update().filter(pk=email_id).first()
    if request is None or request.status == EmailStatus.SENT:
        return
    request.attempts += 1
    request.error = type(error).__name__[:200]
    if final:
        request.status = EmailStatus.FAILED
    request.save(update_fields=["attempts", "error", "status"])

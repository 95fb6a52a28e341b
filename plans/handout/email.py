"""Emailing a client their handout: asked for in the app, sent by the task worker.

`handout_email_request` records the request and queues the task when the request
commits; a double click finds the request already made. `handout_email_deliver` (the
task's work) makes sure the PDF exists, sends it once, and audits the sending. The
wording comes from the version's snapshot, like the PDF it carries.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.auth.models import User
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone

from clinic.models import AuditAction, Client
from clinic.services.audit import audit_record
from clinic.services.clients import REPEAT_WINDOW
from plans.handout.services import handout_pdf_ensure, snapshot_of
from plans.models import EmailStatus, HandoutEmail, PlanVersion


def handout_audit_detail(what: str, number: int) -> str:
    """A handout audit entry's detail: what was done, and to which plan version."""
    return f"{what} (plan version {number})"


def _what(with_progress: bool) -> str:
    text = "handout PDF emailed to the client"
    return f"{text} with progress page" if with_progress else text


@transaction.atomic
def handout_email_request(
    *, actor: User, version: PlanVersion, with_progress: bool
) -> tuple[HandoutEmail, bool]:
    """Ask for the handout to be emailed to the client's address; (request, is new).

    A repeat is the same handout to the same address asked for while the first is still
    queued, or within REPEAT_WINDOW of it with the client's record unchanged since: a
    double click, not a resend to a corrected address. Raises ValueError when the client
    has no email address or the version is not issued.
    Side effects: the request; the email task, enqueued when this commits.
    """
    from plans.handout.tasks import enqueue_email  # the tasks module imports this one

    if not version.is_issued:
        raise ValueError("Only an issued version has a handout to email.")
    # Lock the client: a simultaneous second click waits here, then sees the first request.
    client = (
        Client.objects.select_for_update(no_key=True)
        .only("email", "updated_at")
        .get(pk=version.plan.assessment.client_id)
    )
    if not client.email:
        raise ValueError("The client has no email address on record.")
    earlier = (
        HandoutEmail.objects.filter(
            plan_version=version, with_progress=with_progress, to=client.email
        )
        .exclude(status=EmailStatus.FAILED)
        .order_by("-created_at")
        .first()
    )
    recent = timezone.now() - REPEAT_WINDOW
    if earlier is not None and (
        earlier.status == EmailStatus.QUEUED
        or (earlier.created_at >= max(recent, client.updated_at))
    ):
        return earlier, False
    request = HandoutEmail(
        plan_version=version, with_progress=with_progress, to=client.email, requested_by=actor
    )
    request.full_clean()
    request.save()
    transaction.on_commit(lambda: enqueue_email(request.pk))
    return request, True


def _message(version_id: int, with_progress: bool, to: str) -> EmailMessage:
    pdf = handout_pdf_ensure(
        version_id=version_id, with_progress=with_progress, why="email: PDF not made yet"
    )
    content = snapshot_of(version_id).content
    clinic = content["clinic"]
    visit = datetime.date.fromisoformat(content["visit_date"])
    message = EmailMessage(
        subject=" ".join(f"Your home program from {clinic['name']}".split())[:150],
        body=(
            f"Hello {content['client']['given_name']},\n\nAttached is your home program "
            f"from your visit on {visit:%d %B %Y}.\n\n{clinic['name']}"
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
    audit_record(
        actor=request.requested_by,
        clinic=client.clinic_id,
        action=AuditAction.EXPORT,
        object_type="handout",
        object_id=version.pk,
        client_id=client.pk,
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

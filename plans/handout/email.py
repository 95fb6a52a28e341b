"""Emailing a client their handout: once for a double-clicked button, audited."""

from django.contrib.auth.models import User
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone

from clinic.models import AuditAction, AuditEntry, Client
from clinic.services.audit import audit_record
from clinic.services.clients import REPEAT_WINDOW
from plans.handout.stamp import HandoutStamp


def handout_audit_detail(what: str, number: int) -> str:
    """A handout audit entry's detail: what was done, and to which plan version."""
    return f"{what} (plan version {number})"


@transaction.atomic
def handout_email_send(
    *, actor: User, stamp: HandoutStamp, email: EmailMessage, what: str
) -> bool:
    """Send the handout email, or nothing for a repeat; whether it was sent.

    A repeat is the same handout emailed within REPEAT_WINDOW with the client's record
    unchanged since: a double click, not a resend to a corrected address. Mail server
    errors propagate (smtplib.SMTPException, OSError) and nothing is audited.
    Side effects: the email; audit entry (export).
    """
    detail = handout_audit_detail(what, stamp.number)
    # Lock the client: a simultaneous second click waits here, then sees the first's entry.
    client = (
        Client.objects.select_for_update(no_key=True).only("updated_at").get(pk=stamp.client_id)
    )
    last_sent = (
        AuditEntry.objects.filter(
            client_id=stamp.client_id,
            object_type="handout",
            object_id=stamp.version_id,
            action=AuditAction.EXPORT,
            detail=detail,
            at__gte=timezone.now() - REPEAT_WINDOW,
        )
        .order_by("-at")
        .values_list("at", flat=True)
        .first()
    )
    if last_sent is not None and last_sent > client.updated_at:
        return False
    email.send()
    audit_record(
        actor=actor,
        clinic=stamp.clinic_id,
        action=AuditAction.EXPORT,
        object_type="handout",
        object_id=stamp.version_id,
        client_id=stamp.client_id,
        detail=detail,
    )
    return True

"""Sending a reminder, once a day: the work of the reminder task (tasks.py).

A reminder's row says when it is next due (`next_due`); the task queued for that moment
sends only if it is still the one due (a task made stale by a change of time, a duplicate
or a retry after it was sent sends nothing), only on that day, only once that day
(`sent_on`), and only while the reminder is on and the link open. It then says when the
next one is due, for the task to queue.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from clinic.models import AuditAction
from clinic.services.audit import audit_client_record
from plans.models import ProgramLink, ProgramReminder
from plans.program.reminders.schedule import next_due
from plans.program.reminders.selectors import unsubscribe_token_of
from plans.program.selectors import RELATED, UNREAD, is_open, token_of

SUBJECT = "Time for your exercises"


def audit_reminder(reminder: ProgramReminder, action: AuditAction, detail: str) -> None:
    """An entry in the client's name about their reminder (the program, by version)."""
    link = reminder.link
    audit_client_record(
        actor=None,
        client=link.version.plan.assessment.client,
        action=action,
        object_type="program",
        object_id=link.version_id,
        detail=detail,
    )


def reminder_next_due(
    reminder: ProgramReminder, link: ProgramLink, after: datetime.datetime
) -> datetime.datetime | None:
    """When the reminder is next due after `after`; None if that is past the link's life."""
    due = next_due(
        at=reminder.at, after=after, zone=timezone.get_current_timezone(), sent_on=reminder.sent_on
    )
    return due if due < link.expires_at else None


def reminder_message(reminder: ProgramReminder, link: ProgramLink) -> EmailMultiAlternatives:
    """Today's reminder: plain text and HTML, the program's address and the one-click
    unsubscribe (in the text and in the List-Unsubscribe headers, RFC 8058)."""
    site = settings.SITE_URL.rstrip("/")
    unsubscribe = site + reverse("program_unsubscribe", args=[unsubscribe_token_of(reminder)])
    clinic = link.version.snapshot.content["clinic"]
    context = {
        "clinic": clinic["name"],
        "program": site + reverse("program_page", args=[token_of(link)]),
        "unsubscribe": unsubscribe,
    }
    message = EmailMultiAlternatives(
        subject=SUBJECT,
        body=render_to_string("plans/program/reminder_email.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[reminder.email],
        reply_to=[clinic["email"]] if clinic.get("email") else None,
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )
    message.attach_alternative(
        render_to_string("plans/program/reminder_email.html", context), "text/html"
    )
    return message


@dataclass(frozen=True)
class Outcome:
    sent: bool
    next_due: datetime.datetime | None  # to queue; None: nothing more to queue


NOTHING = Outcome(False, None)


@transaction.atomic
def program_reminder_run(
    *,
    reminder_id: int,
    due: datetime.datetime,
    deliver: bool = True,
    now: datetime.datetime | None = None,
) -> Outcome:
    """Send the reminder due at `due` if it still is, and move it to its next moment.
    `deliver=False` gives that day up (its sending failed for good).

    Mail server errors propagate and nothing is recorded. Side effects: the email; the
    day recorded as sent; audit entry (export, no user: the client's own choice) as the
    handout email's; the next moment (or none: off, ended, past the link's life).
    """
    reminder = ProgramReminder.objects.select_for_update().filter(pk=reminder_id).first()
    now = now or timezone.now()
    if reminder is None or reminder.next_due != due or now < due:
        return NOTHING  # gone (erased), stale or a duplicate, or early: another task has it
    link = ProgramLink.objects.select_related(*RELATED).defer(*UNREAD).get(pk=reminder.link_id)
    reminder.link = link
    day = timezone.localdate(due)
    live = reminder.active and is_open(link, now)
    sent = False
    # Its links need the site's address (selectors.offered).
    today = deliver and live and timezone.localdate(now) == day and bool(settings.SITE_URL)
    if today and reminder.sent_on != day:
        reminder_message(reminder, link).send()
        reminder.sent_on, sent = day, True
        audit_reminder(
            reminder, AuditAction.EXPORT, "daily reminder emailed (the client's choice)"
        )
    reminder.next_due = reminder_next_due(reminder, link, now) if live else None
    reminder.save(update_fields=["sent_on", "next_due"])
    return Outcome(sent, reminder.next_due)

"""The client's own writes to their reminder: on (with an address and a time) and off, from
the program page or the email's unsubscribe link. Each change is audited as the client's
(no user), like the program's sync."""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from clinic.models import AuditAction
from plans.models import ProgramLink, ProgramReminder
from plans.program import tokens
from plans.program.reminders.sending import audit_reminder, reminder_next_due
from plans.program.reminders.tasks import enqueue_reminder

ON_PAGE = "on the program page"
BY_EMAIL_LINK = "with the email's unsubscribe link"


def _new_token(reminder: ProgramReminder) -> None:
    reminder.salt = tokens.new_salt()
    token = tokens.token_for(reminder.salt, settings.SECRET_KEY, tokens.UNSUBSCRIBE)
    reminder.digest = tokens.digest_of(token)


@transaction.atomic
def program_reminder_set(
    *, link: ProgramLink, email: str, at: datetime.time, now: datetime.datetime | None = None
) -> ProgramReminder:
    """Turn the link's reminder on, daily at `at` (site time zone) to `email`. A new
    address gets a new unsubscribe token (the old address's links stop working).

    Side effects: the ProgramReminder made or changed; its next send queued when this
    commits (backends that defer); audit entry (change, no user).
    """
    # One writer per link: a double-submitted form makes one reminder.
    ProgramLink.objects.select_for_update().filter(pk=link.pk).first()
    reminder = ProgramReminder.objects.filter(link=link).first() or ProgramReminder(link=link)
    if reminder.pk is None or reminder.email.lower() != email.lower():
        _new_token(reminder)
    reminder.email, reminder.at, reminder.active = email, at.replace(second=0, microsecond=0), True
    reminder.next_due = reminder_next_due(reminder, link, now or timezone.now())
    reminder.full_clean()
    reminder.save()
    audit_reminder(
        reminder, AuditAction.CHANGE, f"client turned email reminders on, daily at {at:%H:%M}"
    )
    due, pk = reminder.next_due, reminder.pk
    if due is not None:
        transaction.on_commit(lambda: enqueue_reminder(pk, due))
    return reminder


@transaction.atomic
def program_reminder_stop(*, reminder: ProgramReminder, how: str) -> bool:
    """Turn the reminder off (`how`: ON_PAGE or BY_EMAIL_LINK); whether it was on. A
    queued send finds it off and sends nothing.

    Side effects: active off, nothing due; audit entry (change, no user) if it was on.
    """
    current = ProgramReminder.objects.select_for_update().get(pk=reminder.pk)
    if not current.active:
        return False
    current.active, current.next_due = False, None
    current.save(update_fields=["active", "next_due", "changed_at"])
    audit_reminder(current, AuditAction.CHANGE, f"client turned email reminders off {how}")
    return True

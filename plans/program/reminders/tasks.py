"""The reminder task: each run sends the day's reminder (sending.py) and queues the next
one for its moment (`run_after`), so a reminder is a chain of one queued task at a time.

Only a backend that defers (the database backend: `manage.py db_worker`) can hold a task
until its moment; with the immediate backend nothing is queued, and the safety net below
(`manage.py send_program_reminders`, from cron) sends what is due. The same net catches
what a worker that was down did not send in time.
"""

from __future__ import annotations

import datetime
import logging

from django.utils import timezone
from django_tasks import task

from plans.models import ProgramReminder
from plans.program.reminders.sending import Outcome, program_reminder_run

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 3
RETRY_DELAY = datetime.timedelta(minutes=5)  # a mail server that is down for a moment
# How late a queued reminder may be before the safety net sends it itself.
GRACE = datetime.timedelta(minutes=10)


def _defers() -> bool:
    return bool(send_program_reminder.get_backend().supports_defer)


def enqueue_reminder(reminder_id: int, due: datetime.datetime, *, attempt: int = 1) -> bool:
    """Queue the send due at `due` (a retry: a little later), where the backend defers;
    whether it was queued."""
    if not _defers():
        return False
    run_after = due if attempt == 1 else max(due, timezone.now() + RETRY_DELAY)
    send_program_reminder.using(run_after=run_after).enqueue(reminder_id, due.isoformat(), attempt)
    return True


def _queue_next(reminder_id: int, outcome: Outcome) -> None:
    if outcome.next_due is not None:
        enqueue_reminder(reminder_id, outcome.next_due)


@task()
def send_program_reminder(reminder_id: int, due: str, attempt: int = 1) -> bool:
    """Send the reminder due at `due` (ISO) if it still is; queue the next. A failure is
    tried again after RETRY_DELAY, up to MAX_ATTEMPTS; then that day is given up."""
    when = datetime.datetime.fromisoformat(due)
    try:
        outcome = program_reminder_run(reminder_id=reminder_id, due=when)
    except Exception:
        if attempt < MAX_ATTEMPTS:
            enqueue_reminder(reminder_id, when, attempt=attempt + 1)
        else:
            _queue_next(
                reminder_id, program_reminder_run(reminder_id=reminder_id, due=when, deliver=False)
            )
        raise
    _queue_next(reminder_id, outcome)
    return outcome.sent


def reminders_catch_up(now: datetime.datetime | None = None) -> tuple[int, int]:
    """The safety net: send every reminder whose moment passed (by GRACE where a worker
    should have sent it) and queue its next; (sent, failed). A reminder from an earlier
    day is not sent late, only moved on."""
    now = now or timezone.now()
    late = now - (GRACE if _defers() else datetime.timedelta(0))
    due = ProgramReminder.objects.filter(active=True, next_due__lte=late)
    sent = failed = 0
    for reminder_id, moment in due.values_list("pk", "next_due").order_by("next_due"):
        if moment is None:  # not possible (next_due__lte); for the type checker
            continue
        try:
            outcome = program_reminder_run(reminder_id=reminder_id, due=moment, now=now)
        except Exception:
            logger.exception(
                "Reminder %s could not be sent; the next run tries again", reminder_id
            )
            failed += 1
            continue
        sent += outcome.sent
        _queue_next(reminder_id, outcome)
    return sent, failed

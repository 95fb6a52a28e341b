"""The client's daily email reminder: opting in and out, sending once a day by the task
queue, the email, the page's form and the one-click unsubscribe (docs/program.md)."""

import datetime
import io
import smtplib
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.core.mail.backends import locmem
from django.core.management import call_command
from django.test import Client as HttpClient
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from assessments.models import Assessment
from clinic.models import AuditEntry, Client
from plans.models import EndReason, PlanVersion, ProgramLink, ProgramReminder
from plans.program.reminders.schedule import next_due
from plans.program.reminders.selectors import unsubscribe_token_of
from plans.program.reminders.sending import program_reminder_run
from plans.program.reminders.services import (
    BY_EMAIL_LINK,
    program_reminder_set,
    program_reminder_stop,
)
from plans.program.reminders.tasks import MAX_ATTEMPTS, send_program_reminder
from plans.program.selectors import token_of
from plans.services import plan_build, plan_issue, plan_revise
from tests.processes import DATABASE_TASKS

UTC = datetime.UTC
SITE = "https://clinic.example.test"  # DJANGO_SITE_URL in the test settings (pyproject)
ADDRESS = "me@example.net"
TASK_PATH = "plans.program.reminders.tasks.send_program_reminder"


@pytest.fixture
def issued(therapist: User, typical: Assessment) -> PlanVersion:
    version = plan_build(actor=therapist, assessment=typical)
    return plan_issue(actor=therapist, version=version, expected_lock=version.lock)


def _due_now(link: ProgramLink) -> tuple[ProgramReminder, datetime.datetime]:
    """A reminder on whose moment is now (to the second): its task runs now."""
    due = timezone.now().replace(microsecond=0)
    program_reminder_set(link=link, email=ADDRESS, at=datetime.time(7, 30))
    ProgramReminder.objects.filter(link=link).update(next_due=due, at=due.time())
    return ProgramReminder.objects.get(link=link), due


def _entries(action: str) -> list[tuple[str | None, str]]:
    rows = AuditEntry.objects.filter(object_type="program", action=action).order_by("pk")
    return [(e.actor_username, e.detail) for e in rows]


def test_next_due_is_the_chosen_time_once_a_day() -> None:
    zone = datetime.timezone(datetime.timedelta(hours=2))
    at = datetime.time(7, 30)
    morning = datetime.datetime(2026, 3, 2, 6, 0, tzinfo=zone)
    today = datetime.datetime(2026, 3, 2, 7, 30, tzinfo=zone)
    tomorrow = today + datetime.timedelta(days=1)
    assert next_due(at=at, after=morning, zone=zone, sent_on=None) == today
    assert next_due(at=at, after=today, zone=zone, sent_on=None) == tomorrow  # strictly after
    # Sent at 07:30, then moved to 09:00 the same morning: the next is tomorrow's.
    nine = datetime.time(9, 0)
    sent = next_due(at=nine, after=morning, zone=zone, sent_on=morning.date())
    assert sent == datetime.datetime(2026, 3, 3, 9, 0, tzinfo=zone)
    # The day is the zone's: 23:00 UTC on the 1st is already the 2nd at UTC+2.
    late = datetime.datetime(2026, 3, 1, 23, 0, tzinfo=UTC)
    assert next_due(at=at, after=late, zone=zone, sent_on=None) == today


def test_opt_in_and_out_are_the_clients_changes(issued: PlanVersion) -> None:
    link = issued.program_link
    reminder = program_reminder_set(link=link, email=ADDRESS, at=datetime.time(7, 30, 15))
    assert (reminder.active, reminder.at, reminder.email) == (True, datetime.time(7, 30), ADDRESS)
    assert reminder.next_due is not None
    assert reminder.next_due > timezone.now()
    local = timezone.localtime(reminder.next_due)
    assert (local.time(), local - timezone.localtime() <= datetime.timedelta(days=1)) == (
        datetime.time(7, 30),
        True,
    )
    # The digest only: the unsubscribe token itself is nowhere in the row.
    token = unsubscribe_token_of(reminder)
    assert token not in str(ProgramReminder.objects.filter(pk=reminder.pk).values().get())
    # Another address: a new unsubscribe token, the old one opens nothing.
    again = program_reminder_set(link=link, email="new@example.net", at=datetime.time(8, 0))
    assert (ProgramReminder.objects.count(), unsubscribe_token_of(again) != token) == (1, True)
    assert program_reminder_stop(reminder=again, how=BY_EMAIL_LINK) is True
    assert program_reminder_stop(reminder=again, how=BY_EMAIL_LINK) is False  # already off
    again.refresh_from_db()
    assert (again.active, again.next_due) == (False, None)
    assert _entries("change") == [
        ("client (program link)", "client turned email reminders on, daily at 07:30"),
        ("client (program link)", "client turned email reminders on, daily at 08:00"),
        (
            "client (program link)",
            "client turned email reminders off with the email's unsubscribe link",
        ),
    ]


def test_a_reminder_is_sent_once_for_its_day_and_the_next_one_follows(
    issued: PlanVersion, mailoutbox: list[mail.EmailMessage]
) -> None:
    reminder, due = _due_now(issued.program_link)
    first = program_reminder_run(reminder_id=reminder.pk, due=due)
    again = program_reminder_run(reminder_id=reminder.pk, due=due)  # a duplicate task
    reminder.refresh_from_db()
    assert (first.sent, again.sent, len(mailoutbox)) == (True, False, 1)
    assert reminder.sent_on == timezone.localdate(due)
    assert first.next_due == reminder.next_due == due + datetime.timedelta(days=1)
    # The task of a moment that is no longer the reminder's (a retry after it was sent).
    assert send_program_reminder.call(reminder.pk, due.isoformat()) is False
    assert len(mailoutbox) == 1
    assert _entries("export") == [
        ("client (program link)", "daily reminder emailed (the client's choice)")
    ]


def test_the_email_has_the_program_and_a_one_click_unsubscribe(
    issued: PlanVersion, mailoutbox: list[mail.EmailMessage]
) -> None:
    reminder, due = _due_now(issued.program_link)
    program_reminder_run(reminder_id=reminder.pk, due=due)
    (message,) = mailoutbox
    program = SITE + reverse("program_page", args=[token_of(issued.program_link)])
    unsubscribe = SITE + reverse("program_unsubscribe", args=[unsubscribe_token_of(reminder)])
    html = message.alternatives[0][0]  # type: ignore[attr-defined]
    assert (message.subject, message.to) == ("Time for your exercises", [ADDRESS])
    assert (program in message.body, unsubscribe in message.body) == (True, True)
    assert (f'href="{program}"' in html, f'href="{unsubscribe}"' in html) == (True, True)
    assert message.extra_headers["List-Unsubscribe"] == f"<{unsubscribe}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # Nothing of the record: not the client's name, nor anything found at the visit.
    assert "Priya" not in message.body + html


def _revoke(link: ProgramLink) -> None:
    ProgramLink.objects.filter(pk=link.pk).update(
        ended_at=timezone.now(), end_reason=EndReason.REVOKED
    )


def _expire(link: ProgramLink) -> None:
    ProgramLink.objects.filter(pk=link.pk).update(expires_at=timezone.now())


def _supersede(link: ProgramLink) -> None:
    version = link.version
    draft = plan_revise(actor=version.plan.assessment.therapist, version=version)
    plan_issue(actor=version.plan.assessment.therapist, version=draft, expected_lock=draft.lock)


def _unsubscribe(link: ProgramLink) -> None:
    program_reminder_stop(reminder=link.reminder, how=BY_EMAIL_LINK)


@pytest.mark.parametrize("end", [_revoke, _expire, _supersede, _unsubscribe])
def test_nothing_is_sent_when_off_or_the_link_has_ended(
    end: Any, issued: PlanVersion, mailoutbox: list[mail.EmailMessage]
) -> None:
    link = issued.program_link
    reminder, due = _due_now(link)
    end(ProgramLink.objects.get(pk=link.pk))
    outcome = program_reminder_run(reminder_id=reminder.pk, due=due)
    if end is _unsubscribe:  # its moment was dropped: the queued task is stale
        outcome = program_reminder_run(reminder_id=reminder.pk, due=due)
    reminder.refresh_from_db()
    assert (outcome.sent, outcome.next_due, len(mailoutbox), reminder.sent_on) == (
        False,
        None,
        0,
        None,
    )


def test_the_next_reminder_is_queued_for_its_moment(
    issued: PlanVersion,
    settings: Any,
    mailoutbox: list[mail.EmailMessage],
    django_capture_on_commit_callbacks: Any,
) -> None:
    settings.TASKS = DATABASE_TASKS  # a backend that defers, as production's
    with django_capture_on_commit_callbacks(execute=True):
        reminder = program_reminder_set(
            link=issued.program_link, email=ADDRESS, at=datetime.time(7, 30)
        )
    queued = DBTaskResult.objects.filter(task_path=TASK_PATH)
    assert [(t.run_after, t.args_kwargs["args"][:2]) for t in queued] == [
        (reminder.next_due, [reminder.pk, reminder.next_due.isoformat()])  # type: ignore[union-attr]
    ]
    # Its run sends and queues tomorrow's.
    reminder, due = _due_now(issued.program_link)
    assert send_program_reminder.call(reminder.pk, due.isoformat()) is True
    tomorrow = due + datetime.timedelta(days=1)
    assert queued.filter(run_after=tomorrow).count() == 1
    assert len(mailoutbox) == 1


def test_the_safety_net_sends_what_is_due_and_moves_a_missed_day_on(
    issued: PlanVersion, mailoutbox: list[mail.EmailMessage]
) -> None:
    reminder, due = _due_now(issued.program_link)
    call_command("send_program_reminders", stdout=io.StringIO())
    reminder.refresh_from_db()
    assert (len(mailoutbox), reminder.next_due) == (1, due + datetime.timedelta(days=1))
    # A worker down since yesterday: that day's reminder is not sent late, only moved on.
    yesterday = due - datetime.timedelta(days=1)
    ProgramReminder.objects.filter(pk=reminder.pk).update(next_due=yesterday, sent_on=None)
    call_command("send_program_reminders", stdout=io.StringIO())
    reminder.refresh_from_db()
    tomorrow = due + datetime.timedelta(days=1)
    assert (len(mailoutbox), reminder.sent_on, reminder.next_due) == (1, None, tomorrow)


# ---- the pages ------------------------------------------------------------------------


def _form_url(version: PlanVersion) -> str:
    return reverse("program_reminder", args=[token_of(version.program_link)])


@pytest.mark.same_on_any_database
def test_form_errors_keep_what_was_typed(issued: PlanVersion) -> None:
    response = HttpClient().post(_form_url(issued), {"email": "me@", "at": "25:99"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Enter an email address like name@example.com." in page
    assert "Enter a time of day as hours and minutes, like 07:30." in page
    assert ('value="me@"' in page, 'value="25:99"' in page) == (True, True)
    assert ProgramReminder.objects.count() == 0


def test_turning_reminders_on_and_off_on_the_page(
    issued: PlanVersion, client_record: Client, as_therapist: HttpClient
) -> None:
    Client.objects.filter(pk=client_record.pk).update(email="priya@records.example")
    http, page = HttpClient(), reverse("program_page", args=[token_of(issued.program_link)])
    response = http.post(_form_url(issued), {"email": "Priya.P@example.net", "at": "07:30"})
    assert (response.status_code, response["Location"]) == (302, page + "#reminders")
    shown = " ".join(http.get(page).content.decode().split())
    assert (
        "Reminders are on: each day at <strong>07:30</strong> (UTC time), to P•••@example.net"
        in shown
    )
    # The address typed is shown masked; the record's is never on the page.
    assert ("Priya.P@" in shown, "records.example" in shown) == (False, False)
    panel = " ".join(
        as_therapist.get(reverse("client_detail", args=[client_record.pk]))
        .content.decode()
        .split()
    )
    assert "Email reminders: on, each day at 07:30" in panel
    http.post(_form_url(issued), {"action": "stop"})
    assert ProgramReminder.objects.get().active is False
    assert "Reminders are on" not in http.get(page).content.decode()


def test_unsubscribe_confirms_on_get_and_stops_on_post(issued: PlanVersion) -> None:
    reminder = program_reminder_set(
        link=issued.program_link, email=ADDRESS, at=datetime.time(7, 30)
    )
    url = reverse("program_unsubscribe", args=[unsubscribe_token_of(reminder)])
    shown = HttpClient().get(url)  # a mail scanner's GET: nothing changes
    assert (shown.status_code, "Stop the daily reminders?" in shown.content.decode()) == (
        200,
        True,
    )
    assert (shown["Cache-Control"], shown["X-Robots-Tag"], shown["Referrer-Policy"]) == (
        "no-store, private",
        "noindex, nofollow",
        "no-referrer",
    )
    assert ProgramReminder.objects.get().active is True
    stopped = HttpClient().post(url)
    assert "Reminders stopped" in stopped.content.decode()
    assert ProgramReminder.objects.get().active is False
    guessed = HttpClient().post(reverse("program_unsubscribe", args=["A" * 43]))
    assert guessed.status_code == 404
    # A link's own token is not an unsubscribe token.
    other = reverse("program_unsubscribe", args=[token_of(issued.program_link)])
    assert HttpClient().get(other).status_code == 404


def test_rfc_8058_one_click_post_stops_at_once(issued: PlanVersion) -> None:
    reminder = program_reminder_set(
        link=issued.program_link, email=ADDRESS, at=datetime.time(7, 30)
    )
    url = reverse("program_unsubscribe", args=[unsubscribe_token_of(reminder)])
    # What a mail provider sends: no cookie, no form token.
    http = HttpClient(enforce_csrf_checks=True)
    response = http.post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert ProgramReminder.objects.get().active is False


def _mail_server_down(self: Any, messages: Any) -> int:
    raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


def test_a_failed_send_is_tried_again_then_that_day_given_up(
    issued: PlanVersion, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.TASKS = DATABASE_TASKS
    monkeypatch.setattr(locmem.EmailBackend, "send_messages", _mail_server_down)
    reminder, due = _due_now(issued.program_link)
    queued = DBTaskResult.objects.filter(task_path=TASK_PATH).order_by("enqueued_at")
    with pytest.raises(smtplib.SMTPServerDisconnected):
        send_program_reminder.call(reminder.pk, due.isoformat())
    reminder.refresh_from_db()
    assert (reminder.sent_on, reminder.next_due) == (None, due)  # nothing recorded
    assert [t.args_kwargs["args"] for t in queued] == [[reminder.pk, due.isoformat(), 2]]
    with pytest.raises(smtplib.SMTPServerDisconnected):
        send_program_reminder.call(reminder.pk, due.isoformat(), MAX_ATTEMPTS)
    reminder.refresh_from_db()
    tomorrow = due + datetime.timedelta(days=1)
    assert (reminder.sent_on, reminder.next_due) == (None, tomorrow)
    assert queued.filter(run_after=tomorrow).count() == 1
    assert _entries("export") == []

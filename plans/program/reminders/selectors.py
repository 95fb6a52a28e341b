"""Reads for the reminders: a link's reminder, the reminder behind an unsubscribe token,
and what the program page shows of it (the address masked: never in full, never the
record's)."""

from typing import Any

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist

from plans.models import ProgramLink, ProgramReminder
from plans.program import tokens
from plans.program.reminders.forms import ReminderForm


def reminder_of(link: ProgramLink) -> ProgramReminder | None:
    """The link's reminder, on or off; None if the client never set one up."""
    try:
        return link.reminder
    except ObjectDoesNotExist:
        return None


def unsubscribe_token_of(reminder: ProgramReminder) -> str:
    return tokens.token_for(reminder.salt, settings.SECRET_KEY, tokens.UNSUBSCRIBE)


def reminder_for_token(token: str) -> ProgramReminder | None:
    """The reminder an unsubscribe token stops; None for any other text (one lookup)."""
    clinic = "link__version__plan__assessment__client__clinic"
    found = ProgramReminder.objects.select_related(clinic).defer(f"{clinic}__logo")
    return found.filter(digest=tokens.digest_of(token)).first()


def offered() -> bool:
    """Reminders need the site's own address for their links (DJANGO_SITE_URL)."""
    return bool(settings.SITE_URL)


def masked(email: str) -> str:
    """The address as the page shows it: its first letter and its domain."""
    local, _, domain = email.partition("@")
    return f"{local[:1]}•••@{domain}"


def reminder_context(link: ProgramLink, form: ReminderForm | None) -> dict[str, Any]:
    """The program page's reminder section: on or off, and the form (as sent, if it had
    errors; else blank but for the time already chosen)."""
    reminder = reminder_of(link)
    active = reminder if reminder is not None and reminder.active else None
    if form is None:
        form = ReminderForm(initial={"at": reminder.at if reminder else None})
    return {
        "reminder": active,
        "reminder_address": masked(active.email) if active else "",
        "reminder_form": form,
        "reminder_form_open": form.is_bound,
        "reminders_offered": offered(),
        "time_zone": settings.TIME_ZONE,
    }

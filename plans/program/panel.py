"""The client page's "Home program" panel: the newest program link's state, adherence per
exercise and week, and the client's pain ratings and notes. Not cached: the client's phone
changes it between the therapist's visits to the page."""

from django.http import HttpRequest

from clinic.models import Client
from clinic.panels.registry import Panel
from plans.program import selectors
from plans.program.answers.panel import answers_panel
from plans.program.answers.selectors import client_answered
from plans.program.reminders.selectors import reminder_of

WEEKS_SHOWN = 6
DAYS_SHOWN = 14


def program_panel(request: HttpRequest, client: Client) -> Panel:
    links = selectors.links_for_client(request.user, client)  # type: ignore[arg-type]
    link = links.annotate(answered=client_answered(client)).first()
    if link is None:
        return Panel("plans/program/_panel.html", {"summary": None})
    summary = selectors.summary(link)
    reminder = reminder_of(link)  # read with the link: no query of its own
    return Panel(
        "plans/program/_panel.html",
        {
            "summary": summary,
            "weeks": summary.adherence.weeks[-WEEKS_SHOWN:],
            "days": summary.days[:DAYS_SHOWN],
            "reminder": reminder if reminder is not None and reminder.active else None,
            # The client's answers before the visit, sent through one of their links.
            "answers_panel": answers_panel(request, client) if link.answered else None,
        },
    )

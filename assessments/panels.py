"""The visits section of the client page."""

from django.http import HttpRequest

from assessments.selectors import client_assessments
from clinic.models import Client
from clinic.panels import Panel


def visits_panel(request: HttpRequest, client: Client) -> Panel:
    """The client's visits, newest first, with the button to start the next one."""
    visits = list(client_assessments(client)[:20])
    return Panel("assessments/_client_visits.html", {"client": client, "visits": visits})

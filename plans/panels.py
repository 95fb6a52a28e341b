"""The plans section of the client page."""

from django.http import HttpRequest

from clinic.models import Client
from clinic.panels import Panel
from plans.selectors import client_plan_versions


def plans_panel(request: HttpRequest, client: Client) -> Panel:
    versions = list(client_plan_versions(client)[:20])
    return Panel("plans/_client_plans.html", {"client": client, "versions": versions})

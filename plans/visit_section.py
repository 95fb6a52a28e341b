"""The visit page's home program, in the Plan part of its SOAP order
(settings.VISIT_PAGE_SECTIONS; docs/assessment.md "The visit page")."""

from django.http import HttpRequest

from assessments.models import Assessment
from clinic.panels.registry import Panel
from plans.models import Plan


def plan_section(request: HttpRequest, assessment: Assessment) -> Panel:
    """The visit's plan: its newest version's items with their doses, and whether it is issued.

    Part of the visit page, whose showing is audited: no entry of its own. One query without
    a plan; three with one (the plan, its newest version, that version's items).
    """
    plan: Plan | None = getattr(assessment, "plan", None)
    version = plan.versions.order_by("-number").first() if plan is not None else None
    items = list(version.items.order_by("position", "pk")) if version is not None else []
    return Panel("plans/_visit_plan.html", {"version": version, "items": items})

"""The client page's history: visits newest first with pain, key findings and plans."""

from dataclasses import dataclass
from typing import Any

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpRequest

from assessments.findings.core import Finding, interpret
from assessments.models import Assessment
from assessments.norms import cutoffs_for
from assessments.selectors import client_assessments, values_of_visits
from assessments.values import AssessmentValues
from clinic.models import Client
from clinic.panels.cache import cached_panel
from clinic.panels.registry import Panel
from plans.models import PlanVersion

VISITS_PER_PAGE = 10
KEY_FINDINGS = 3


@dataclass(frozen=True)
class VisitRow:
    visit: Assessment
    pain_now: float | None
    pain_worst: float | None
    findings: tuple[Finding, ...]
    more_findings: int
    red_flag: bool
    latest: PlanVersion | None
    issued: PlanVersion | None


def _row(visit: Assessment, values: AssessmentValues, cutoffs: dict[str, float]) -> VisitRow:
    found = interpret(values, cutoffs)
    plan = getattr(visit, "plan", None)
    versions = list(plan.versions.all()) if plan is not None else []  # newest first
    issued = next((version for version in versions if version.is_issued), None)
    return VisitRow(
        visit=visit,
        pain_now=values.number("pain_now"),
        pain_worst=values.number("pain_worst_24h"),
        findings=tuple(found[:KEY_FINDINGS]),
        more_findings=max(0, len(found) - KEY_FINDINGS),
        red_flag=any(finding.stops_plan for finding in found),
        latest=versions[0] if versions else None,
        issued=issued,
    )


def client_page_stamp(client: Client) -> dict[str, Any]:
    """What the client page's cached panels (the pain chart, the history) are made of, in
    one query: any visit or plan change moves it (settings.CLIENT_PAGE_STAMP).

    One row per visit and plan version (a few dozen for a long history), summed here: the
    rows cost about half the Python of an aggregate() query, on the busiest page."""
    rows = client.assessments.order_by().values_list("pk", "updated_at", "plan__versions__lock")
    visits, changed, versions, locks = set(), None, 0, 0
    for visit, updated_at, lock in rows:
        visits.add(visit)
        changed = updated_at if changed is None else max(changed, updated_at)
        if lock is not None:
            versions, locks = versions + 1, locks + lock
    return {
        "visits": len(visits),
        "changed": changed,
        "versions": versions,
        "locks": locks,
        "client": [client.date_of_birth, client.sex, client.last_visit_on],
        "cutoffs": client.clinic.cutoff_overrides,
    }


def history_panel(request: HttpRequest, client: Client) -> Panel:
    """The visit history, from the panel cache while no visit or plan has changed."""
    return cached_panel(
        request,
        client,
        "history",
        page=str(request.GET.get("visits") or "1")[:10],
        fresh=lambda: history_panel_fresh(request, client),
    )


def history_panel_fresh(request: HttpRequest, client: Client) -> Panel:
    """A page of visits; the queries do not grow with the number of visits."""
    visits = client_assessments(client).prefetch_related(
        Prefetch("plan__versions", queryset=PlanVersion.objects.order_by("-number")),
    )
    page = Paginator(visits, VISITS_PER_PAGE).get_page(request.GET.get("visits"))
    try:
        cutoffs = cutoffs_for(client.clinic.cutoff_overrides)
    except ValueError:
        cutoffs = cutoffs_for(None)  # logged where assessments are shown in full
    shown = list(page.object_list)
    for visit in shown:
        visit.client = client  # loaded already: the values need the age and sex
    values = values_of_visits(shown)
    rows = [_row(visit, values[visit.pk], cutoffs) for visit in shown]
    return Panel("plans/_client_history.html", {"client": client, "page": page, "rows": rows})

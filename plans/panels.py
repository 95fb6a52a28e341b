"""The client page's history: visits newest first with pain, key findings and plans."""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpRequest

from assessments.findings import Finding, interpret
from assessments.models import Assessment
from assessments.norms import cutoffs_for
from assessments.selectors import assessment_values, client_assessments
from clinic.models import Client
from clinic.panels import Panel
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


def _row(visit: Assessment, cutoffs: dict[str, float]) -> VisitRow:
    values = assessment_values(visit)
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
        red_flag=any(finding.is_red_flag for finding in found),
        latest=versions[0] if versions else None,
        issued=issued,
    )


def history_panel(request: HttpRequest, client: Client) -> Panel:
    """A page of visits; the queries do not grow with the number of visits."""
    visits = client_assessments(client).prefetch_related(
        "measurements",
        Prefetch("plan__versions", queryset=PlanVersion.objects.order_by("-number")),
    )
    page = Paginator(visits, VISITS_PER_PAGE).get_page(request.GET.get("visits"))
    try:
        cutoffs = cutoffs_for(client.clinic.cutoff_overrides)
    except ValueError:
        cutoffs = cutoffs_for(None)  # logged where assessments are shown in full
    rows = [_row(visit, cutoffs) for visit in page.object_list]
    return Panel("plans/_client_history.html", {"client": client, "page": page, "rows": rows})

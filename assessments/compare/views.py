"""Compare two visits of one client side by side (issue 6, "Compare any two visits")."""

from django.conf import settings
from django.db.models import prefetch_related_objects
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.module_loading import import_string
from django.views.decorators.http import require_GET

from assessments import interpretation, selectors, services
from assessments.compare.chart import chart_changes
from assessments.compare.shown import shown
from assessments.compare.visits import compare_visits
from assessments.models import Assessment
from clinic.http import AuthedRequest, whole_number
from clinic.selectors import client_get
from clinic.services.clients import client_record_viewed


def _visit_id(raw: str | None) -> int | None:
    """A visit id from the query string; None when missing or not a number."""
    return whole_number(raw)


@require_GET
def assessment_compare(request: AuthedRequest, client_pk: int) -> HttpResponse:
    """?a=<id>&b=<id>: both visits of this client (else 404), earlier one as "before".

    Lists only what changed; with &all=1, every item (red-flag answers that did not change
    are one line in both: assessments/compare/shown.py).

    Without parameters it compares the two most recent visits; with invalid ones it shows
    the choice of visits. Each compared assessment gets one audit view entry; the choice
    alone, one for the client.
    """
    client = client_get(request.user, client_pk)
    visits = list(selectors.client_assessments(client))  # newest first
    first, second = _visit_id(request.GET.get("a")), _visit_id(request.GET.get("b"))
    asked = "a" in request.GET or "b" in request.GET
    if not asked and len(visits) >= 2:
        # Straight from the client page: the last visit against the one before it.
        first, second = visits[1].pk, visits[0].pk
    context: dict[str, object] = {"client": client, "visits": visits}
    if first is None or second is None or first == second:
        context["chosen"] = (visits[1].pk, visits[0].pk) if len(visits) >= 2 else (None, None)
        context["invalid"] = asked
        # The choice lists the client's visits (dates and status): a read of the record.
        client_record_viewed(actor=request.user, client=client, detail="compare: choosing")
        return render(request, "assessments/compare.html", context)
    by_pk = {visit.pk: visit for visit in visits}
    if first not in by_pk or second not in by_pk:
        raise Http404("No such visit of this client.")
    before, after = sorted(
        (by_pk[first], by_pk[second]), key=lambda visit: (visit.visit_date, visit.pk)
    )
    pair: list[Assessment] = [before, after]
    prefetch_related_objects(pair, "measurements", "chart_marks")
    for assessment in pair:
        services.assessment_viewed(actor=request.user, assessment=assessment)
    old, new = selectors.assessment_values(before), selectors.assessment_values(after)
    comparison = compare_visits(old, new, interpretation.clinic_cutoffs(after))
    context.update(
        chosen=(first, second),
        before=before,
        after=after,
        comparison=comparison,
        charts=(old.body_chart, new.body_chart),
        chart_changes=chart_changes(old.body_chart, new.body_chart),
        shown=shown(comparison, show_all=request.GET.get("all") == "1"),
        # What happened between the visits, from the apps built on this one (the home
        # program: settings.COMPARE_VISIT_PANELS); read under the two visits' audit entries.
        panels=[
            import_string(path)(request, client, before, after)
            for path in settings.COMPARE_VISIT_PANELS
        ],
    )
    return render(request, "assessments/compare.html", context)

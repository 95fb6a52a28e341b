"""Progress charts over all of a client's finalised visits (issue 6, "Progress charts")."""

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from assessments.progress.charts import NO_VISITS, chart_view
from assessments.progress.panel import client_cutoffs, progress_visits
from assessments.progress.series import progress_charts
from clinic.http import AuthedRequest
from clinic.selectors import client_get
from clinic.services.clients import client_record_viewed

NO_FINALISED = "No finalised visits yet."
NOT_RECORDED = "Not recorded at any finalised visit yet."


@require_GET
def client_progress(request: AuthedRequest, client_pk: int) -> HttpResponse:
    """Every progress chart of this client (another clinic's client: 404).

    One audit view entry for the client record, whatever the number of visits, so the
    page's queries stay flat as the history grows.
    """
    client = client_get(request.user, client_pk)
    visits, finalised = progress_visits(client)
    client_record_viewed(actor=request.user, client=client, detail="progress charts")
    empty = NOT_RECORDED if finalised else (NO_FINALISED if visits else NO_VISITS)
    charts = [
        chart_view(spec, empty_text=empty)
        for spec in progress_charts(finalised, client_cutoffs(client))
    ]
    context = {
        "client": client,
        "charts": charts,
        "visit_count": len(visits),
        "charted": len(finalised),
        "drafts": len(visits) - len(finalised),
    }
    return render(request, "assessments/progress.html", context)

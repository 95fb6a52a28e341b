"""Progress charts: the reads behind them and the client page's pain-chart panel.

The reads take a client the caller already scoped to the user's clinic (client_get), and
their query count does not grow with the number of visits. Only finalised visits are
charted (assessments/progress.py says why).
"""

import datetime
import logging
from collections import defaultdict

from django.db.models import Prefetch, prefetch_related_objects
from django.http import HttpRequest

from assessments.models import Assessment, BodyChartMark, Measurement, Status
from assessments.norms import cutoffs_for
from assessments.progress.charts import ChartView, chart_view
from assessments.progress.series import CHART_ITEMS, PAIN_ITEMS, pain_chart
from assessments.selectors import assessment_values, latest_chart
from assessments.values import AssessmentValues, Key, Value
from clinic.models import Client
from clinic.panels.cache import cached_panel
from clinic.panels.registry import Panel

logger = logging.getLogger(__name__)

PANEL_EMPTY = "No finalised visit with a pain score yet."


def client_cutoffs(client: Client) -> dict[str, float]:
    """The clinic's cut-offs; defaults (logged) if a stored override has become invalid."""
    try:
        return cutoffs_for(client.clinic.cutoff_overrides)
    except ValueError as error:
        logger.error("Clinic %s has invalid cut-off overrides: %s", client.clinic_id, error)
        return cutoffs_for(None)


def progress_visits(client: Client) -> tuple[list[Assessment], list[AssessmentValues]]:
    """Every visit, oldest first (one query), and the finalised visits' values, with only
    the measurements the charts read (one more query, when any visit is finalised)."""
    visits = list(client.assessments.order_by("visit_date", "pk"))
    finalised = [visit for visit in visits if visit.is_final]
    if finalised:
        rows = Measurement.objects.filter(item__in=sorted(CHART_ITEMS))
        # The charts read no body chart: an empty prefetch saves a query per visit.
        no_marks = Prefetch("chart_marks", queryset=BodyChartMark.objects.none())
        prefetch_related_objects(finalised, Prefetch("measurements", queryset=rows), no_marks)
    return visits, [assessment_values(visit) for visit in finalised]


def pain_values(client: Client) -> list[AssessmentValues]:
    """The pain scores of each finalised visit that has one, oldest first (one query)."""
    rows = (
        Measurement.objects.filter(
            assessment__client=client,
            assessment__status=Status.FINAL,
            item__in=sorted(PAIN_ITEMS),
            value__isnull=False,
        )
        .order_by("assessment__visit_date", "assessment_id")
        .values_list("assessment_id", "assessment__visit_date", "item", "side", "value")
    )
    dates: dict[int, datetime.date] = {}
    values: dict[int, dict[Key, Value]] = defaultdict(dict)
    for visit, day, item, side, value in rows:
        if value is not None:  # pain items are numbers; the filter already excludes None
            dates[visit] = day
            values[visit][(item, side)] = value
    return [AssessmentValues(values=values[visit], visit_date=day) for visit, day in dates.items()]


def progress_panel(request: HttpRequest, client: Client) -> Panel:
    """The pain chart, from the panel cache while no visit has changed (the cache's stamp
    covers every visit's last change and the clinic's cut-offs)."""
    return cached_panel(
        request,
        client,
        "progress",
        page="1",
        fresh=lambda: progress_panel_fresh(client),
    )


def progress_panel_fresh(client: Client) -> Panel:
    """The pain chart with a link to every progress chart, and the latest visit's body
    chart; two queries for any history."""
    chart_date, chart_marks = latest_chart(client)
    chart: ChartView = chart_view(
        pain_chart(pain_values(client), client_cutoffs(client)),
        id_prefix="panel",
        empty_text=PANEL_EMPTY,
    )
    context = {
        "client": client,
        "chart": chart,
        "chart_date": chart_date,
        "chart_marks": chart_marks,
    }
    return Panel("assessments/_progress_panel.html", context)

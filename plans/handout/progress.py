"""The handout's optional progress page: the client's pain and function over their visits.

Shown only when the therapist asks for it (a download or email "with progress"). It charts
the finalised visits up to this plan's visit (and this visit, whatever its status: the
plan was built on its values), so a later visit does not change an issued handout; an
amendment to one of those visits does (its values are part of the cache key).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch, Q, prefetch_related_objects

from assessments.models import Assessment, BodyChartMark, Measurement, Status
from assessments.progress.charts import ChartView, chart_view, format_value
from assessments.progress.panel import client_cutoffs
from assessments.progress.series import CHART_ITEMS, IMPROVED, WORSE, ChartSpec, progress_charts
from assessments.selectors import assessment_values
from clinic.dates import format_date
from plans.models import PlanVersion

# The charts a client can read without a therapist beside them, with plain headings.
CLIENT_CHARTS = {
    "pain": ("Your pain", "0 means no pain, 10 the worst pain you can imagine."),
    "psfs": (
        "The activities you chose",
        "How well you can do the activities you told us were hard: 0 means you cannot do "
        "them, 10 means as well as before your back pain.",
    ),
    "odi": (
        "How much your back pain limits daily life",
        "From the questionnaire about daily activities: 0% means not at all. Lower is better.",
    ),
}
VERDICTS = {IMPROVED: "better", WORSE: "worse"}  # anything else: about the same
# How assessments/_chart_svg.html draws the 1st, 2nd and 3rd line (black and white).
LINE_STYLES = ("solid line, dots", "dashed line, squares", "dotted line, triangles")


@dataclass(frozen=True)
class ProgressChart:
    heading: str
    explanation: str
    summary: tuple[str, ...]  # one plain sentence per line on the chart
    legend: str  # which line is which
    view: ChartView


def _visits(version: PlanVersion) -> list[Assessment]:
    """The visits to chart, oldest first, with only the measurements charts read (2 queries)."""
    assessment = version.plan.assessment
    visits = list(
        Assessment.objects.filter(client_id=assessment.client_id)
        .filter(visit_date__lte=assessment.visit_date)
        .filter(Q(status=Status.FINAL) | Q(pk=assessment.pk))
        .order_by("visit_date", "pk")
    )
    rows = Measurement.objects.filter(item__in=sorted(CHART_ITEMS))
    # The charts read no body chart: an empty prefetch saves a query per visit.
    no_marks = Prefetch("chart_marks", queryset=BodyChartMark.objects.none())
    prefetch_related_objects(visits, Prefetch("measurements", queryset=rows), no_marks)
    for visit in visits:
        visit.client = assessment.client  # already loaded: no query per visit
    return visits


def _summary(spec: ChartSpec) -> tuple[str, ...]:
    sentences = []
    for series in spec.series:
        if not series.points:
            continue
        first, last = series.points[0], series.points[-1]
        start = f"{format_value(first.value, spec.unit)} on {format_date(first.date)}"
        if len(series.points) == 1:
            sentences.append(f"{series.label}: {start}.")
            continue
        verdict = VERDICTS.get(series.verdict, "about the same")
        now = f"{format_value(last.value, spec.unit)} on {format_date(last.date)}"
        sentences.append(f"{series.label}: {start}, {now} ({verdict}).")
    return tuple(sentences)


def handout_progress_specs(version: PlanVersion) -> tuple[ChartSpec, ...]:
    """The client-readable charts with at least one value, in CLIENT_CHARTS order."""
    values = [assessment_values(visit) for visit in _visits(version)]
    client = version.plan.assessment.client
    specs = {spec.code: spec for spec in progress_charts(values, client_cutoffs(client))}
    return tuple(
        specs[code] for code in CLIENT_CHARTS if code in specs and not specs[code].is_empty
    )


def progress_key_inputs(specs: tuple[ChartSpec, ...]) -> list[object]:
    """What the page shows, for the handout's cache key."""
    return [
        [
            spec.code,
            [
                [series.key, [[str(point.date), point.value] for point in series.points]]
                for series in spec.series
            ],
        ]
        for spec in specs
    ]


def progress_charts_for_handout(specs: tuple[ChartSpec, ...]) -> list[ProgressChart]:
    charts = []
    for spec in specs:
        heading, explanation = CLIENT_CHARTS[spec.code]
        charts.append(
            ProgressChart(
                heading=heading,
                explanation=explanation,
                summary=_summary(spec),
                legend="; ".join(
                    f"{series.label}: {LINE_STYLES[index % len(LINE_STYLES)]}"
                    for index, series in enumerate(spec.series)
                    if series.points
                ),
                view=chart_view(spec, id_prefix="handout"),
            )
        )
    return charts

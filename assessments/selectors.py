"""Reads of assessments, scoped to the requesting user's clinic."""

import datetime
from collections import defaultdict
from collections.abc import Collection, Sequence

from django.db.models import QuerySet, Subquery
from django.shortcuts import get_object_or_404

from assessments.body_chart.regions import Mark, sort_marks
from assessments.models import Assessment, BodyChartMark, Measurement, Status
from assessments.values import AssessmentValues, Key, Value
from clinic.models import Client
from clinic.selectors import AnyUser


def assessments_for(user: AnyUser) -> QuerySet[Assessment]:
    """Every assessment of the user's clinic's clients."""
    if not user.is_authenticated:
        return Assessment.objects.none()
    return Assessment.objects.filter(client__clinic__memberships__user_id=user.pk)


def assessment_get(user: AnyUser, pk: int) -> Assessment:
    """One assessment with its client, clinic, therapist and measurements; else 404."""
    return get_object_or_404(
        assessments_for(user)
        .select_related("client__clinic", "therapist", "finalised_by")
        .defer("client__clinic__logo")  # the logo's bytes are for handouts only
        .prefetch_related("measurements", "chart_marks"),
        pk=pk,
    )


def client_assessments(client: Client) -> QuerySet[Assessment]:
    """A client's visits, newest first (the client was already scoped by the caller)."""
    return client.assessments.select_related("therapist").order_by("-visit_date", "-pk")


def open_drafts(client: Client) -> QuerySet[Assessment]:
    """A client's unfinished visits with their therapists, newest first (client scoped)."""
    return client_assessments(client).filter(status=Status.DRAFT)


def latest_assessment(client: Client) -> Assessment | None:
    """The visit to copy forward from: the newest one, with its measurements and marks."""
    return client_assessments(client).prefetch_related("measurements", "chart_marks").first()


def latest_chart(client: Client) -> tuple[datetime.date | None, tuple[Mark, ...]]:
    """The latest visit's date and body-chart marks (one query; no date when none marked)."""
    latest = client.assessments.order_by("-visit_date", "-pk").values("pk")[:1]
    rows = BodyChartMark.objects.filter(assessment_id=Subquery(latest)).values_list(
        "region", "pain_type", "intensity", "carried_over", "assessment__visit_date"
    )
    marks, days = [], set()
    for region, pain_type, intensity, carried_over, day in rows.order_by():
        marks.append(Mark(region, pain_type, intensity, carried=carried_over))
        days.add(day)
    return (days.pop() if days else None), sort_marks(marks)


def answers_copied_from(
    assessment: Assessment, codes: Collection[str]
) -> tuple[datetime.date, dict[str, str]] | None:
    """The visit date and the choices (of these item codes) of the visit this draft was
    started from (the same client's, as assessment_start checks); None when it was not."""
    if assessment.copied_from_id is None:
        return None
    source = assessment.copied_from  # loaded once: the page header shows its date too
    if source is None:
        return None
    rows = Measurement.objects.filter(assessment_id=source.pk, item__in=list(codes))
    answers = dict(rows.exclude(choice="").order_by().values_list("item", "choice"))
    return source.visit_date, answers


def values_of_visits(visits: Sequence[Assessment]) -> dict[int, AssessmentValues]:
    """Each visit's recorded values, read as plain tuples in one query (no model rows).

    For pages that interpret many visits at once (the client page's history): building
    a Measurement instance per value was most of that page's time. The visits must have
    their client loaded (age and sex are part of the values).
    """
    rows: dict[int, dict[Key, Value]] = defaultdict(dict)
    carried: dict[int, set[Key]] = defaultdict(set)
    measured = Measurement.objects.filter(assessment__in=[visit.pk for visit in visits])
    for visit_id, item, side, value, choice, text, carried_over in measured.values_list(
        "assessment_id", "item", "side", "value", "choice", "text", "carried_over"
    ).order_by():
        rows[visit_id][(item, side)] = value if value is not None else (choice or text)
        if carried_over:
            carried[visit_id].add((item, side))
    marks: dict[int, list[Mark]] = defaultdict(list)
    charted = BodyChartMark.objects.filter(assessment__in=[visit.pk for visit in visits])
    for visit_id, region, pain_type, intensity, carried_over in charted.values_list(
        "assessment_id", "region", "pain_type", "intensity", "carried_over"
    ).order_by():
        marks[visit_id].append(Mark(region, pain_type, intensity, carried=carried_over))
    return {
        visit.pk: AssessmentValues(
            values=rows[visit.pk],
            body_chart=sort_marks(marks[visit.pk]),
            age=visit.client.age_on(visit.visit_date),
            sex=visit.client.sex,
            visit_date=visit.visit_date,
            carried=frozenset(carried[visit.pk]),
        )
        for visit in visits
    }


def chart_marks(assessment: Assessment) -> tuple[Mark, ...]:
    """The visit's body-chart marks in the chart's order (uses prefetched marks)."""
    return sort_marks([row.as_mark() for row in assessment.chart_marks.all()])


def assessment_values(assessment: Assessment) -> AssessmentValues:
    """The recorded values as a plain AssessmentValues (uses prefetched measurements)."""
    values: dict[Key, Value] = {}
    carried: set[Key] = set()
    from_client: dict[Key, datetime.date] = {}
    for row in assessment.measurements.all():
        key = (row.item, row.side)
        values[key] = row.value if row.value is not None else (row.choice or row.text)
        if row.carried_over:
            carried.add(key)
        if row.from_client_on is not None:
            from_client[key] = row.from_client_on
    client = assessment.client
    return AssessmentValues(
        values=values,
        body_chart=chart_marks(assessment),
        age=client.age_on(assessment.visit_date),
        sex=client.sex,
        visit_date=assessment.visit_date,
        carried=frozenset(carried),
        from_client=from_client,
    )

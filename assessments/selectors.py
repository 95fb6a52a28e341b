"""Reads of assessments, scoped to the requesting user's clinic."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from assessments.models import Assessment
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
        .prefetch_related("measurements"),
        pk=pk,
    )


def client_assessments(client: Client) -> QuerySet[Assessment]:
    """A client's visits, newest first (the client was already scoped by the caller)."""
    return client.assessments.select_related("therapist").order_by("-visit_date", "-pk")


def latest_assessment(client: Client) -> Assessment | None:
    """The visit to copy forward from: the newest one, with its measurements."""
    return client_assessments(client).prefetch_related("measurements").first()


def assessment_values(assessment: Assessment) -> AssessmentValues:
    """The recorded values as a plain AssessmentValues (uses prefetched measurements)."""
    values: dict[Key, Value] = {}
    carried: set[Key] = set()
    for row in assessment.measurements.all():
        key = (row.item, row.side)
        values[key] = row.value if row.value is not None else (row.choice or row.text)
        if row.carried_over:
            carried.add(key)
    client = assessment.client
    return AssessmentValues(
        values=values,
        age=client.age_on(assessment.visit_date),
        sex=client.sex,
        visit_date=assessment.visit_date,
        carried=frozenset(carried),
    )

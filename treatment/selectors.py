"""Reads of treatment records and techniques, scoped to the requesting user's clinic."""

from django.db.models import F, QuerySet
from django.shortcuts import get_object_or_404

from assessments.models import Assessment
from clinic.models import Profession
from clinic.selectors import AnyUser
from treatment.models import ClinicTechnique, TreatmentRecord, TreatmentRow
from treatment.techniques import Technique, offered


def clinic_techniques_for(user: AnyUser) -> QuerySet[ClinicTechnique]:
    """The user's clinic's own techniques, by name (none for anyone outside a clinic)."""
    if not user.is_authenticated:
        return ClinicTechnique.objects.none()
    return ClinicTechnique.objects.filter(clinic__memberships__user_id=user.pk).order_by(
        "name", "pk"
    )


def clinic_technique_get(user: AnyUser, pk: int) -> ClinicTechnique:
    """One of the user's clinic's techniques (with its clinic); another clinic's is a 404."""
    return get_object_or_404(clinic_techniques_for(user).select_related("clinic"), pk=pk)


def techniques_offered(clinic_id: int, profession: str) -> list[Technique]:
    """The built-in and the clinic's active own techniques this profession is offered."""
    own = ClinicTechnique.objects.filter(clinic_id=clinic_id, active=True).order_by("name")
    return offered(profession, [row.as_technique() for row in own])


def profession_of(user: AnyUser) -> str:
    """The user's profession in their clinic (Other for an account outside every clinic)."""
    membership = getattr(user, "membership", None)
    return membership.profession if membership is not None else Profession.OTHER


def treatment_of(assessment: Assessment) -> TreatmentRecord | None:
    """The visit's treatment record with its rows, or None when nothing is recorded yet.

    The visit was scoped by the caller (assessments.selectors.assessment_get).
    """
    return (
        TreatmentRecord.objects.filter(assessment_id=assessment.pk)
        .prefetch_related("rows")
        .first()
    )


def treatment_rows(assessment: Assessment) -> QuerySet[TreatmentRow]:
    """The rows given at the visit, in order (the visit was scoped by the caller)."""
    return TreatmentRow.objects.filter(record__assessment_id=assessment.pk).order_by("position")


def rows_of_visits(assessment_ids: list[int]) -> dict[int, list[TreatmentRow]]:
    """{visit id: its rows in order} for visits the caller scoped, in one query."""
    by_visit: dict[int, list[TreatmentRow]] = {}
    rows = TreatmentRow.objects.filter(record__assessment_id__in=assessment_ids).annotate(
        visit_id=F("record__assessment_id")
    )
    for row in rows.order_by("position"):
        by_visit.setdefault(row.visit_id, []).append(row)
    return by_visit

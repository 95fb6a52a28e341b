"""Reads of a clinic's own interventions, scoped to the requesting user's clinic."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from clinic.selectors import AnyUser
from plans.models import ClinicIntervention


def clinic_interventions_for(user: AnyUser) -> QuerySet[ClinicIntervention]:
    """The user's clinic's own interventions and copies of built-ins, by name."""
    if not user.is_authenticated:
        return ClinicIntervention.objects.none()
    return ClinicIntervention.objects.filter(clinic__memberships__user_id=user.pk).order_by(
        "name", "pk"
    )


def clinic_intervention_get(user: AnyUser, pk: int) -> ClinicIntervention:
    """One of the user's clinic's interventions (with its clinic); another clinic's is a 404."""
    return get_object_or_404(clinic_interventions_for(user).select_related("clinic"), pk=pk)

"""Reads of a clinic's own interventions, scoped to the requesting user's clinic."""

from django.db.models import F, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from clinic.selectors import AnyUser
from plans.models import ClinicIntervention, ClinicPicture


def clinic_interventions_for(user: AnyUser) -> QuerySet[ClinicIntervention]:
    """The user's clinic's own interventions and copies of built-ins, by name, each with
    the digest of its own picture (`picture_digest`, None without one)."""
    if not user.is_authenticated:
        return ClinicIntervention.objects.none()
    return (
        ClinicIntervention.objects.filter(clinic__memberships__user_id=user.pk)
        .annotate(picture_digest=F("picture__digest"))
        .order_by("name", "pk")
    )


def clinic_intervention_get(user: AnyUser, pk: int) -> ClinicIntervention:
    """One of the user's clinic's interventions (with its clinic); another clinic's is a 404."""
    return get_object_or_404(clinic_interventions_for(user).select_related("clinic"), pk=pk)


def clinic_picture_get(user: AnyUser, digest: str) -> ClinicPicture:
    """One of the user's clinic's pictures, by digest; another clinic's is a 404."""
    if not user.is_authenticated:
        raise Http404("No such picture.")
    pictures = ClinicPicture.objects.filter(clinic__memberships__user_id=user.pk)
    return get_object_or_404(pictures, digest=digest)

"""Reads of plans, scoped to the requesting user's clinic."""

from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from clinic.models import Clinic, Membership
from clinic.selectors import AnyUser
from plans.models import PlanVersion


def plan_versions_for(user: AnyUser) -> QuerySet[PlanVersion]:
    """Every plan version of the user's clinic's clients."""
    if not user.is_authenticated:
        return PlanVersion.objects.none()
    return PlanVersion.objects.filter(
        plan__assessment__client__clinic__memberships__user_id=user.pk
    )


def plan_version_get(user: AnyUser, pk: int) -> PlanVersion:
    """One version with its plan, assessment and client; another clinic's is a 404.

    Its items are read by whoever needs them (the builder's Editor reads them once).
    """
    return get_object_or_404(
        plan_versions_for(user)
        .select_related("plan__assessment__client__clinic", "issued_by")
        .defer("plan__assessment__client__clinic__logo"),  # up to 512 KB the page never shows
        pk=pk,
    )


def plan_version_of_membership(membership: Membership | None, pk: int) -> PlanVersion:
    """plan_version_get for the builder's page, which reads the user's membership anyway
    (the navigation): scoped by the clinic's id, without the join through the memberships,
    and the client's clinic is the membership's, not a second copy. Another clinic's
    version is a 404, like a missing one (clinic.selectors.client_of_membership)."""
    if membership is None:
        raise Http404("No plan version found.")
    version = get_object_or_404(
        PlanVersion.objects.select_related("plan__assessment__client", "issued_by"),
        pk=pk,
        plan__assessment__client__clinic_id=membership.clinic_id,
    )
    version.plan.assessment.client.clinic = membership.clinic
    return version


def plan_clinic_get(user: AnyUser, pk: int) -> Clinic:
    """The clinic whose library a version draws on; another clinic's version is a 404.

    Reads no health data: the builder's library search needs only the clinic.
    """
    version = get_object_or_404(
        plan_versions_for(user)
        .select_related("plan__assessment__client__clinic")
        .defer("plan__assessment__client__clinic__logo"),
        pk=pk,
    )
    return version.plan.assessment.client.clinic

"""Reads of handouts, scoped to the requesting user's clinic (another clinic's is a 404)."""

from __future__ import annotations

import datetime

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from assessments.models import Amendment
from clinic.selectors import AnyUser
from plans.handout.context import HandoutNotReady
from plans.models import (
    EmailStatus,
    HandoutEmail,
    HandoutPDF,
    PlanVersion,
    RenderStatus,
)
from plans.selectors import plan_versions_for

SCOPE = "plan_version__plan__assessment__client__clinic__memberships__user_id"
# A queued PDF older than this has waited too long for a worker: the clinic admin sees it.
STUCK_AFTER = datetime.timedelta(minutes=15)


def handout_pdf_ready(user: AnyUser, pk: int, *, with_progress: bool) -> HandoutPDF | None:
    """The version's finished PDF of this kind, in one query; None if not finished (or not
    the user's clinic's: the caller then reads the version, which is a 404 for them)."""
    if not user.is_authenticated:
        return None
    return (
        HandoutPDF.objects.filter(
            **{SCOPE: user.pk},
            plan_version__pk=pk,  # not plan_version_id, which skips the integer range check
            with_progress=with_progress,
            status=RenderStatus.READY,
        )
        .select_related("plan_version__plan__assessment__client")
        .only(
            "pdf",
            "pages",
            "file_name",
            "plan_version__number",
            "plan_version__plan__assessment__client__id",
            "plan_version__plan__assessment__client__clinic_id",
        )
        .first()
    )


def issued_version_get(user: AnyUser, pk: int) -> PlanVersion:
    """An issued version of the user's clinic, with its client; a draft has no handout."""
    version = get_object_or_404(
        plan_versions_for(user).select_related("plan__assessment__client"), pk=pk
    )
    if not version.is_issued:
        raise HandoutNotReady
    return version


def handouts_needing_attention(user: AnyUser) -> tuple[list[HandoutPDF], list[HandoutEmail]]:
    """The clinic's PDFs that could not be made (or wait for a worker too long), and the
    emails that could not be sent, newest first."""
    if not user.is_authenticated:
        return [], []
    stuck = timezone.now() - STUCK_AFTER
    pdfs: QuerySet[HandoutPDF] = HandoutPDF.objects.filter(
        Q(status=RenderStatus.FAILED) | Q(status=RenderStatus.QUEUED, updated_at__lt=stuck),
        **{SCOPE: user.pk},
    )
    emails = HandoutEmail.objects.filter(status=EmailStatus.FAILED, **{SCOPE: user.pk})
    related = "plan_version__plan__assessment__client"
    return (
        list(pdfs.select_related(related).defer("pdf").order_by("-updated_at")[:100]),
        list(emails.select_related(related).order_by("-created_at")[:100]),
    )


def handout_pdf_of_clinic(user: AnyUser, pk: int) -> HandoutPDF:
    """One PDF row of the user's clinic (without its bytes); else 404."""
    return get_object_or_404(HandoutPDF.objects.filter(**{SCOPE: user.pk}).defer("pdf"), pk=pk)


def latest_emails(version: PlanVersion) -> list[HandoutEmail]:
    """The version's handout emails, newest first (the builder shows how they went)."""
    return list(version.handout_emails.order_by("-created_at")[:5])


def handout_pdf_states(version: PlanVersion) -> dict[str, HandoutPDF]:
    """The version's PDF rows ("plain", "progress"), without their bytes."""
    return {
        "progress" if pdf.with_progress else "plain": pdf
        for pdf in version.handout_pdfs.defer("pdf")
    }


def amended_after_issue(version: PlanVersion) -> Amendment | None:
    """The newest amendment of the visit made after this version was issued, if any: the
    handout does not show it (it shows the visit as it was when issued)."""
    if version.issued_at is None:
        return None
    return (
        Amendment.objects.filter(
            assessment_id=version.plan.assessment_id, made_at__gt=version.issued_at
        )
        .order_by("-made_at")
        .first()
    )

"""Writes of the handout that queue background work: freeze it at issue and queue its PDFs,
ask again for a failed one, ask for it to be emailed.

The work itself (rendering, sending) is `plans.handout.rendering` and
`plans.handout.emailing`, run by the tasks in `plans.handout.tasks`; calls go one way:
these services, then the tasks, then the work.
"""

from __future__ import annotations

from functools import partial

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from clinic.models import AuditAction, Client
from clinic.services.audit import audit_client_record
from clinic.services.clients import REPEAT_WINDOW
from plans.handout.snapshot import take_snapshot
from plans.handout.tasks import enqueue_email, enqueue_render
from plans.models import (
    EmailStatus,
    HandoutEmail,
    HandoutPDF,
    HandoutSnapshot,
    PlanVersion,
    RenderStatus,
)

# Both kinds are made at issue: the progress page is one click away in the builder.
KINDS = (False, True)


def handout_issue(*, version: PlanVersion) -> HandoutSnapshot:
    """Freeze the issued version's handout and queue its PDFs (call inside the issue).

    Side effects: the snapshot; a queued HandoutPDF of each kind; one render task of each
    kind, enqueued when the surrounding transaction commits.
    """
    snapshot = take_snapshot(version)
    HandoutPDF.objects.bulk_create(
        HandoutPDF(plan_version=version, with_progress=kind) for kind in KINDS
    )
    for kind in KINDS:
        transaction.on_commit(partial(enqueue_render, version.pk, with_progress=kind))
    return snapshot


@transaction.atomic
def handout_email_request(
    *, actor: User, version: PlanVersion, with_progress: bool
) -> tuple[HandoutEmail, bool]:
    """Ask for the handout to be emailed to the client's address; (request, is new).

    A repeat is the same handout to the same address asked for while the first is still
    queued, or within REPEAT_WINDOW of it with the client's record unchanged since: a
    double click, not a resend to a corrected address. Raises ValueError when the client
    has no email address or the version is not issued.
    Side effects: the request; the email task, enqueued when this commits.
    """
    if not version.is_issued:
        raise ValueError("Only an issued version has a handout to email.")
    # Lock the client: a simultaneous second click waits here, then sees the first request.
    client = (
        Client.objects.select_for_update(no_key=True)
        .only("email", "updated_at")
        .get(pk=version.plan.assessment.client_id)
    )
    if not client.email:
        raise ValueError("The client has no email address on record.")
    earlier = (
        HandoutEmail.objects.filter(
            plan_version=version, with_progress=with_progress, to=client.email
        )
        .exclude(status=EmailStatus.FAILED)
        .order_by("-created_at")
        .first()
    )
    recent = timezone.now() - REPEAT_WINDOW
    if earlier is not None and (
        earlier.status == EmailStatus.QUEUED
        or (earlier.created_at >= max(recent, client.updated_at))
    ):
        return earlier, False
    request = HandoutEmail(
        plan_version=version, with_progress=with_progress, to=client.email, requested_by=actor
    )
    request.full_clean()
    request.save()
    transaction.on_commit(lambda: enqueue_email(request.pk))
    return request, True


@transaction.atomic
def handout_render_retry(*, actor: User, pdf: HandoutPDF) -> None:
    """A clinic admin asks for a failed PDF again: queued afresh, one more task.

    Side effects: status queued, attempts 0; the render task (on commit); audit entry
    (change, "handout").
    """
    row = (
        HandoutPDF.objects.select_for_update()
        .select_related("plan_version__plan__assessment__client")
        .get(pk=pdf.pk)
    )
    if row.is_ready:
        return
    row.status, row.attempts, row.error = RenderStatus.QUEUED, 0, ""
    row.save(update_fields=["status", "attempts", "error", "updated_at"])
    client = row.plan_version.plan.assessment.client
    audit_client_record(
        actor=actor,
        client=client,
        action=AuditAction.CHANGE,
        object_type="handout",
        object_id=row.plan_version_id,
        detail=f"handout PDF queued again (plan version {row.plan_version.number})",
    )
    version_id, kind = row.plan_version_id, row.with_progress
    transaction.on_commit(lambda: enqueue_render(version_id, with_progress=kind))

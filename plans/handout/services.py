"""Writes of the handout: freeze it at issue, render it once, record failures, retry.

Rendering runs in the task worker (`plans.handout.tasks`), queued when the issue commits.
A download that finds no finished PDF (the worker is stopped, behind, or failed) renders
it then through the same `handout_pdf_ensure`, which locks the version's row for that
kind first: whoever comes second waits and then serves the first one's PDF, so a version
is rendered once (docs/handout.md, "Rendering").
"""

from __future__ import annotations

import logging
from functools import partial

from django.contrib.auth.models import User
from django.db import DatabaseError, transaction

from clinic.models import AuditAction
from clinic.services.audit import audit_record
from plans.handout.context import TEMPLATE_VERSION
from plans.handout.render import handout_render
from plans.handout.snapshot import take_snapshot
from plans.models import HandoutPDF, HandoutSnapshot, PlanVersion, RenderStatus

logger = logging.getLogger(__name__)

# Both kinds are made at issue: the progress page is one click away in the builder.
KINDS = (False, True)


class HandoutRenderError(Exception):
    """The PDF could not be made. Nothing was stored, and the plan is unchanged."""


def handout_issue(*, version: PlanVersion) -> HandoutSnapshot:
    """Freeze the issued version's handout and queue its PDFs (call inside the issue).

    Side effects: the snapshot; a queued HandoutPDF of each kind; one render task of each
    kind, enqueued when the surrounding transaction commits.
    """
    from plans.handout.tasks import enqueue_render  # the tasks module imports this one

    snapshot = take_snapshot(version)
    HandoutPDF.objects.bulk_create(
        HandoutPDF(plan_version=version, with_progress=kind) for kind in KINDS
    )
    for kind in KINDS:
        transaction.on_commit(partial(enqueue_render, version.pk, with_progress=kind))
    return snapshot


def snapshot_of(version_id: int) -> HandoutSnapshot:
    """The version's snapshot; a version issued before snapshots existed gets one now.

    That one is taken from the records as they are now (the best account left of what
    the client was given), once: from then on it is frozen like every other.
    """
    snapshot = HandoutSnapshot.objects.filter(plan_version_id=version_id).first()
    if snapshot is not None:
        return snapshot
    version = PlanVersion.objects.select_related(
        "plan__assessment__client__clinic", "issued_by__membership"
    ).get(pk=version_id)
    return take_snapshot(version)


@transaction.atomic
def handout_pdf_ensure(*, version_id: int, with_progress: bool, why: str) -> HandoutPDF:
    """The version's finished PDF of this kind, rendering and storing it if there is none.

    Locks the version's row of this kind first, so a worker and a download (or two
    workers) asking at once render once: the second waits, then finds the PDF. `why` is
    logged when this call renders outside the worker ("download: worker not done yet").
    Raises HandoutRenderError when WeasyPrint fails (logged; nothing stored); database
    errors pass through unchanged. PlanVersion.DoesNotExist for a version that is gone.
    Side effects on a render: the PDF, its page count and file name; renders + 1.
    """
    version = PlanVersion.objects.only("status").get(pk=version_id)
    if not version.is_issued:
        raise ValueError(f"Plan version {version_id} is not issued: it has no handout.")
    row, _ = HandoutPDF.objects.get_or_create(
        plan_version_id=version_id, with_progress=with_progress
    )
    row = HandoutPDF.objects.select_for_update().get(pk=row.pk)
    if row.is_ready:
        return row
    snapshot = snapshot_of(version_id)
    try:
        rendered = handout_render(snapshot, with_progress=with_progress)
    except DatabaseError:
        raise
    except Exception as error:
        logger.exception("The handout for plan version %s could not be rendered", version_id)
        raise HandoutRenderError(f"Plan version {version_id}: render failed") from error
    if why:
        logger.info("Handout for plan version %s rendered on %s", version_id, why)
    row.pdf, row.pages, row.renders = rendered.pdf, rendered.pages, row.renders + 1
    row.status, row.error = RenderStatus.READY, ""
    row.file_name = snapshot.content["client"]["file_name"]
    row.template_version = TEMPLATE_VERSION
    row.full_clean()
    row.save()
    return row


@transaction.atomic
def handout_render_failed(
    *, version_id: int, with_progress: bool, error: BaseException, final: bool
) -> None:
    """Record a failed attempt of the render task; after the last one the PDF is failed.

    Side effects: attempts + 1, the error's class name (never its text, which may quote
    the handout); status failed when `final`. A PDF made meanwhile is left alone.
    """
    row = (
        HandoutPDF.objects.select_for_update()
        .filter(plan_version_id=version_id, with_progress=with_progress)
        .first()
    )
    if row is None or row.is_ready:
        return
    row.attempts += 1
    row.error = type(error.__cause__ or error).__name__[:200]
    if final:
        row.status = RenderStatus.FAILED
    row.save(update_fields=["attempts", "error", "status", "updated_at"])


@transaction.atomic
def handout_render_retry(*, actor: User, pdf: HandoutPDF) -> None:
    """A clinic admin asks for a failed PDF again: queued afresh, one more task.

    Side effects: status queued, attempts 0; the render task (on commit); audit entry
    (change, "handout").
    """
    from plans.handout.tasks import enqueue_render

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
    audit_record(
        actor=actor,
        clinic=client.clinic_id,
        action=AuditAction.CHANGE,
        object_type="handout",
        object_id=row.plan_version_id,
        client_id=client.pk,
        detail=f"handout PDF queued again (plan version {row.plan_version.number})",
    )
    version_id, kind = row.plan_version_id, row.with_progress
    transaction.on_commit(lambda: enqueue_render(version_id, with_progress=kind))

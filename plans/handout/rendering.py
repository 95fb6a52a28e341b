"""Making an issued version's handout PDF, once: the work of the render task and of a
download that cannot wait for it.

`handout_pdf_ensure` locks the version's row for that kind first: whoever comes second (a
second worker, a download racing the worker) waits and then serves the first one's PDF,
so a version is rendered once (docs/handout.md, "Rendering").
"""

from __future__ import annotations

import logging

from django.db import DatabaseError, transaction

from plans.handout.context import TEMPLATE_VERSION
from plans.handout.render import handout_render
from plans.handout.snapshot import take_snapshot
from plans.models import HandoutPDF, HandoutSnapshot, PlanVersion, RenderStatus

logger = logging.getLogger(__name__)


class HandoutRenderError(Exception):
    """The PDF could not be made. Nothing was stored, and the plan is unchanged."""


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

"""A handout download, for the web view and the `handout_pdf` command alike.

One scoped read of the stored PDF; if the worker has not made it yet, it is made now
(and stored, once). Every download writes an audit entry (export), whoever asks.
"""

from django.contrib.auth.models import User

from clinic.models import AuditAction
from clinic.services.audit import audit_client_record
from plans.handout import selectors
from plans.handout.emailing import handout_audit_detail
from plans.handout.rendering import handout_pdf_ensure
from plans.models import HandoutPDF, PlanVersion


def handout_what(text: str, with_progress: bool) -> str:
    return f"{text} with progress page" if with_progress else text


def handout_audit(*, actor: User, version: PlanVersion, action: AuditAction, what: str) -> None:
    """The audit entry for something done with a version's handout."""
    client = version.plan.assessment.client
    audit_client_record(
        actor=actor,
        client=client,
        action=action,
        object_type="handout",
        object_id=version.pk,
        detail=handout_audit_detail(what, version.number),
    )


def handout_download(*, actor: User, version_id: int, with_progress: bool) -> HandoutPDF:
    """The version's PDF for the actor (another clinic's: Http404), audited as an export.

    Raises HandoutRenderError if it has to be made now and cannot be.
    Side effects: the PDF stored if it was made now; audit entry (export).
    """
    pdf = selectors.handout_pdf_ready(actor, version_id, with_progress=with_progress)
    if pdf is None:
        version = selectors.issued_version_get(actor, version_id)  # a 404 if not theirs
        pdf = handout_pdf_ensure(
            version_id=version.pk,
            with_progress=with_progress,
            why="download: the worker had not made it yet",
        )
        pdf.plan_version = version
    what = handout_what("handout PDF downloaded", with_progress)
    handout_audit(actor=actor, version=pdf.plan_version, action=AuditAction.EXPORT, what=what)
    return pdf

"""The steps every draft edit shares: the row lock with the lock-number check, the lock
raised after the edit, and the audit entry."""

from django.contrib.auth.models import User

from clinic.models import AuditAction
from clinic.services.audit import audit_client_record
from plans.models import PlanVersion
from plans.services.errors import PlanConflict, PlanLocked


def audit_plan_entry(actor: User, version: PlanVersion, action: AuditAction, detail: str) -> None:
    """One audit entry about the version's plan, in its client's record."""
    audit_client_record(
        actor=actor,
        client=version.plan.assessment.client,
        action=action,
        object_type="plan",
        object_id=version.plan_id,
        detail=detail,
    )


def audit_plan(actor: User, version: PlanVersion, detail: str) -> None:
    """The entry of an edit: `v<number>: <what changed>`."""
    audit_plan_entry(actor, version, AuditAction.CHANGE, f"v{version.number}: {detail}")


def draft_for_update(version: PlanVersion) -> PlanVersion:
    """The version, locked for this transaction; PlanLocked once it is issued."""
    current = (
        PlanVersion.objects.select_for_update()
        .select_related("plan__assessment__client__clinic")
        .get(pk=version.pk)
    )
    if current.is_issued:
        raise PlanLocked("This version is issued. Start a new version to change it.")
    return current


def locked_draft(version: PlanVersion, expected_lock: int) -> PlanVersion:
    """The draft, locked, at the lock number the editor loaded; PlanConflict if not."""
    current = draft_for_update(version)
    if current.lock != expected_lock:
        raise PlanConflict("Someone else changed this draft plan meanwhile.")
    return current


def bump_lock(version: PlanVersion, actor: User, detail: str) -> PlanVersion:
    version.lock += 1
    version.full_clean()
    version.save()
    audit_plan(actor, version, detail)
    return version

"""Issuing a draft (the handout snapshot and the program link with it), revising an issued
version into the next draft, and noting that the builder showed a version."""

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from assessments.interpretation import findings as assessment_findings
from clinic.models import AuditAction
from plans.handout.services import handout_issue
from plans.models import Plan, PlanItem, PlanVersion, VersionStatus
from plans.program.services import program_link_issue
from plans.services.errors import PlanBlocked, PlanLocked
from plans.services.steps import audit_plan, audit_plan_entry, bump_lock, locked_draft


@transaction.atomic
def plan_issue(
    *, actor: User, version: PlanVersion, expected_lock: int, override_reason: str = ""
) -> PlanVersion:
    """Make the draft an immutable, numbered version.

    Refused (PlanBlocked) for a visit with red flags unless an override reason is given.
    Side effects: issued stamp; the handout's snapshot (what the client is given, frozen
    now) and its PDFs queued for the worker when this commits (plans.handout.services);
    audit entry.
    """
    current = locked_draft(version, expected_lock)
    # Emergency and urgent red flags stop issuing; a routine referral does not (docs/rules.md).
    red_flags = [f for f in assessment_findings(current.plan.assessment) if f.stops_plan]
    reason = override_reason.strip()
    if red_flags and not reason:
        titles = ", ".join(f.title for f in red_flags)
        raise PlanBlocked(
            f"This visit has red flags ({titles}). Refer the client; to issue a home "
            "program anyway, give the reason for the override."
        )
    if not current.items.exists():
        raise ValidationError("Add at least one item before issuing the plan.")
    current.override_reason = reason if red_flags else ""
    current.status = VersionStatus.ISSUED
    current.issued_at = timezone.now()
    current.issued_by = actor
    issued = bump_lock(current, actor, "issued" + (" with red-flag override" if red_flags else ""))
    handout_issue(version=issued)
    program_link_issue(version=issued)
    return issued


@transaction.atomic
def plan_revise(*, actor: User, version: PlanVersion) -> PlanVersion:
    """Start the next version as a draft copy of an issued one (or return the open draft).

    Side effects: new version with copied items; audit entry.
    """
    plan = Plan.objects.select_for_update().get(pk=version.plan_id)
    draft = plan.versions.filter(status=VersionStatus.DRAFT).first()
    if draft is not None:
        return draft
    latest = plan.versions.order_by("-number").first()
    if latest is None:
        raise PlanLocked("A plan without versions cannot be revised.")
    # The message starts empty: last time's words are offered, never silently reused.
    new = PlanVersion.objects.create(plan=plan, number=latest.number + 1, created_by=actor)
    copies = []
    for item in latest.items.all():
        item.pk = None
        item.plan_version = new
        copies.append(item)
    PlanItem.objects.bulk_create(copies)
    new.plan = plan
    audit_plan(actor, new, f"started from v{latest.number}")
    return new


def plan_viewed(*, actor: User, version: PlanVersion) -> None:
    """Note that the actor was shown the plan version (the builder).

    Side effect: audit entry (view, "plan", the version's number as detail).
    """
    audit_plan_entry(actor, version, AuditAction.VIEW, f"v{version.number}")

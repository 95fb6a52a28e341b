"""Writes for the client's answers: sent from the program page (the client's change, no
user, as the ticks are), and used in the therapist's next visit. Both audited."""

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from assessments.models import Assessment
from clinic.models import AuditAction
from clinic.services.audit import audit_client_record
from plans.models import ProgramAnswers, ProgramLink


def _audit(link: ProgramLink, action: AuditAction, detail: str, actor: User | None) -> None:
    """As every program entry: object "program", the version's id (plans/program/services)."""
    audit_client_record(
        actor=actor,
        client=link.version.plan.assessment.client,
        action=action,
        object_type="program",
        object_id=link.version_id,
        detail=detail,
    )


@transaction.atomic
def program_answers_send(
    *,
    link: ProgramLink,
    pain_now: int | None,
    pain_worst: int | None,
    since_last_visit: str,
    psfs: list[dict[str, object]],
) -> ProgramAnswers:
    """Keep the client's answers before the next visit. A link holds one open set: a new
    send replaces it (the latest is what the client means), so a double submit is one row.

    Side effects: the link's open ProgramAnswers made or replaced; audit entry (change, no
    user).
    """
    # One writer per link: two sends at once wait here, and the second replaces the first.
    ProgramLink.objects.select_for_update().filter(pk=link.pk).first()
    answers = ProgramAnswers.objects.filter(link=link, used_at__isnull=True).first()
    answers = answers or ProgramAnswers(link=link)
    answers.pain_now, answers.pain_worst = pain_now, pain_worst
    answers.since_last_visit, answers.psfs = since_last_visit, psfs
    answers.submitted_at = timezone.now()
    answers.full_clean(validate_constraints=False)  # the one open set: the lock above
    answers.save()
    _audit(
        link,
        AuditAction.CHANGE,
        f"client sent their answers before the visit ({answers.pk})",
        None,
    )
    return answers


def program_answers_shown(*, actor: User, answers: ProgramAnswers, where: str) -> None:
    """The therapist was shown the client's answers (`where`: the page). Side effect: audit
    entry (view)."""
    _audit(answers.link, AuditAction.VIEW, f"client's answers {answers.pk} shown ({where})", actor)


@transaction.atomic
def program_answers_use(
    *, actor: User, answers: ProgramAnswers, assessment: Assessment
) -> ProgramAnswers:
    """Mark the answers used in the visit's draft (call inside the write that filled it):
    they are not offered again.

    Side effects: used_at, used_in, used_by; audit entry (change).
    """
    answers.used_at, answers.used_in, answers.used_by = timezone.now(), assessment, actor
    answers.save(update_fields=["used_at", "used_in", "used_by"])
    detail = f"client's answers {answers.pk} used in assessment {assessment.pk}"
    _audit(answers.link, AuditAction.CHANGE, detail, actor)
    return answers

"""Writes for the program link: made when a version is issued (ending the client's older
links), revoked by the clinic, and what the client's phone sends. Every write and every
opening of the page is audited; the client's own acts name no user (clinic/services/audit)."""

import datetime

from django.conf import settings
from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.utils import timezone

from clinic.models import AuditAction
from clinic.services.audit import audit_client_record
from plans.library import HOME_EXERCISE_KINDS
from plans.models import EndReason, PlanVersion, ProgramDay, ProgramLink, ProgramTick
from plans.program import tokens
from plans.program.adherence import Exercise
from plans.program.payload import Payload


def _audit(link: ProgramLink, action: AuditAction, detail: str, actor: User | None) -> None:
    client = link.version.plan.assessment.client
    audit_client_record(
        actor=actor,
        client=client,
        action=action,
        object_type="program",
        object_id=link.version_id,
        detail=detail,
    )


def program_link_issue(*, version: PlanVersion) -> ProgramLink:
    """The issued version's link (call inside the issue's transaction). The client's older
    links end (superseded): only the newest program is the client's to follow.

    Side effects: the older links ended; one ProgramLink; no audit entry of its own (the
    issue's entry covers it).
    """
    client = version.plan.assessment.client
    now = timezone.now()
    ProgramLink.objects.filter(
        version__plan__assessment__client=client, ended_at__isnull=True
    ).update(ended_at=now, end_reason=EndReason.SUPERSEDED)
    salt = tokens.new_salt()
    home = [item for item in version.items.all() if item.kind in HOME_EXERCISE_KINDS]
    per_week = sum(
        Exercise(i.slug, i.name, i.times_per_day, i.days_per_week).per_week for i in home
    )
    return ProgramLink.objects.create(
        version=version,
        salt=salt,
        planned_per_week=per_week,
        digest=tokens.digest_of(tokens.token_for(salt, settings.SECRET_KEY)),
        expires_at=now + datetime.timedelta(weeks=client.clinic.program_weeks),
    )


@transaction.atomic
def program_link_revoke(*, actor: User, link: ProgramLink) -> ProgramLink:
    """End the link now (the clinic's choice); a link already ended stays as it ended.

    Side effects: audit entry (change, "program", "link revoked").
    """
    current = ProgramLink.objects.select_for_update().get(pk=link.pk)
    if current.ended_at is None:
        current.ended_at = timezone.now()
        current.end_reason = EndReason.REVOKED
        current.ended_by = actor
        current.save(update_fields=["ended_at", "end_reason", "ended_by"])
        _audit(link, AuditAction.CHANGE, "link revoked", actor)
    return current


def program_opened(*, link: ProgramLink) -> None:
    """The client opened their program page. Side effects: audit entry (view, no user)."""
    _audit(link, AuditAction.VIEW, "program page opened by the client's link", None)


@transaction.atomic
def program_record(*, link: ProgramLink, payload: Payload) -> list[str]:
    """Apply the phone's ticks (by uid: a repeat changes nothing) and days (the latest sent
    wins). Returns the uids and days applied, for the phone to clear.

    Side effects: ProgramTick rows made or deleted, ProgramDay rows written; one audit
    entry (change, no user) when anything was sent.
    """
    applied: list[str] = []
    for tick in payload.ticks:
        if tick.done:
            try:
                with transaction.atomic():
                    ProgramTick.objects.get_or_create(
                        link=link, uid=tick.uid, defaults={"slug": tick.slug, "day": tick.day}
                    )
            except IntegrityError:  # the same tick sent twice at once: stored by the other
                pass
        else:
            ProgramTick.objects.filter(link=link, uid=tick.uid).delete()
        applied.append(str(tick.uid))
    for day in payload.days:
        ProgramDay.objects.update_or_create(
            link=link, day=day.day, defaults={"pain": day.pain, "note": day.note}
        )
        applied.append(day.day.isoformat())
    if applied:
        _audit(
            link,
            AuditAction.CHANGE,
            f"client sent {len(payload.ticks)} ticks, {len(payload.days)} days",
            None,
        )
    return applied

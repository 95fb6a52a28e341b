"""Archiving, restoring and erasing a client record (issue 6); every one audited.

Archive hides a client from the list and keeps everything; any staff member of the
clinic may archive or restore. Erase deletes the client with every visit, measurement,
amendment, plan, plan version, plan item and cached handout (all hang off the client by
CASCADE foreign keys) and leaves one audit tombstone without name, birth date or health
data. Only a clinic admin may erase, and only after typing the client's full name.
"""

from collections import Counter

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import router, transaction
from django.db.models import Model
from django.db.models.deletion import Collector

from clinic.models import AuditAction, AuditEntry, Client, Membership, Role
from clinic.panels.cache import client_panels_forget
from clinic.services.audit import audit_record
from clinic.services.clients import ConcurrentEditError

ERASE_NOT_ALLOWED = (
    "Only a clinic admin can erase a client record. Ask your clinic admin if the client "
    "has asked for their record to be erased."
)
NOT_STAFF = "Your account is not a member of this client's clinic."
NAME_MISMATCH = "That is not this client's full name. Type it exactly as shown above."


def _normalised(name: str) -> str:
    return " ".join(name.split()).casefold()


def erase_name_matches(client: Client, typed: str) -> bool:
    """Whether the typed confirmation is the client's full name (any case, spacing)."""
    return _normalised(typed) == _normalised(client.full_name)


def can_erase(user: User, client: Client) -> bool:
    """Only clinic admins of the client's own clinic may erase a record."""
    return Membership.objects.filter(
        user_id=user.pk, clinic_id=client.clinic_id, role=Role.ADMIN
    ).exists()


def erasure_summary(client: Client) -> list[tuple[str, int]]:
    """What erasing the client would remove, as (kind, count), found the way delete() will.

    A read for the confirmation page; Django's deletion collector walks every CASCADE
    relation, so a model added later is listed without a change here. Writes nothing.
    """
    collector = Collector(using=router.db_for_write(Client))
    collector.collect([client])
    counts: Counter[type[Model]] = Counter()
    for model, instances in collector.data.items():
        counts[model] += len(instances)
    for queryset in collector.fast_deletes:
        counts[queryset.model] += queryset.count()
    del counts[Client]
    return [
        (str(model._meta.verbose_name if n == 1 else model._meta.verbose_name_plural), n)
        for model, n in counts.items()
        if n
    ]


def _require_staff(user: User, client: Client) -> None:
    if not Membership.objects.filter(user_id=user.pk, clinic_id=client.clinic_id).exists():
        raise PermissionDenied(NOT_STAFF)


def _set_archived(*, actor: User, client: Client, expected_version: int, archived: bool) -> Client:
    _require_staff(actor, client)
    current = Client.objects.select_for_update().get(pk=client.pk)
    if current.version != expected_version:
        raise ConcurrentEditError(current)
    if current.archived == archived:
        return current
    current.archived = archived
    current.version += 1
    current.full_clean()
    current.save()
    audit_record(
        actor=actor,
        clinic=current.clinic,
        action=AuditAction.CHANGE,
        object_type="client",
        object_id=current.pk,
        client_id=current.pk,
        detail="archived" if archived else "restored from the archive",
    )
    return current


@transaction.atomic
def client_archive(*, actor: User, client: Client, expected_version: int) -> Client:
    """Hide the client from the client list, keeping every record.

    Raises ConcurrentEditError (and changes nothing) if the record changed since
    `expected_version`; PermissionDenied for anyone outside the client's clinic. Does
    nothing when already archived. Side effects: version bump; audit entry (change).
    """
    return _set_archived(
        actor=actor, client=client, expected_version=expected_version, archived=True
    )


@transaction.atomic
def client_restore(*, actor: User, client: Client, expected_version: int) -> Client:
    """Bring an archived client back into the client list.

    Raises like client_archive; does nothing when not archived. Side effects: version
    bump; audit entry (change).
    """
    return _set_archived(
        actor=actor, client=client, expected_version=expected_version, archived=False
    )


def _tombstone_detail(removed: dict[str, int]) -> str:
    """What was removed, as counts only: no name, birth date or health data."""
    visits = removed.get("assessments.Assessment", 0)
    plans = removed.get("plans.Plan", 0)
    rows = sum(removed.values())
    return (
        f"Client record erased on request: {visits} visit{'s' * (visits != 1)} and "
        f"{plans} plan{'s' * (plans != 1)} removed ({rows} rows in all)"
    )


@transaction.atomic
def client_erase(*, actor: User, client: Client, confirm_name: str) -> AuditEntry:
    """Delete the client and everything recorded about them, on the client's request.

    `confirm_name` must be the client's full name (case and surrounding spaces ignored),
    else ValidationError on "confirm_name" and nothing is removed. PermissionDenied
    unless the actor is a clinic admin of the client's clinic.
    Side effects: deletes the client, their assessments, measurements, amendments,
    plans, plan versions, plan items and cached handout PDFs (CASCADE), and, once
    committed, the client's cached client-page panels; earlier audit
    entries are kept (they hold ids, not health data); one audit entry (erase) is added
    as the tombstone, with counts only.
    """
    if not can_erase(actor, client):
        raise PermissionDenied(ERASE_NOT_ALLOWED)
    current = Client.objects.select_for_update().select_related("clinic").get(pk=client.pk)
    if not erase_name_matches(current, confirm_name):
        raise ValidationError({"confirm_name": NAME_MISMATCH})
    clinic, client_id = current.clinic, current.pk
    _total, removed = current.delete()
    transaction.on_commit(lambda: client_panels_forget(client_id))
    return audit_record(
        actor=actor,
        clinic=clinic,
        action=AuditAction.ERASE,
        object_type="client",
        object_id=client_id,
        client_id=client_id,
        detail=_tombstone_detail(removed),
    )

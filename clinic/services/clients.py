"""Writes for client records; every read and change of one is audited."""

import datetime
from collections.abc import Mapping
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from clinic.models import AuditAction, AuditEntry, Client, Clinic
from clinic.services.audit import audit_client_record, audit_record

# The client fields a therapist edits through the form; everything else is managed here
# (archiving is its own confirmed action: clinic.services.lifecycle).
CLIENT_FIELDS = (
    "given_name",
    "family_name",
    "preferred_name",
    "date_of_birth",
    "sex",
    "email",
    "phone",
    "occupation",
    "activities",
    "referral_source",
    "consent_date",
    "notes",
)


# A double click or the retry of a slow save comes within this; a namesake with the very
# same details added later is a person of their own.
REPEAT_WINDOW = datetime.timedelta(minutes=2)


class ConcurrentEditError(Exception):
    """The record changed since the editor loaded it; their save was not applied."""

    def __init__(self, current: Client) -> None:
        super().__init__(f"Client {current.pk} is at version {current.version}.")
        self.current = current


def _check_fields(fields: Mapping[str, Any]) -> None:
    unknown = set(fields) - set(CLIENT_FIELDS)
    if unknown:
        raise TypeError(f"Not client fields: {', '.join(sorted(unknown))}")


@transaction.atomic
def client_create(*, actor: User, clinic: Clinic, fields: Mapping[str, Any]) -> Client:
    """Create a client in the clinic, or return the identical one added moments ago.

    A repeat within REPEAT_WINDOW of the same details (a double-clicked "Save") returns
    the first record, unchanged, rather than a duplicate.
    Side effects (a new client only): records who recorded consent when a consent date is
    given; audit entry (create).
    """
    _check_fields(fields)
    client = Client(clinic=clinic, **fields)
    if client.consent_date is not None:
        client.consent_recorded_by = actor
    client.full_clean()
    # Lock the clinic first, so a simultaneous repeat waits here and then finds the first.
    Clinic.objects.select_for_update(no_key=True).only("pk").get(pk=clinic.pk)
    same = {name: getattr(client, name) for name in CLIENT_FIELDS}
    recent = timezone.now() - REPEAT_WINDOW
    repeat = Client.objects.filter(clinic=clinic, created_at__gte=recent, **same).first()
    if repeat is not None:
        return repeat
    client.save()
    audit_client_record(
        actor=actor,
        client=client,
        action=AuditAction.CREATE,
        object_type="client",
        object_id=client.pk,
    )
    return client


@transaction.atomic
def client_update(
    *, actor: User, client: Client, expected_version: int, fields: Mapping[str, Any]
) -> Client:
    """Apply an edit made against `expected_version` of the record.

    Raises ConcurrentEditError (and changes nothing) if someone saved in between.
    Side effects: bumps the version; records who recorded consent when the consent date
    changes; audit entry (change) naming the changed fields, never their values.
    """
    _check_fields(fields)
    current = Client.objects.select_for_update().get(pk=client.pk)
    if current.version != expected_version:
        raise ConcurrentEditError(current)
    changed = sorted(name for name, value in fields.items() if getattr(current, name) != value)
    if not changed:
        return current
    for name in changed:
        setattr(current, name, fields[name])
    if "consent_date" in changed:
        current.consent_recorded_by = actor if current.consent_date is not None else None
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
        detail="fields: " + ", ".join(changed),
    )
    return current


def client_record_viewed(*, actor: User, client: Client, detail: str = "") -> AuditEntry:
    """Note that the actor was shown the client's record.

    `detail` names the page when it is not the client page ("edit form", "start visit").
    Side effect: audit entry (view).
    """
    return audit_client_record(
        actor=actor,
        client=client,
        action=AuditAction.VIEW,
        object_type="client",
        object_id=client.pk,
        detail=detail,
    )

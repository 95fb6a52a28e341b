"""Writes of a clinic's own techniques (Clinic > Techniques); audited, no client."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction

from clinic.models import AuditAction, Clinic
from clinic.services.audit import audit_record
from clinic.services.staff import require_admin_actor
from treatment.models import ClinicTechnique

TECHNIQUE_FIELDS = ("name", "description", "depth", "scope", "active")


def _check_fields(fields: Mapping[str, Any]) -> None:
    unknown = set(fields) - set(TECHNIQUE_FIELDS)
    if unknown:
        raise TypeError(f"Not technique fields: {', '.join(sorted(unknown))}")


@transaction.atomic
def clinic_technique_create(
    *, actor: User, clinic: Clinic, fields: Mapping[str, Any]
) -> ClinicTechnique:
    """Add a technique to the clinic's own list.

    Raises ValidationError (a name the clinic already uses, an unknown firmness...) and adds
    nothing; PermissionDenied unless the actor is an active clinic admin there.
    Side effects: offered on the clinic's visits from now on; audit entry (create,
    "technique", no client).
    """
    _check_fields(fields)
    require_admin_actor(actor, clinic)
    # A double-clicked "Add" waits here, then full_clean() refuses the same name.
    Clinic.objects.select_for_update(no_key=True).only("pk").get(pk=clinic.pk)
    row = ClinicTechnique(clinic=clinic, **fields)
    row.full_clean()
    row.save()
    audit_record(
        actor=actor,
        clinic=clinic,
        action=AuditAction.CREATE,
        object_type="technique",
        object_id=row.pk,
        client_id=None,
        detail=row.name,
    )
    return row


@transaction.atomic
def clinic_technique_update(
    *, actor: User, technique: ClinicTechnique, fields: Mapping[str, Any]
) -> ClinicTechnique:
    """Change one of the clinic's techniques.

    Raises like clinic_technique_create and changes nothing. Side effects: rows recorded
    before keep the name and firmness they were saved with; audit entry (change,
    "technique", no client) naming the changed fields.
    """
    _check_fields(fields)
    require_admin_actor(actor, technique.clinic)
    current = ClinicTechnique.objects.select_for_update().get(pk=technique.pk)
    changed = sorted(name for name, value in fields.items() if getattr(current, name) != value)
    if not changed:
        return current
    for name in changed:
        setattr(current, name, fields[name])
    current.full_clean()
    current.save()
    audit_record(
        actor=actor,
        clinic=technique.clinic,
        action=AuditAction.CHANGE,
        object_type="technique",
        object_id=current.pk,
        client_id=None,
        detail="fields: " + ", ".join(changed),
    )
    return current

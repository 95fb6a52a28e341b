"""Writes to a clinic's own intervention library (issue 7, roles); every one audited.

Only an active clinic admin of the clinic (or a superuser, in the maintenance area) may
add, change or delete its interventions. The
built-in library (plans.library) is code and never changes here: a clinic row with a
built-in's slug replaces that entry's wording and dose for this clinic only.
"""

from collections.abc import Mapping
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction

from clinic.models import AuditAction, Clinic
from clinic.services.audit import audit_record
from clinic.services.staff import require_admin_actor
from plans.library.forms import SERVICE_FIELDS
from plans.models import ClinicIntervention, ClinicPicture
from plans.pictures import Picture


def _check_fields(fields: Mapping[str, Any]) -> None:
    unknown = set(fields) - set(SERVICE_FIELDS)
    if unknown:
        raise TypeError(f"Not intervention fields: {', '.join(sorted(unknown))}")


def _stored(clinic: Clinic, picture: Picture) -> ClinicPicture:
    """The clinic's stored picture with these bytes, stored now if it is new."""
    row, _created = ClinicPicture.objects.get_or_create(
        clinic=clinic,
        digest=picture.digest,
        defaults={"content_type": picture.content_type, "data": picture.data},
    )
    return row


@transaction.atomic
def clinic_intervention_create(
    *, actor: User, clinic: Clinic, fields: Mapping[str, Any], picture: Picture | None = None
) -> ClinicIntervention:
    """Add an intervention (or a copy of a built-in one) to the clinic's library.

    `picture` is an upload already cleaned by plans.pictures.read_picture.
    Raises ValidationError (a slug the clinic already uses, a dose out of bounds...) and
    adds nothing; PermissionDenied unless the actor is an active clinic admin there.
    Side effects: the clinic's plan builder offers it from now on (issued plans keep
    their own snapshot); the picture stored (once per clinic and content); audit entry
    (create, "intervention", no client).
    """
    _check_fields(fields)
    require_admin_actor(actor, clinic)
    # Lock the clinic first: a second "Add" of the same slug (a double click) waits here,
    # then full_clean() sees the first's row and refuses the slug, instead of a 500.
    Clinic.objects.select_for_update(no_key=True).only("pk").get(pk=clinic.pk)
    row = ClinicIntervention(clinic=clinic, **fields)
    if picture is not None:
        row.picture = _stored(clinic, picture)
    row.full_clean()
    row.save()
    audit_record(
        actor=actor,
        clinic=clinic,
        action=AuditAction.CREATE,
        object_type="intervention",
        object_id=row.pk,
        client_id=None,
        detail=row.slug,
    )
    return row


@transaction.atomic
def clinic_intervention_update(
    *,
    actor: User,
    intervention: ClinicIntervention,
    fields: Mapping[str, Any],
    picture: Picture | None = None,
    remove_picture: bool = False,
) -> ClinicIntervention:
    """Change one of the clinic's interventions; `picture` replaces its picture.

    Raises like clinic_intervention_create and changes nothing. Side effects: items added
    to plans from now on use the new wording and picture (plans keep the snapshot they
    were built with, and the pictures they name stay stored); audit entry (change,
    "intervention", no client) naming the changed fields.
    """
    _check_fields(fields)
    require_admin_actor(actor, intervention.clinic)
    current = ClinicIntervention.objects.select_for_update().get(pk=intervention.pk)
    changed = sorted(name for name, value in fields.items() if getattr(current, name) != value)
    picture_id = current.picture_id
    if picture is not None:
        picture_id = _stored(current.clinic, picture).pk
    elif remove_picture:
        picture_id = None
    if picture_id != current.picture_id:
        current.picture_id = picture_id
        changed = sorted([*changed, "picture"])
    if not changed:
        return current
    for name in changed:
        if name != "picture":
            setattr(current, name, fields[name])
    current.full_clean()
    current.save()
    audit_record(
        actor=actor,
        clinic=intervention.clinic,
        action=AuditAction.CHANGE,
        object_type="intervention",
        object_id=current.pk,
        client_id=None,
        detail=f"{current.slug}: fields: " + ", ".join(changed),
    )
    return current


@transaction.atomic
def clinic_intervention_delete(*, actor: User, intervention: ClinicIntervention) -> None:
    """Remove one of the clinic's interventions (a built-in it replaced is offered again).

    PermissionDenied unless the actor is an active clinic admin of the clinic or a
    superuser. Plans keep the snapshot they were built with.
    Side effects: audit entry (erase, "intervention", no client) naming its slug.
    """
    require_admin_actor(actor, intervention.clinic)
    current = ClinicIntervention.objects.select_for_update().get(pk=intervention.pk)
    audit_record(
        actor=actor,
        clinic=current.clinic_id,
        action=AuditAction.ERASE,
        object_type="intervention",
        object_id=current.pk,
        client_id=None,
        detail=f"{current.slug} deleted",
    )
    current.delete()

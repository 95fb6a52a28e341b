"""Creating a clinic and changing its clinical cut-offs (the maintenance area's writes).

Branding has its own service (clinic.services.branding); both write a "clinic" change
entry in the clinic's audit log naming the changed fields, never their values.
"""

from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.module_loading import import_string

from clinic.models import AuditAction, Clinic
from clinic.services.audit import audit_record
from clinic.services.branding import BRANDING_FIELDS
from clinic.services.staff import require_admin_actor

NOT_SUPERUSER = "Only a superuser can add a clinic."


def _checked_overrides(overrides: Mapping[str, Any]) -> dict[str, Any]:
    """The overrides as the clinical norms module named in settings accepts them."""
    validate = import_string(settings.CLINIC_CUTOFF_VALIDATOR)
    try:
        checked: dict[str, Any] = validate(overrides)
    except ValueError as error:
        raise ValidationError({"cutoff_overrides": str(error)}) from None
    return checked


@transaction.atomic
def clinic_create(
    *,
    actor: User,
    fields: Mapping[str, Any],
    cutoff_overrides: Mapping[str, Any] | None = None,
    logo: tuple[bytes, str] | None = None,
) -> Clinic:
    """Add a clinic with its branding (BRANDING_FIELDS), cut-offs and logo.

    Raises ValidationError keyed by field (a name another clinic uses, an unknown
    cut-off...) and adds nothing; PermissionDenied unless the actor is an active superuser.
    Side effects: audit entry (create, "clinic", no client), the first in its log.
    """
    if not (actor.is_active and actor.is_superuser):
        raise PermissionDenied(NOT_SUPERUSER)
    unknown = set(fields) - set(BRANDING_FIELDS)
    if unknown:
        raise TypeError(f"Not branding fields: {', '.join(sorted(unknown))}")
    clinic = Clinic(**fields, cutoff_overrides=_checked_overrides(cutoff_overrides or {}))
    if logo is not None:
        clinic.logo, clinic.logo_content_type = logo
    clinic.full_clean()
    clinic.save()
    audit_record(
        actor=actor,
        clinic=clinic,
        action=AuditAction.CREATE,
        object_type="clinic",
        object_id=clinic.pk,
        client_id=None,
    )
    return clinic


@transaction.atomic
def clinic_cutoffs_update(*, actor: User, clinic: Clinic, overrides: Mapping[str, Any]) -> Clinic:
    """Set the clinic's cut-off overrides (docs/clinical.md: a clinic admin may change a cut-off).

    Raises ValidationError on "cutoff_overrides" (an unknown cut-off or a value out of
    range, as settings.CLINIC_CUTOFF_VALIDATOR says) and changes nothing; PermissionDenied
    unless the actor is an active clinic admin of the clinic or a superuser.
    Side effects: findings, norms and new handouts use the new cut-offs (the clinic's
    updated_at and the overrides are part of the handout and client-page cache keys);
    audit entry (change, "clinic", no client, "fields: cutoff_overrides").
    """
    require_admin_actor(actor, clinic)
    checked = _checked_overrides(overrides)
    current = Clinic.objects.select_for_update().get(pk=clinic.pk)
    if current.cutoff_overrides == checked:
        return current
    current.cutoff_overrides = checked
    current.full_clean()
    current.save()
    audit_record(
        actor=actor,
        clinic=current,
        action=AuditAction.CHANGE,
        object_type="clinic",
        object_id=current.pk,
        client_id=None,
        detail="fields: cutoff_overrides",
    )
    return current

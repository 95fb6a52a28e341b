"""Changing a clinic's branding (issue 7, roles): the details and logo on every handout."""

from collections.abc import Mapping
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction

from clinic.models import AuditAction, Clinic
from clinic.services.audit import audit_record
from clinic.services.staff import require_admin_actor

BRANDING_FIELDS = (
    "name",
    "address",
    "phone",
    "email",
    "website",
    "handout_footer",
    "paper_size",
    "assessment_preset",
    "program_weeks",
)


@transaction.atomic
def clinic_branding_update(
    *,
    actor: User,
    clinic: Clinic,
    fields: Mapping[str, Any],
    logo: tuple[bytes, str] | None = None,
    remove_logo: bool = False,
) -> Clinic:
    """Change the clinic's name, contact details, handout footer, paper size, logo or the
    assessment page's preset (full examination or quick screen).

    `logo` is (bytes, content type) as checked by clinic.logos.read_logo; `remove_logo`
    clears it (giving both is a TypeError). Raises ValidationError keyed by field (a name
    another clinic uses, a bad email...) and changes nothing; PermissionDenied unless the
    actor is an active clinic admin of the clinic.
    Side effects: moves the clinic's updated_at, which is part of every handout's cache
    key, so the next handout is rendered with the new branding; audit entry (change,
    "clinic", no client) naming the changed fields.
    """
    unknown = set(fields) - set(BRANDING_FIELDS)
    if unknown:
        raise TypeError(f"Not branding fields: {', '.join(sorted(unknown))}")
    if logo is not None and remove_logo:
        raise TypeError("Give a new logo or remove_logo, not both.")
    require_admin_actor(actor, clinic)
    current = Clinic.objects.select_for_update().get(pk=clinic.pk)
    changed = sorted(name for name, value in fields.items() if getattr(current, name) != value)
    for name in changed:
        setattr(current, name, fields[name])
    if logo is not None:
        current.logo, current.logo_content_type = logo
        changed.append("logo")
    elif remove_logo and current.has_logo:
        current.logo, current.logo_content_type = b"", ""
        changed.append("logo removed")
    if not changed:
        return current
    current.full_clean()
    current.save()
    audit_record(
        actor=actor,
        clinic=current,
        action=AuditAction.CHANGE,
        object_type="clinic",
        object_id=current.pk,
        client_id=None,
        detail="fields: " + ", ".join(changed),
    )
    return current

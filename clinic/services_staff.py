"""Adding and changing a clinic's staff accounts (issue 7, roles); every change audited.

Only an active clinic admin of the clinic may do either. A clinic always keeps at least
one active clinic admin, and an admin cannot demote or deactivate themselves (another
admin must), so nobody locks a clinic out of its own settings by accident.
"""

from collections.abc import Mapping
from typing import Any

from django.contrib.auth import password_validation
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from clinic.access import NOT_CLINIC_ADMIN
from clinic.models import AuditAction, Clinic, Membership, Role
from clinic.services import audit_record

# What a clinic admin may change about a staff member (the username stays as created).
USER_FIELDS = ("first_name", "last_name", "email", "is_active")
MEMBERSHIP_FIELDS = ("title", "role")
STAFF_FIELDS = USER_FIELDS + MEMBERSHIP_FIELDS

USERNAME_TAKEN = "This username is taken. Choose another."
NOT_YOURSELF_ROLE = "You cannot remove your own clinic admin role. Ask another clinic admin."
NOT_YOURSELF_ACTIVE = "You cannot deactivate your own account. Ask another clinic admin."
LAST_ADMIN = (
    "{name} is the clinic's last active clinic admin. Make someone else a clinic admin "
    "first, so the clinic can still manage its staff."
)


def require_admin_actor(actor: User, clinic: Clinic) -> None:
    """PermissionDenied unless the actor is an active clinic admin of this clinic."""
    is_admin = Membership.objects.filter(
        user_id=actor.pk, clinic_id=clinic.pk, role=Role.ADMIN, user__is_active=True
    ).exists()
    if not is_admin:
        raise PermissionDenied(NOT_CLINIC_ADMIN)


@transaction.atomic
def staff_create(
    *,
    actor: User,
    clinic: Clinic,
    username: str,
    first_name: str,
    last_name: str,
    email: str,
    title: str,
    role: str,
    password: str,
) -> Membership:
    """Create a staff account in the clinic with an initial password.

    Raises ValidationError keyed by field (username taken in any case, a password that
    fails the configured validators, a bad email...) and creates nothing; PermissionDenied
    unless the actor is an active clinic admin of the clinic.
    Side effects: a user and their membership; audit entry (create, "staff", no client).
    """
    require_admin_actor(actor, clinic)
    user = User(username=username, first_name=first_name, last_name=last_name, email=email)
    membership = Membership(clinic=clinic, title=title, role=role)
    errors: dict[str, list[str]] = {}
    try:
        password_validation.validate_password(password, user)
    except ValidationError as error:
        errors["password"] = error.messages
    user.set_password(password)
    try:
        user.full_clean()
    except ValidationError as error:
        errors.update(error.message_dict)
    if "username" not in errors and User.objects.filter(username__iexact=user.username).exists():
        errors["username"] = [USERNAME_TAKEN]
    try:
        membership.full_clean(exclude=["user"])
    except ValidationError as error:
        errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError:
        # The same username saved meanwhile by another request (a double-clicked "Add"):
        # usernames are unique across clinics, so the database is the one to ask.
        raise ValidationError({"username": [USERNAME_TAKEN]}) from None
    membership.user = user
    membership.full_clean()
    membership.save()
    audit_record(
        actor=actor,
        clinic=clinic,
        action=AuditAction.CREATE,
        object_type="staff",
        object_id=user.pk,
        client_id=None,
        detail=f"{user.username} as {membership.get_role_display()}",
    )
    return membership


def _check_admin_kept(actor: User, current: Membership, role: str, is_active: bool) -> None:
    """Refuse a change that takes away the actor's own admin or the clinic's last admin."""
    if not (current.is_admin and current.user.is_active):
        return
    if role == Role.ADMIN and is_active:
        return
    field = "is_active" if not is_active else "role"
    if current.user_id == actor.pk:
        message = NOT_YOURSELF_ACTIVE if field == "is_active" else NOT_YOURSELF_ROLE
        raise ValidationError({field: message})
    others = Membership.objects.filter(
        clinic_id=current.clinic_id, role=Role.ADMIN, user__is_active=True
    ).exclude(pk=current.pk)
    if not others.exists():
        name = current.user.get_full_name() or current.user.get_username()
        raise ValidationError({field: LAST_ADMIN.format(name=name)})


@transaction.atomic
def staff_update(*, actor: User, member: Membership, fields: Mapping[str, Any]) -> Membership:
    """Change a staff member's names, email, title, role or whether they can sign in.

    Raises ValidationError (and changes nothing) when the change would demote or
    deactivate the actor themselves or the clinic's last active admin, or a value is
    invalid; PermissionDenied unless the actor is an active clinic admin of the clinic.
    Side effects: a deactivated user is signed out on their next request (Django refuses
    inactive users' sessions); audit entry (change, "staff", no client) naming the
    changed fields.
    """
    unknown = set(fields) - set(STAFF_FIELDS)
    if unknown:
        raise TypeError(f"Not staff fields: {', '.join(sorted(unknown))}")
    require_admin_actor(actor, member.clinic)
    # Lock the clinic's admin rows first, in one order, so two admins demoting each other
    # at the same moment are serialised: the second sees the first's change and is refused.
    list(
        Membership.objects.select_for_update()
        .filter(clinic_id=member.clinic_id, role=Role.ADMIN)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    current = Membership.objects.select_for_update().select_related("user").get(pk=member.pk)
    user = current.user
    changed = sorted(
        name
        for name, value in fields.items()
        if getattr(user if name in USER_FIELDS else current, name) != value
    )
    if not changed:
        return current
    _check_admin_kept(
        actor,
        current,
        role=fields.get("role", current.role),
        is_active=fields.get("is_active", user.is_active),
    )
    for name in changed:
        setattr(user if name in USER_FIELDS else current, name, fields[name])
    user.full_clean()
    current.full_clean()
    user.save()
    current.save()
    audit_record(
        actor=actor,
        clinic=member.clinic,
        action=AuditAction.CHANGE,
        object_type="staff",
        object_id=user.pk,
        client_id=None,
        detail="fields: " + ", ".join(changed),
    )
    return current

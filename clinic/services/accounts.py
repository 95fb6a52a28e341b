"""Memberships and accounts changed in the maintenance area (/admin/); every change audited.

The in-app staff pages (clinic.services.staff) cover what a clinic admin does; these cover
what only the maintenance area does: joining an existing account to a clinic, removing a
membership, and a superuser's changes to an account. They keep the same rules (a clinic
always keeps an active clinic admin) and write the same "staff" entries in the account's
clinic. An account in no clinic has no clinic log to write to, so its changes are not
audited there (Django's own admin history still records them).
"""

from collections.abc import Mapping
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from clinic.models import AuditAction, Clinic, Membership, Profession, Role
from clinic.services.audit import audit_record
from clinic.services.staff import (
    USERNAME_TAKEN,
    audit_staff_joined,
    check_admin_kept,
    lock_clinic_admins,
    require_admin_actor,
)

# What the maintenance area's account form changes (the password has its own form).
ACCOUNT_FIELDS = (
    "username",
    "first_name",
    "last_name",
    "email",
    "is_active",
    "is_staff",
    "is_superuser",
    "last_login",
    "date_joined",
)
ACCOUNT_RELATIONS = ("groups", "user_permissions")
NOT_SUPERUSER = "Only a superuser can change accounts in the maintenance area."


def _require_superuser(actor: User) -> None:
    if not (actor.is_active and actor.is_superuser):
        raise PermissionDenied(NOT_SUPERUSER)


def _audit_staff(actor: User, clinic: Clinic | int, user_id: int, detail: str) -> None:
    audit_record(
        actor=actor,
        clinic=clinic,
        action=AuditAction.CHANGE,
        object_type="staff",
        object_id=user_id,
        client_id=None,
        detail=detail,
    )


def _membership(user_id: int) -> Membership | None:
    """The account's membership (an account belongs to one clinic at most), if any."""
    return Membership.objects.select_related("user").filter(user_id=user_id).first()


@transaction.atomic
def staff_join(
    *,
    actor: User,
    clinic: Clinic,
    user: User,
    role: str,
    title: str,
    profession: str = Profession.OTHER,
) -> Membership:
    """Make an existing account a staff member of the clinic.

    Raises ValidationError keyed by field (the account already belongs to a clinic, an
    unknown role...) and changes nothing; PermissionDenied unless the actor is an active
    clinic admin of the clinic or a superuser.
    Side effects: the membership; audit entry (create, "staff", no client), the same
    entry as adding staff on the staff page.
    """
    require_admin_actor(actor, clinic)
    membership = Membership(
        user=user, clinic=clinic, role=role, title=title, profession=profession
    )
    membership.full_clean()
    membership.save()
    audit_staff_joined(actor=actor, membership=membership)
    return membership


@transaction.atomic
def staff_remove(*, actor: User, member: Membership) -> None:
    """Take the account out of its clinic; the account itself stays.

    Raises ValidationError on "role" (and removes nothing) when the member is the actor's
    own admin membership or the clinic's last active admin; PermissionDenied unless the
    actor is an active clinic admin of the clinic or a superuser.
    Side effects: deletes the membership; audit entry (change, "staff", no client).
    """
    require_admin_actor(actor, member.clinic)
    lock_clinic_admins(member.clinic_id)
    current = Membership.objects.select_for_update().select_related("user").get(pk=member.pk)
    check_admin_kept(
        actor=actor, current=current, role=Role.THERAPIST, is_active=current.user.is_active
    )
    _audit_staff(actor, current.clinic_id, current.user_id, "removed from the clinic")
    current.delete()


def _changed(user: User, fields: Mapping[str, Any]) -> list[str]:
    changed = [
        name for name in ACCOUNT_FIELDS if name in fields and getattr(user, name) != fields[name]
    ]
    for name in ACCOUNT_RELATIONS:
        if name in fields:
            before = set(getattr(user, name).values_list("pk", flat=True))
            if before != {row.pk for row in fields[name]}:
                changed.append(name)
    return sorted(changed)


def _check_account(actor: User, user: User, fields: Mapping[str, Any]) -> None:
    """The rules an account change must keep: a free username, the clinic's last admin."""
    unknown = set(fields) - set(ACCOUNT_FIELDS) - set(ACCOUNT_RELATIONS)
    if unknown:
        raise TypeError(f"Not account fields: {', '.join(sorted(unknown))}")
    username = fields.get("username", user.username)
    taken = User.objects.filter(username__iexact=username).exclude(pk=user.pk)
    if username != user.username and taken.exists():
        raise ValidationError({"username": USERNAME_TAKEN})
    membership = _membership(user.pk)
    if membership is not None:
        check_admin_kept(
            actor=actor,
            current=membership,
            role=membership.role,
            is_active=fields.get("is_active", user.is_active),
        )


def staff_account_check(*, actor: User, user: User, fields: Mapping[str, Any]) -> None:
    """Raise the ValidationError staff_account_update would raise; writes nothing.

    For the maintenance area's form, so a refusal shows next to its field.
    """
    _check_account(actor, User.objects.get(pk=user.pk), fields)


@transaction.atomic
def staff_account_update(*, actor: User, user: User, fields: Mapping[str, Any]) -> User:
    """Change an account's fields (ACCOUNT_FIELDS) and groups or permissions (querysets).

    Raises ValidationError keyed by field (a username taken in any case, deactivating the
    clinic's last active admin or yourself as one, an invalid value) and changes nothing;
    PermissionDenied unless the actor is an active superuser.
    Side effects: a deactivated user is signed out on their next request; audit entry
    (change, "staff", no client) in the account's clinic naming the changed fields.
    """
    _require_superuser(actor)
    membership = _membership(user.pk)
    if membership is not None:
        lock_clinic_admins(membership.clinic_id)
    current = User.objects.select_for_update().get(pk=user.pk)
    changed = _changed(current, fields)
    if not changed:
        return current
    _check_account(actor, current, fields)
    for name in changed:
        if name in ACCOUNT_RELATIONS:
            getattr(current, name).set(fields[name])
        else:
            setattr(current, name, fields[name])
    current.full_clean()
    current.save()
    if membership is not None:
        _audit_staff(actor, membership.clinic_id, current.pk, "fields: " + ", ".join(changed))
    return current


def staff_password_changed(*, actor: User, user: User) -> None:
    """Audit a password the maintenance area's password form has just set.

    Django's password view saves the new hash itself; this runs in the same transaction.
    Side effect: audit entry (change, "staff", no client, "fields: password") in the
    account's clinic, if it has one.
    """
    _require_superuser(actor)
    membership = _membership(user.pk)
    if membership is not None:
        _audit_staff(actor, membership.clinic_id, user.pk, "fields: password")


@transaction.atomic
def staff_account_delete(*, actor: User, user: User) -> None:
    """Delete an account (and its membership).

    Raises ValidationError (and deletes nothing) when the account is the clinic's last
    active admin or the actor's own admin account; PermissionDenied unless the actor is
    an active superuser. Records the account made or changed (visits, plans) keep it
    (PROTECT): the maintenance area lists those and deletes nothing.
    Side effects: audit entry (erase, "staff", no client) in the account's clinic.
    """
    _require_superuser(actor)
    membership = _membership(user.pk)
    if membership is not None:
        lock_clinic_admins(membership.clinic_id)
        current = Membership.objects.select_related("user").get(pk=membership.pk)
        check_admin_kept(actor=actor, current=current, role=Role.THERAPIST, is_active=False)
        audit_record(
            actor=actor,
            clinic=membership.clinic_id,
            action=AuditAction.ERASE,
            object_type="staff",
            object_id=user.pk,
            client_id=None,
            detail="account deleted",
        )
    User.objects.get(pk=user.pk).delete()

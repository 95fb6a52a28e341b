"""Adding and changing a clinic's staff accounts (issue 7, roles); every change audited.

Only an active clinic admin of the clinic may do either. A clinic always keeps at least
one active clinic admin, and an admin cannot demote or deactivate themselves (another
admin must), so nobody locks a clinic out of its own settings by accident. Instead of
typing a password for someone, an admin can email them a link to set their own.
"""

from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.contrib.auth import password_validation
from django.contrib.auth.models import User
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from clinic.access import NOT_CLINIC_ADMIN
from clinic.models import AuditAction, Clinic, Membership, Profession, Role
from clinic.password_reset import link_expiry
from clinic.services.audit import audit_record

# What a clinic admin may change about a staff member (the username stays as created).
USER_FIELDS = ("first_name", "last_name", "email", "is_active")
MEMBERSHIP_FIELDS = ("title", "role", "profession")
STAFF_FIELDS = USER_FIELDS + MEMBERSHIP_FIELDS

USERNAME_TAKEN = "This username is taken. Choose another."
NOT_YOURSELF_ROLE = "You cannot remove your own clinic admin role. Ask another clinic admin."
NOT_YOURSELF_ACTIVE = "You cannot deactivate your own account. Ask another clinic admin."
NO_EMAIL_FOR_LINK = "Add an email address first: the link to set a password is sent there."
INACTIVE_FOR_LINK = (
    "This account is deactivated and cannot sign in. Tick “Active” and save first, then "
    "send the link."
)
LAST_ADMIN = (
    "{name} is the clinic's last active clinic admin. Make someone else a clinic admin "
    "first, so the clinic can still manage its staff."
)


def require_admin_actor(actor: User, clinic: Clinic) -> None:
    """PermissionDenied unless the actor is an active clinic admin of this clinic.

    An active superuser counts as every clinic's admin: the maintenance area (/admin/)
    writes through these services so its changes follow the same rules and are audited.
    """
    if actor.is_active and actor.is_superuser:
        return
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
    password: str | None,
    profession: str = Profession.OTHER,
) -> Membership:
    """Create a staff account in the clinic with an initial password, or none yet.

    `password=None` leaves the account without a usable password, for a link to set one
    (staff_send_password_link); such an account needs an email address to send it to.
    Raises ValidationError keyed by field (username taken in any case, a password that
    fails the configured validators, a bad or missing email...) and creates nothing;
    PermissionDenied unless the actor is an active clinic admin of the clinic.
    Side effects: a user and their membership; audit entry (create, "staff", no client).
    """
    require_admin_actor(actor, clinic)
    user = User(username=username, first_name=first_name, last_name=last_name, email=email)
    membership = Membership(clinic=clinic, title=title, role=role, profession=profession)
    errors: dict[str, list[str]] = {}
    if password is None:
        user.set_unusable_password()
        if not email:
            errors["email"] = [NO_EMAIL_FOR_LINK]
    else:
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
    audit_staff_joined(actor=actor, membership=membership)
    return membership


def audit_staff_joined(*, actor: User, membership: Membership) -> None:
    """The audit entry of an account joining a clinic: create, "staff", no client."""
    user = membership.user
    audit_record(
        actor=actor,
        clinic=membership.clinic,
        action=AuditAction.CREATE,
        object_type="staff",
        object_id=user.pk,
        client_id=None,
        detail=f"{user.username} as {membership.get_role_display()}",
    )


def check_admin_kept(*, actor: User, current: Membership, role: str, is_active: bool) -> None:
    """Refuse a change that takes away the actor's own admin or the clinic's last admin.

    `role` and `is_active` are what the member would have after the change. Raises
    ValidationError keyed by the field that takes the admin away.
    """
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


def lock_clinic_admins(clinic_id: int) -> None:
    """Lock the clinic's admin rows, in one order, until the transaction ends.

    Two admins demoting each other at the same moment are serialised this way: the second
    sees the first's change and is refused.
    """
    list(
        Membership.objects.select_for_update()
        .filter(clinic_id=clinic_id, role=Role.ADMIN)
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def staff_update_check(*, actor: User, member: Membership, fields: Mapping[str, Any]) -> None:
    """Raise the ValidationError staff_update would raise for `fields`; writes nothing.

    For forms that show the refusal next to the field before anything is saved;
    staff_update checks again under its lock.
    """
    current = Membership.objects.select_related("user").get(pk=member.pk)
    check_admin_kept(
        actor=actor,
        current=current,
        role=fields.get("role", current.role),
        is_active=fields.get("is_active", current.user.is_active),
    )


@transaction.atomic
def staff_update(*, actor: User, member: Membership, fields: Mapping[str, Any]) -> Membership:
    """Change a staff member's names, email, title, role, profession or whether they can sign in.

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
    lock_clinic_admins(member.clinic_id)
    current = Membership.objects.select_for_update().select_related("user").get(pk=member.pk)
    user = current.user
    changed = sorted(
        name
        for name, value in fields.items()
        if getattr(user if name in USER_FIELDS else current, name) != value
    )
    if not changed:
        return current
    check_admin_kept(
        actor=actor,
        current=current,
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


@transaction.atomic
def staff_send_password_link(*, actor: User, member: Membership, origin: str) -> None:
    """Email a staff member a one-use link to set their password (Django's reset link).

    `origin` is the scheme and host the link points at ("https://clinic.example.org").
    The link is made here with Django's token generator rather than through the "forgot
    password" form, which skips accounts without a usable password: those created to get
    this very link. It stops working once used, after PASSWORD_RESET_TIMEOUT, or when the
    password or email changes or the member signs in; their current password keeps
    working until the link is used.
    Raises ValidationError keyed by field when the member has no email address or is
    deactivated; PermissionDenied unless the actor is an active clinic admin of the
    member's clinic; the mail backend's error (smtplib.SMTPException, OSError) when the
    email cannot be sent, and then nothing is recorded.
    Side effects: one email; audit entry (change, "staff", no client) that never holds
    the link or its token.
    """
    require_admin_actor(actor, member.clinic)
    user = member.user
    if not user.email:
        raise ValidationError({"email": NO_EMAIL_FOR_LINK})
    if not user.is_active:
        raise ValidationError({"is_active": INACTIVE_FOR_LINK})
    path = reverse(
        "password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    context = {
        "name": user.get_full_name() or user.get_username(),
        "username": user.get_username(),
        "sender": actor.get_full_name() or actor.get_username(),
        "clinic_name": member.clinic.name,
        "link": origin.rstrip("/") + path,
        "expiry": link_expiry(),
    }
    subject = render_to_string("registration/staff_password_link_subject.txt", context)
    EmailMessage(
        # A header: a line break in a clinic's name must not end it (or fail the send).
        subject=" ".join(subject.split()),
        body=render_to_string("registration/staff_password_link_email.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[user.email],
        reply_to=[member.clinic.email] if member.clinic.email else None,
    ).send()
    audit_record(
        actor=actor,
        clinic=member.clinic,
        action=AuditAction.CHANGE,
        object_type="staff",
        object_id=user.pk,
        client_id=None,
        detail="set-password link sent",
    )

"""Clinic admins manage their clinic's staff in the app (issue 7, roles)."""

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client as HttpClient
from django.urls import reverse

from clinic.access import NOT_CLINIC_ADMIN
from clinic.models import AuditEntry, Clinic, Membership, Role
from clinic.services import staff as services_staff
from clinic.services.staff import LAST_ADMIN, staff_update
from tests.factories import MembershipFactory, UserFactory

NEW_STAFF = {
    "username": "casey",
    "first_name": "Casey",
    "last_name": "Moreno",
    "email": "casey@example.com",
    "title": "Massage therapist, RMT",
    "role": "therapist",
    "password": "purple-kettle-orbit-42",
}


def _edit_data(user: User, **changes: object) -> dict[str, object]:
    member = user.membership
    data: dict[str, object] = {
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "title": member.title,
        "role": member.role,
        "is_active": "on" if user.is_active else "",
    }
    data.update(changes)
    return {name: value for name, value in data.items() if value != ""}


@pytest.fixture
def outside_admin(other_clinic: Clinic) -> User:
    return MembershipFactory(clinic=other_clinic, role=Role.ADMIN, user__username="theirboss").user


def _urls(therapist: User) -> list[str]:
    return [
        reverse("staff_list"),
        reverse("staff_create"),
        reverse("staff_edit", args=[therapist.pk]),
    ]


def test_staff_list_shows_own_clinic_only(
    as_admin: HttpClient, therapist: User, colleague: User, outsider: User
) -> None:
    response = as_admin.get(reverse("staff_list"))
    names = [member.user.username for member in response.context["staff"]]
    assert sorted(names) == ["boss", "colleague", "therapist"]
    page = response.content.decode()
    assert reverse("staff_edit", args=[therapist.pk]) in page
    assert "outsider" not in page


def test_staff_pages_therapist_gets_403_with_reason(
    as_therapist: HttpClient, therapist: User
) -> None:
    for url in _urls(therapist):
        response = as_therapist.get(url)
        assert (response.status_code, NOT_CLINIC_ADMIN in response.content.decode()) == (
            403,
            True,
        )
    response = as_therapist.post(reverse("staff_create"), NEW_STAFF)
    assert (response.status_code, User.objects.filter(username="casey").exists()) == (403, False)


def test_staff_pages_anonymous_redirects_to_login(client: HttpClient, therapist: User) -> None:
    for url in _urls(therapist):
        response = client.get(url)
        assert (response.status_code, response["Location"]) == (
            302,
            f"/accounts/login/?next={url}",
        )


def test_staff_pages_account_outside_every_clinic_gets_404(
    client: HttpClient, therapist: User
) -> None:
    client.force_login(UserFactory(username="nobody"))
    assert [client.get(url).status_code for url in _urls(therapist)] == [404, 404, 404]


def test_staff_edit_other_clinics_member_is_404(
    as_admin: HttpClient, outsider: User, outside_admin: User, therapist: User
) -> None:
    url = reverse("staff_edit", args=[outsider.pk])
    assert as_admin.get(url).status_code == 404
    response = as_admin.post(url, _edit_data(outsider, title="Taken over"))
    outsider.membership.refresh_from_db()
    assert (response.status_code, outsider.membership.title) == (404, "")
    theirs = HttpClient()
    theirs.force_login(outside_admin)
    assert theirs.get(reverse("staff_edit", args=[therapist.pk])).status_code == 404


def test_nav_shows_clinic_menu_to_admins_only(
    as_admin: HttpClient, as_therapist: HttpClient
) -> None:
    staff_link = f'href="{reverse("staff_list")}"'
    assert staff_link in as_admin.get(reverse("client_list")).content.decode()
    assert staff_link not in as_therapist.get(reverse("client_list")).content.decode()


def test_staff_create_adds_account_and_audits(as_admin: HttpClient, clinic: Clinic) -> None:
    response = as_admin.post(reverse("staff_create"), NEW_STAFF)
    assert (response.status_code, response["Location"]) == (302, reverse("staff_list"))
    user = User.objects.get(username="casey")
    member = user.membership
    assert (user.get_full_name(), user.email, member.clinic, member.role, member.title) == (
        "Casey Moreno",
        "casey@example.com",
        clinic,
        Role.THERAPIST,
        "Massage therapist, RMT",
    )
    assert user.check_password("purple-kettle-orbit-42")
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.object_type, entry.object_id, entry.client_id, entry.detail) == (
        "create",
        "staff",
        user.pk,
        None,
        "casey as Therapist",
    )
    signed_in = HttpClient()
    login = {"username": "casey", "password": "purple-kettle-orbit-42"}
    response = signed_in.post(reverse("login"), login)
    assert (response.status_code, response["Location"]) == (302, reverse("client_list"))


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("password123", "This password is too common."),
        ("short", "This password is too short. It must contain at least 10 characters."),
        ("casey@example.co", "The password is too similar to the email address."),
        ("4815162342", "This password is entirely numeric."),
    ],
)
def test_staff_create_weak_password_error_next_to_field(
    as_admin: HttpClient, password: str, message: str
) -> None:
    response = as_admin.post(reverse("staff_create"), {**NEW_STAFF, "password": password})
    form = response.context["form"]
    assert message in form.errors["password"]
    assert (form["username"].value(), form["title"].value()) == ("casey", "Massage therapist, RMT")
    assert (User.objects.filter(username="casey").exists(), AuditEntry.objects.count()) == (
        False,
        0,
    )
    assert message.replace("'", "&#x27;") in response.content.decode()


def test_staff_create_username_taken_in_any_case_is_field_error(
    as_admin: HttpClient, therapist: User
) -> None:
    response = as_admin.post(reverse("staff_create"), {**NEW_STAFF, "username": "Therapist"})
    assert response.context["form"].errors == {"username": [services_staff.USERNAME_TAKEN]}
    assert User.objects.filter(username__iexact="therapist").count() == 1


def test_staff_create_missing_and_bad_values_are_field_errors(as_admin: HttpClient) -> None:
    data = {**NEW_STAFF, "first_name": "", "email": "not-an-email", "role": "owner"}
    response = as_admin.post(reverse("staff_create"), {**data, "username": "bad name!"})
    errors = response.context["form"].errors
    assert sorted(errors) == ["email", "first_name", "role", "username"]
    assert User.objects.filter(first_name="Casey").count() == 0


def test_staff_edit_changes_role_title_names_and_audits(
    as_admin: HttpClient, therapist: User
) -> None:
    url = reverse("staff_edit", args=[therapist.pk])
    assert as_admin.get(url).context["form"]["role"].value() == "therapist"
    data = _edit_data(therapist, role="admin", title="Lead physio", last_name="Okafor")
    response = as_admin.post(url, data)
    assert response.status_code == 302
    therapist.refresh_from_db()
    assert (therapist.last_name, therapist.membership.role, therapist.membership.title) == (
        "Okafor",
        Role.ADMIN,
        "Lead physio",
    )
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.object_type, entry.object_id, entry.client_id, entry.detail) == (
        "change",
        "staff",
        therapist.pk,
        None,
        "fields: last_name, role, title",
    )


def test_staff_edit_unchanged_writes_no_audit_entry(as_admin: HttpClient, therapist: User) -> None:
    response = as_admin.post(reverse("staff_edit", args=[therapist.pk]), _edit_data(therapist))
    assert (response.status_code, AuditEntry.objects.count()) == (302, 0)


def test_staff_deactivated_is_signed_out_and_reactivated(
    as_admin: HttpClient, as_therapist: HttpClient, therapist: User
) -> None:
    url = reverse("staff_edit", args=[therapist.pk])
    as_admin.post(url, _edit_data(therapist, is_active=""))
    therapist.refresh_from_db()
    response = as_therapist.get(reverse("client_list"))
    assert (therapist.is_active, response.status_code) == (False, 302)
    assert "Deactivated" in as_admin.get(reverse("staff_list")).content.decode()
    as_admin.post(url, _edit_data(therapist, is_active="on"))
    therapist.refresh_from_db()
    assert therapist.is_active is True
    details = list(AuditEntry.objects.order_by("pk").values_list("detail", flat=True))
    assert details == ["fields: is_active", "fields: is_active"]


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"role": "therapist"}, "role", services_staff.NOT_YOURSELF_ROLE),
        ({"is_active": ""}, "is_active", services_staff.NOT_YOURSELF_ACTIVE),
    ],
)
def test_staff_edit_admin_cannot_demote_or_deactivate_self(
    as_admin: HttpClient,
    clinic_admin: User,
    change: dict[str, str],
    field: str,
    message: str,
) -> None:
    url = reverse("staff_edit", args=[clinic_admin.pk])
    response = as_admin.post(url, _edit_data(clinic_admin, title="Owner", **change))
    assert response.context["form"].errors == {field: [message]}
    assert response.context["form"]["title"].value() == "Owner"
    clinic_admin.refresh_from_db()
    membership = clinic_admin.membership
    assert (membership.role, membership.title, clinic_admin.is_active) == (Role.ADMIN, "", True)
    assert AuditEntry.objects.count() == 0


def test_staff_edit_admin_demotes_another_admin(as_admin: HttpClient, clinic: Clinic) -> None:
    second = MembershipFactory(clinic=clinic, role=Role.ADMIN, user__username="second").user
    url = reverse("staff_edit", args=[second.pk])
    response = as_admin.post(url, _edit_data(second, role="therapist"))
    second.membership.refresh_from_db()
    assert (response.status_code, second.membership.role) == (302, Role.THERAPIST)


def test_staff_update_keeps_last_admin_when_the_other_admin_changed_meanwhile(
    monkeypatch: pytest.MonkeyPatch, clinic: Clinic, clinic_admin: User
) -> None:
    # Two admins demote each other at once: the actor's rights were checked, then the
    # other save landed before this one took its locks. The clinic keeps one admin.
    second = MembershipFactory(clinic=clinic, role=Role.ADMIN, user__username="second").user
    checked = services_staff.require_admin_actor

    def check_then_other_save_lands(actor: User, clinic: Clinic) -> None:
        checked(actor, clinic)
        Membership.objects.filter(user=second).update(role=Role.THERAPIST)

    monkeypatch.setattr(services_staff, "require_admin_actor", check_then_other_save_lands)
    with pytest.raises(ValidationError) as refused:
        staff_update(actor=second, member=clinic_admin.membership, fields={"role": "therapist"})
    name = clinic_admin.get_full_name()
    assert refused.value.message_dict == {"role": [LAST_ADMIN.format(name=name)]}
    clinic_admin.membership.refresh_from_db()
    assert clinic_admin.membership.role == Role.ADMIN


def test_staff_update_by_therapist_is_refused(therapist: User, colleague: User) -> None:
    with pytest.raises(PermissionDenied):
        staff_update(actor=therapist, member=colleague.membership, fields={"role": "admin"})
    colleague.membership.refresh_from_db()
    assert colleague.membership.role == Role.THERAPIST


@pytest.mark.parametrize("extra", [1, 3, 12])
def test_staff_list_query_count_is_flat(
    as_admin: HttpClient,
    clinic: Clinic,
    extra: int,
    django_assert_num_queries: pytest.FixtureRequest,
) -> None:
    for number in range(extra):
        # Without a password: hashing one per user would only slow the test.
        user = User.objects.create(username=f"staff{number}", last_name=f"Staff {number}")
        Membership.objects.create(user=user, clinic=clinic)
    # session, user, membership, staff with their users
    with django_assert_num_queries(4):  # type: ignore[operator]
        response = as_admin.get(reverse("staff_list"))
    assert len(response.context["staff"]) == extra + 1

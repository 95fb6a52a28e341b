"""Writes in the maintenance admin go through the services: same rules, same audit entries.

Each test drives the real admin views with the test client (as a clinic admin or a
superuser) and checks the audit entries the change wrote, that the clinic's audit page
lists them, and that a service's refusal shows as a field error (status 200), not a 500.
"""

import datetime
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client as HttpClient
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from clinic.models import AuditEntry, Clinic, Membership, Role
from clinic.services.staff import LAST_ADMIN, NOT_YOURSELF_ROLE
from tests.factories import MembershipFactory, UserFactory

JOINED = datetime.datetime(2026, 1, 5, 9, 30)
NEW_PASSWORD = "Lantern-orchard-river-42"


@pytest.fixture
def superuser(db: None) -> User:
    return UserFactory(username="root", is_superuser=True, is_staff=True)


@pytest.fixture
def as_superuser(superuser: User) -> HttpClient:
    http = HttpClient()
    http.force_login(superuser)
    return http


def _rows(since: int = 0) -> list[tuple[str, str, str, int, int | None, str]]:
    """(actor, action, object type, object id, client id, detail) of the newer entries."""
    entries = AuditEntry.objects.filter(pk__gt=since).order_by("pk")
    return [
        (e.actor_username, e.action, e.object_type, e.object_id, e.client_id, e.detail)
        for e in entries
    ]


def _last_id() -> int:
    return AuditEntry.objects.order_by("-pk").values_list("pk", flat=True).first() or 0


def _listed(as_admin: HttpClient) -> list[tuple[str, str, int]]:
    """(action, object type, object id) of every row the clinic's audit page shows."""
    response = as_admin.get(reverse("audit_log"))
    return [
        (entry.action, entry.object_type, entry.object_id)
        for entry, _name in response.context["rows"]
    ]


def _errors(response: Any) -> dict[str, list[str]]:
    return dict(response.context["adminform"].form.errors)


def _user_form(user: User, **changes: str) -> dict[str, str]:
    """The admin's user change form as saved, with `changes` on top."""
    joined = timezone.localtime(user.date_joined)
    data = {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "date_joined_0": f"{joined:%Y-%m-%d}",
        "date_joined_1": f"{joined:%H:%M:%S}",
        **({"is_active": "on"} if user.is_active else {}),
        **({"is_staff": "on"} if user.is_staff else {}),
        **({"is_superuser": "on"} if user.is_superuser else {}),
    }
    data.update(changes)
    return {name: value for name, value in data.items() if value != "off"}


def _joined_on_the_second(user: User) -> User:
    # The form shows whole seconds: a stored microsecond would read as a change.
    user.date_joined = timezone.make_aware(JOINED)
    user.save(update_fields=["date_joined"])
    return user


# --- clinic admin ----------------------------------------------------------------------


def test_admin_role_change_is_audited_like_the_staff_page(
    as_admin: HttpClient, clinic_admin: User, therapist: User
) -> None:
    url = reverse("admin:clinic_membership_change", args=[therapist.membership.pk])
    response = as_admin.post(url, {"role": "admin", "title": "Physiotherapist"})
    assert response.status_code == 302, _errors(response)
    assert _rows() == [
        ("boss", "change", "staff", therapist.pk, None, "fields: role, title"),
    ]
    assert _listed(as_admin) == [("change", "staff", therapist.pk)]


def test_admin_demoting_yourself_is_a_field_error(
    as_admin: HttpClient, clinic_admin: User, therapist: User
) -> None:
    # Another admin exists, so only the "not yourself" rule refuses this.
    MembershipFactory(clinic=clinic_admin.membership.clinic, role=Role.ADMIN)
    url = reverse("admin:clinic_membership_change", args=[clinic_admin.membership.pk])
    response = as_admin.post(url, {"role": "therapist", "title": ""})
    assert (response.status_code, _errors(response)) == (200, {"role": [NOT_YOURSELF_ROLE]})
    assert Membership.objects.get(user=clinic_admin).role == Role.ADMIN
    assert _rows() == []


def test_admin_clinic_name_and_cutoffs_are_audited(as_admin: HttpClient, clinic: Clinic) -> None:
    response = as_admin.post(
        reverse("admin:clinic_clinic_change", args=[clinic.pk]),
        {
            "name": "Riverside Physio",
            "email": clinic.email,
            "paper_size": "A4",
            "cutoff_overrides": '{"slr_reduced_below": 70}',
        },
    )
    assert response.status_code == 302, _errors(response)
    clinic.refresh_from_db()
    assert (clinic.name, clinic.cutoff_overrides) == (
        "Riverside Physio",
        {"slr_reduced_below": 70},
    )
    # Field names only: neither the new name nor the cut-off's value is in the log.
    assert _rows() == [
        ("boss", "change", "clinic", clinic.pk, None, "fields: name"),
        ("boss", "change", "clinic", clinic.pk, None, "fields: cutoff_overrides"),
    ]
    assert _listed(as_admin) == [("change", "clinic", clinic.pk)] * 2


def test_admin_clinic_saved_unchanged_writes_no_entry(
    as_admin: HttpClient, clinic: Clinic
) -> None:
    response = as_admin.post(
        reverse("admin:clinic_clinic_change", args=[clinic.pk]),
        {"name": clinic.name, "email": clinic.email, "paper_size": "A4", "cutoff_overrides": "{}"},
    )
    assert response.status_code == 302, _errors(response)
    assert _rows() == []


def test_admin_clinic_cannot_be_deleted_even_by_superuser(
    as_superuser: HttpClient, clinic: Clinic
) -> None:
    # Its audit log must be kept, and the log's entries keep the clinic (PROTECT).
    response = as_superuser.get(reverse("admin:clinic_clinic_delete", args=[clinic.pk]))
    assert response.status_code == 403
    assert Clinic.objects.filter(pk=clinic.pk).exists()


# --- superuser: memberships --------------------------------------------------------------


def test_superuser_role_change_is_audited_in_the_clinic(
    as_superuser: HttpClient, as_admin: HttpClient, therapist: User, clinic: Clinic
) -> None:
    member = therapist.membership
    response = as_superuser.post(
        reverse("admin:clinic_membership_change", args=[member.pk]),
        {"user": therapist.pk, "clinic": clinic.pk, "role": "admin", "title": ""},
    )
    assert response.status_code == 302, _errors(response)
    assert _rows() == [("root", "change", "staff", therapist.pk, None, "fields: role")]
    assert _listed(as_admin) == [("change", "staff", therapist.pk)]


def test_superuser_demoting_the_last_admin_is_a_field_error(
    as_superuser: HttpClient, clinic_admin: User, clinic: Clinic
) -> None:
    member = clinic_admin.membership
    response = as_superuser.post(
        reverse("admin:clinic_membership_change", args=[member.pk]),
        {"user": clinic_admin.pk, "clinic": clinic.pk, "role": "therapist", "title": ""},
    )
    name = clinic_admin.get_full_name()
    assert (response.status_code, _errors(response)) == (
        200,
        {"role": [LAST_ADMIN.format(name=name)]},
    )
    assert Membership.objects.get(pk=member.pk).role == Role.ADMIN
    assert _rows() == []


def test_superuser_adding_a_member_is_audited(
    as_superuser: HttpClient, as_admin: HttpClient, clinic: Clinic
) -> None:
    newcomer = UserFactory(username="newcomer")
    response = as_superuser.post(
        reverse("admin:clinic_membership_add"),
        {"user": newcomer.pk, "clinic": clinic.pk, "role": "therapist", "title": ""},
    )
    assert response.status_code == 302, _errors(response)
    assert Membership.objects.get(user=newcomer).clinic == clinic
    assert _rows() == [("root", "create", "staff", newcomer.pk, None, "newcomer as Therapist")]
    assert _listed(as_admin) == [("create", "staff", newcomer.pk)]


def test_superuser_removing_a_member_is_audited(
    as_superuser: HttpClient, as_admin: HttpClient, therapist: User
) -> None:
    url = reverse("admin:clinic_membership_delete", args=[therapist.membership.pk])
    response = as_superuser.post(url, {"post": "yes"})
    assert response.status_code == 302
    assert not Membership.objects.filter(user=therapist).exists()
    assert _rows() == [
        ("root", "change", "staff", therapist.pk, None, "removed from the clinic"),
    ]
    assert _listed(as_admin) == [("change", "staff", therapist.pk)]


def test_superuser_removing_the_last_admin_is_refused(
    as_superuser: HttpClient, clinic_admin: User
) -> None:
    member = clinic_admin.membership
    response = as_superuser.post(
        reverse("admin:clinic_membership_delete", args=[member.pk]), {"post": "yes"}, follow=True
    )
    assert response.status_code == 200
    shown = [str(message) for message in response.context["messages"]]
    assert shown == [LAST_ADMIN.format(name=clinic_admin.get_full_name())]
    assert Membership.objects.filter(pk=member.pk).exists()
    assert _rows() == []


# --- superuser: user accounts ----------------------------------------------------------


def test_superuser_user_change_is_audited_in_their_clinic(
    as_superuser: HttpClient, as_admin: HttpClient, therapist: User
) -> None:
    user = _joined_on_the_second(therapist)
    url = reverse("admin:auth_user_change", args=[user.pk])
    response = as_superuser.post(url, _user_form(user, first_name="Tamsin", email="t@example.org"))
    assert response.status_code == 302, _errors(response)
    user.refresh_from_db()
    assert (user.first_name, user.email) == ("Tamsin", "t@example.org")
    assert _rows() == [
        ("root", "change", "staff", user.pk, None, "fields: email, first_name"),
    ]
    assert _listed(as_admin) == [("change", "staff", user.pk)]


def test_superuser_deactivating_the_last_admin_is_a_field_error(
    as_superuser: HttpClient, clinic_admin: User
) -> None:
    user = _joined_on_the_second(clinic_admin)
    url = reverse("admin:auth_user_change", args=[user.pk])
    response = as_superuser.post(url, _user_form(user, is_active="off"))
    name = user.get_full_name()
    assert (response.status_code, _errors(response)) == (
        200,
        {"is_active": [LAST_ADMIN.format(name=name)]},
    )
    user.refresh_from_db()
    assert user.is_active
    assert _rows() == []


def test_superuser_password_change_is_audited(as_superuser: HttpClient, therapist: User) -> None:
    url = reverse("admin:auth_user_password_change", args=[therapist.pk])
    response = as_superuser.post(
        url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD, "usable_password": "true"}
    )
    assert response.status_code == 302
    therapist.refresh_from_db()
    assert therapist.check_password(NEW_PASSWORD)
    assert _rows() == [("root", "change", "staff", therapist.pk, None, "fields: password")]


def test_superuser_deleting_a_user_is_audited(
    as_superuser: HttpClient, as_admin: HttpClient, colleague: User
) -> None:
    pk = colleague.pk
    response = as_superuser.post(reverse("admin:auth_user_delete", args=[pk]), {"post": "yes"})
    assert response.status_code == 302
    assert not User.objects.filter(pk=pk).exists()
    assert _rows() == [("root", "erase", "staff", pk, None, "account deleted")]
    assert _listed(as_admin) == [("erase", "staff", pk)]


def test_superuser_deleting_the_last_admin_is_refused(
    as_superuser: HttpClient, clinic_admin: User
) -> None:
    url = reverse("admin:auth_user_delete", args=[clinic_admin.pk])
    response = as_superuser.post(url, {"post": "yes"}, follow=True)
    assert response.status_code == 200
    shown = [str(message) for message in response.context["messages"]]
    assert shown == [LAST_ADMIN.format(name=clinic_admin.get_full_name())]
    assert User.objects.filter(pk=clinic_admin.pk).exists()
    assert _rows() == []


@pytest.mark.parametrize("model", ["user", "membership"])
def test_superuser_bulk_delete_is_not_offered_where_rules_can_refuse(
    as_superuser: HttpClient, model: str, therapist: User
) -> None:
    app = "auth" if model == "user" else "clinic"
    response = as_superuser.get(reverse(f"admin:{app}_{model}_changelist"))
    assert response.context["action_form"] is None or "delete_selected" not in dict(
        response.context["action_form"].fields["action"].choices
    )


def test_superuser_user_without_clinic_changes_without_entry(
    as_superuser: HttpClient, db: None
) -> None:
    loner = _joined_on_the_second(UserFactory(username="loner"))
    url = reverse("admin:auth_user_change", args=[loner.pk])
    response = as_superuser.post(url, _user_form(loner, last_name="Solo"))
    assert response.status_code == 302, _errors(response)
    loner.refresh_from_db()
    assert loner.last_name == "Solo"
    assert _rows() == []  # no clinic, so no clinic's log to write to


def test_groups_are_not_in_the_maintenance_area(as_superuser: HttpClient) -> None:
    # Nothing in the product reads groups, and a group belongs to no clinic's log.
    with pytest.raises(NoReverseMatch):
        reverse("admin:auth_group_changelist")
    index = as_superuser.get(reverse("admin:index")).content.decode()
    assert "Groups" not in index


def test_superuser_adding_a_clinic_is_audited_in_its_log(as_superuser: HttpClient) -> None:
    response = as_superuser.post(
        reverse("admin:clinic_clinic_add"),
        {"name": "Northgate", "paper_size": "A4", "cutoff_overrides": '{"slr_reduced_below": 65}'},
    )
    assert response.status_code == 302, _errors(response)
    clinic = Clinic.objects.get(name="Northgate")
    assert clinic.cutoff_overrides == {"slr_reduced_below": 65}
    assert _rows() == [("root", "create", "clinic", clinic.pk, None, "")]


def test_superuser_adding_an_account_in_no_clinic_writes_no_entry(
    as_superuser: HttpClient,
) -> None:
    response = as_superuser.post(
        reverse("admin:auth_user_add"),
        {
            "username": "fresh",
            "usable_password": "true",
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
        },
    )
    assert response.status_code == 302, _errors(response)
    assert User.objects.get(username="fresh").check_password(NEW_PASSWORD)
    assert _rows() == []


def test_admin_refusal_at_save_is_a_message_not_a_500(
    as_admin: HttpClient, clinic: Clinic
) -> None:
    # An account made outside the forms with a username the forms refuse: the role form
    # passes, and staff_update's own check of the account refuses at save.
    odd = MembershipFactory(clinic=clinic, user__username="no spaces allowed")
    url = reverse("admin:clinic_membership_change", args=[odd.pk])
    response = as_admin.post(url, {"role": "admin", "title": ""}, follow=True)
    assert response.redirect_chain == [(url, 302)]
    shown = [str(message) for message in response.context["messages"]]
    assert len(shown) == 1
    assert shown[0].startswith("Enter a valid username.")
    assert Membership.objects.get(pk=odd.pk).role == Role.THERAPIST
    assert _rows() == []

"""The services behind the maintenance area: who may call them and what they refuse."""

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError

from clinic.models import AuditEntry, Clinic, Membership, Role
from clinic.services import accounts as services_accounts
from clinic.services import clinics as services_clinic
from clinic.services import staff as services_staff
from clinic.services.staff import USERNAME_TAKEN
from tests.factories import MembershipFactory, UserFactory


@pytest.fixture
def superuser(db: None) -> User:
    return UserFactory(username="root", is_superuser=True, is_staff=True)


def test_staff_account_update_by_clinic_admin_is_refused(
    clinic_admin: User, therapist: User
) -> None:
    with pytest.raises(PermissionDenied):
        services_accounts.staff_account_update(
            actor=clinic_admin, user=therapist, fields={"first_name": "Changed"}
        )
    therapist.refresh_from_db()
    assert (therapist.first_name != "Changed", AuditEntry.objects.count()) == (True, 0)


def test_staff_account_update_username_taken_in_any_case(
    superuser: User, therapist: User, colleague: User
) -> None:
    with pytest.raises(ValidationError) as refused:
        services_accounts.staff_account_update(
            actor=superuser, user=therapist, fields={"username": "COLLEAGUE"}
        )
    assert refused.value.message_dict == {"username": [USERNAME_TAKEN]}
    assert AuditEntry.objects.count() == 0


def test_staff_account_update_unchanged_writes_nothing(superuser: User, therapist: User) -> None:
    services_accounts.staff_account_update(
        actor=superuser, user=therapist, fields={"first_name": therapist.first_name}
    )
    assert AuditEntry.objects.count() == 0


def test_inactive_superuser_is_no_clinic_admin(superuser: User, therapist: User) -> None:
    superuser.is_active = False
    with pytest.raises(PermissionDenied):
        services_staff.staff_update(
            actor=superuser, member=therapist.membership, fields={"role": Role.ADMIN}
        )
    assert Membership.objects.get(user=therapist).role == Role.THERAPIST


def test_staff_join_by_therapist_is_refused(therapist: User, clinic: Clinic) -> None:
    with pytest.raises(PermissionDenied):
        services_accounts.staff_join(
            actor=therapist, clinic=clinic, user=UserFactory(), role=Role.ADMIN, title=""
        )
    assert AuditEntry.objects.count() == 0


def test_staff_join_account_already_in_a_clinic_is_refused(
    superuser: User, clinic: Clinic, outsider: User
) -> None:
    with pytest.raises(ValidationError) as refused:
        services_accounts.staff_join(
            actor=superuser, clinic=clinic, user=outsider, role=Role.THERAPIST, title=""
        )
    assert list(refused.value.message_dict) == ["user"]
    assert Membership.objects.get(user=outsider).clinic_id != clinic.pk


def test_staff_remove_keeps_another_admins_account(clinic_admin: User, clinic: Clinic) -> None:
    other = MembershipFactory(clinic=clinic, role=Role.ADMIN)
    services_accounts.staff_remove(actor=clinic_admin, member=other)
    assert User.objects.filter(pk=other.user_id).exists()
    assert list(AuditEntry.objects.values_list("object_id", "detail")) == [
        (other.user_id, "removed from the clinic")
    ]


def test_clinic_create_by_clinic_admin_is_refused(clinic_admin: User) -> None:
    with pytest.raises(PermissionDenied):
        services_clinic.clinic_create(actor=clinic_admin, fields={"name": "Mine now"})
    assert not Clinic.objects.filter(name="Mine now").exists()


def test_clinic_cutoffs_update_unknown_cutoff_is_a_field_error(
    clinic_admin: User, clinic: Clinic
) -> None:
    with pytest.raises(ValidationError) as refused:
        services_clinic.clinic_cutoffs_update(
            actor=clinic_admin, clinic=clinic, overrides={"thomas_hip": 5}
        )
    assert list(refused.value.message_dict) == ["cutoff_overrides"]
    clinic.refresh_from_db()
    assert (clinic.cutoff_overrides, AuditEntry.objects.count()) == ({}, 0)


def test_clinic_cutoffs_update_by_therapist_is_refused(therapist: User, clinic: Clinic) -> None:
    with pytest.raises(PermissionDenied):
        services_clinic.clinic_cutoffs_update(
            actor=therapist, clinic=clinic, overrides={"slr_reduced_below": 70}
        )
    clinic.refresh_from_db()
    assert clinic.cutoff_overrides == {}

"""A double-clicked "Save" on a new client or staff member: one record, never a 500."""

import datetime

import pytest
from django.contrib.auth.models import User
from django.test import Client as HttpClient
from django.urls import reverse

from clinic.models import AuditEntry, Client, Clinic, Membership, Role
from clinic.services.clients import REPEAT_WINDOW, client_create
from tests.clinic.services.test_staff import NEW_STAFF
from tests.clinic.test_views_clients import VALID
from tests.concurrent import on_postgresql, post_together
from tests.factories import MembershipFactory

FIELDS = {
    "given_name": "Aisha",
    "family_name": "Bello",
    "date_of_birth": datetime.date(1996, 1, 22),
    "email": "aisha@example.com",
}


def _detail(client: Client) -> str:
    return reverse("client_detail", args=[client.pk])


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_client_create_posted_together_makes_one_client(therapist: User) -> None:
    answers = post_together(therapist, reverse("client_create"), VALID)
    client = Client.objects.get()
    assert answers == [(302, _detail(client))] * 3
    created = AuditEntry.objects.filter(object_type="client", action="create")
    assert list(created.values_list("object_id", flat=True)) == [client.pk]


def test_client_create_posted_twice_lands_on_the_same_client(as_therapist: HttpClient) -> None:
    first = as_therapist.post(reverse("client_create"), VALID)
    second = as_therapist.post(reverse("client_create"), VALID)
    client = Client.objects.get()
    assert first["Location"] == second["Location"] == _detail(client)


def test_client_create_same_details_later_is_a_new_client(clinic: Clinic, therapist: User) -> None:
    first = client_create(actor=therapist, clinic=clinic, fields=FIELDS)
    earlier = first.created_at - REPEAT_WINDOW - datetime.timedelta(seconds=1)
    Client.objects.filter(pk=first.pk).update(created_at=earlier)
    second = client_create(actor=therapist, clinic=clinic, fields=FIELDS)
    assert sorted(Client.objects.values_list("pk", flat=True)) == [first.pk, second.pk]


def test_client_create_other_details_at_once_is_a_new_client(
    clinic: Clinic, therapist: User
) -> None:
    first = client_create(actor=therapist, clinic=clinic, fields=FIELDS)
    twin = client_create(actor=therapist, clinic=clinic, fields={**FIELDS, "email": ""})
    assert (first.pk != twin.pk, Client.objects.count()) == (True, 2)


def test_client_create_same_details_in_another_clinic_is_a_new_client(
    clinic: Clinic, other_clinic: Clinic, therapist: User, outsider: User
) -> None:
    ours = client_create(actor=therapist, clinic=clinic, fields=FIELDS)
    theirs = client_create(actor=outsider, clinic=other_clinic, fields=FIELDS)
    assert (theirs.pk != ours.pk, theirs.clinic) == (True, other_clinic)


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_staff_create_posted_together_makes_one_account(clinic_admin: User) -> None:
    answers = post_together(clinic_admin, reverse("staff_create"), NEW_STAFF)
    # The first is added; the others are told the username is now taken (not a 500).
    assert sorted(answers) == [(200, ""), (200, ""), (302, reverse("staff_list"))]
    member = Membership.objects.get(user__username="casey")
    assert (member.clinic_id, member.role) == (clinic_admin.membership.clinic_id, Role.THERAPIST)


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_staff_create_same_username_in_two_clinics_at_once_makes_one(
    clinic_admin: User, other_clinic: Clinic
) -> None:
    # Usernames are unique across clinics, and no clinic's lock covers another's.
    other_admin = MembershipFactory(clinic=other_clinic, role=Role.ADMIN).user
    answers = post_together([clinic_admin, other_admin], reverse("staff_create"), NEW_STAFF)
    assert sorted(answers) == [(200, ""), (302, reverse("staff_list"))]
    assert User.objects.filter(username="casey").count() == 1

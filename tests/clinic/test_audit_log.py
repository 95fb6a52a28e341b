"""Clinic admins read their clinic's audit log in the app, filtered (issue 7, roles)."""

import datetime

import pytest
from django.contrib.auth.models import User
from django.test import Client as HttpClient
from django.urls import reverse
from django.utils import timezone

from clinic.access import NOT_CLINIC_ADMIN
from clinic.models import AuditAction, AuditEntry, Client, Clinic, Role
from clinic.services.audit import audit_record
from clinic.services.lifecycle import client_erase
from tests.factories import ClientFactory, MembershipFactory, UserFactory

URL = "/clinic/audit/"


def _entry(
    actor: User, clinic: Clinic, client_id: int | None, *, on: datetime.date | None = None
) -> AuditEntry:
    """One entry, written at noon on the given day (today if none)."""
    with pytest.MonkeyPatch.context() as patch:
        if on is not None:
            at = timezone.make_aware(datetime.datetime.combine(on, datetime.time(12, 0)))
            patch.setattr(timezone, "now", lambda: at)
        return audit_record(
            actor=actor,
            clinic=clinic,
            action=AuditAction.VIEW,
            object_type="client",
            object_id=client_id or 0,
            client_id=client_id,
        )


def _ids(response: object) -> list[int]:
    return [entry.pk for entry, _name in response.context["rows"]]  # type: ignore[attr-defined]


def test_audit_log_url_is_under_clinic() -> None:
    assert reverse("audit_log") == URL


def test_audit_log_lists_own_clinic_newest_first(
    as_admin: HttpClient,
    therapist: User,
    outsider: User,
    clinic: Clinic,
    other_clinic: Clinic,
    client_record: Client,
) -> None:
    first = _entry(therapist, clinic, client_record.pk)
    second = _entry(therapist, clinic, None)
    _entry(outsider, other_clinic, 424242)
    response = as_admin.get(URL)
    assert _ids(response) == [second.pk, first.pk]
    rows = response.context["rows"]
    assert [name for _entry, name in rows] == [None, "Sharma, Priya"]
    page = response.content.decode()
    assert reverse("client_detail", args=[client_record.pk]) in page
    assert "424242" not in page


def test_audit_log_read_is_not_audited(
    as_admin: HttpClient, therapist: User, clinic: Clinic
) -> None:
    _entry(therapist, clinic, None)
    as_admin.get(URL)
    as_admin.get(URL, {"user": therapist.pk})
    assert AuditEntry.objects.count() == 1


def test_audit_log_filters_by_chosen_client(
    as_admin: HttpClient, therapist: User, clinic: Clinic, client_record: Client
) -> None:
    other = ClientFactory(clinic=clinic, given_name="Tom", family_name="Baker")
    mine = _entry(therapist, clinic, client_record.pk)
    _entry(therapist, clinic, other.pk)
    _entry(therapist, clinic, None)
    response = as_admin.get(URL, {"client": client_record.pk})
    assert _ids(response) == [mine.pk]
    choices = list(response.context["form"].fields["client"].choices)
    assert choices == [
        ("", "Any client"),
        (other.pk, "Baker, Tom"),
        (client_record.pk, "Sharma, Priya"),
    ]


def test_audit_log_filters_erased_client_by_number(
    as_admin: HttpClient, clinic_admin: User, therapist: User, clinic: Clinic
) -> None:
    # Names no generated staff member can carry (a random "Robert Adams" contains "Ada").
    gone = ClientFactory(clinic=clinic, given_name="Zephyrine", family_name="Quillfeather")
    viewed = _entry(therapist, clinic, gone.pk)
    tombstone = client_erase(
        actor=clinic_admin, client=gone, confirm_name="Zephyrine Quillfeather"
    )
    _entry(therapist, clinic, None)
    response = as_admin.get(URL, {"client_id": gone.pk})
    assert _ids(response) == [tombstone.pk, viewed.pk]
    assert [name for _entry, name in response.context["rows"]] == [None, None]
    page = response.content.decode()
    assert f'{gone.pk} <span class="text-secondary">(erased)</span>' in page
    assert "Zephyrine" not in page
    assert "Quillfeather" not in page


def test_audit_log_filters_by_staff_member(
    as_admin: HttpClient, therapist: User, colleague: User, clinic: Clinic
) -> None:
    mine = _entry(therapist, clinic, None)
    _entry(colleague, clinic, None)
    response = as_admin.get(URL, {"user": therapist.pk})
    assert _ids(response) == [mine.pk]
    choices = dict(response.context["form"].fields["user"].choices)
    assert set(choices) == {"", therapist.pk, colleague.pk, response.wsgi_request.user.pk}


def test_audit_log_filters_by_days_both_ends_included(
    as_admin: HttpClient, therapist: User, clinic: Clinic
) -> None:
    day = datetime.date(2026, 3, 10)
    before = _entry(therapist, clinic, None, on=day - datetime.timedelta(days=1))
    start = _entry(therapist, clinic, None, on=day)
    end = _entry(therapist, clinic, None, on=day + datetime.timedelta(days=2))
    after = _entry(therapist, clinic, None, on=day + datetime.timedelta(days=3))
    window = {"date_from": "2026-03-10", "date_to": "2026-03-12"}
    assert _ids(as_admin.get(URL, window)) == [end.pk, start.pk]
    assert _ids(as_admin.get(URL, {"date_from": "2026-03-12"})) == [after.pk, end.pk]
    assert _ids(as_admin.get(URL, {"date_to": "2026-03-09"})) == [before.pk]


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        (
            {"date_from": "2026-03-12", "date_to": "2026-03-10"},
            "date_to",
            "The end date is before the start date.",
        ),
        (
            {"date_from": "9999-12-31"},
            "date_from",
            "Ensure this value is less than or equal to 2099-12-31.",
        ),
        ({"date_to": "yesterday"}, "date_to", "Enter a valid date."),
        (
            {"client": "1"},
            "client",
            "Select a valid choice. 1 is not one of the available choices.",
        ),
        ({"client_id": "-4"}, "client_id", "Ensure this value is greater than or equal to 1."),
        (
            {"user": "abc"},
            "user",
            "Select a valid choice. abc is not one of the available choices.",
        ),
    ],
)
def test_audit_log_bad_filters_are_field_errors(
    as_admin: HttpClient,
    therapist: User,
    clinic: Clinic,
    query: dict[str, str],
    field: str,
    message: str,
) -> None:
    _entry(therapist, clinic, None)
    response = as_admin.get(URL, query)
    assert response.status_code == 200
    assert response.context["form"].errors[field] == [message]
    assert (response.context["page"], response.context["rows"]) == (None, [])
    assert "Please correct the filters marked above" in response.content.decode()


def test_audit_log_client_chosen_and_different_number_is_an_error(
    as_admin: HttpClient, clinic: Clinic, client_record: Client
) -> None:
    response = as_admin.get(URL, {"client": client_record.pk, "client_id": client_record.pk + 1})
    assert response.context["form"].errors == {
        "client_id": ["Choose a client or type a number, not both."]
    }


def test_audit_log_other_clinics_client_is_not_a_choice(
    as_admin: HttpClient, other_clinic: Clinic, outsider: User
) -> None:
    theirs = ClientFactory(clinic=other_clinic)
    _entry(outsider, other_clinic, theirs.pk)
    response = as_admin.get(URL, {"client": theirs.pk})
    assert "client" in response.context["form"].errors
    assert _ids(as_admin.get(URL, {"client_id": theirs.pk})) == []


def test_audit_log_paginates_fifty_and_keeps_filters(
    as_admin: HttpClient, therapist: User, clinic: Clinic
) -> None:
    entries = [_entry(therapist, clinic, None) for _ in range(51)]
    first = as_admin.get(URL, {"user": therapist.pk})
    assert _ids(first) == [entry.pk for entry in reversed(entries)][:50]
    assert f"?user={therapist.pk}&amp;page=2" in first.content.decode()
    second = as_admin.get(URL, {"user": therapist.pk, "page": 2})
    assert _ids(second) == [entries[0].pk]


def test_audit_log_therapist_gets_403(as_therapist: HttpClient) -> None:
    response = as_therapist.get(URL)
    assert (response.status_code, NOT_CLINIC_ADMIN in response.content.decode()) == (403, True)


def test_audit_log_anonymous_redirects_to_login(client: HttpClient) -> None:
    response = client.get(URL)
    assert (response.status_code, response["Location"]) == (302, f"/accounts/login/?next={URL}")


def test_audit_log_account_outside_every_clinic_gets_404(client: HttpClient, db: None) -> None:
    client.force_login(UserFactory(username="nobody"))
    assert client.get(URL).status_code == 404


def test_audit_log_other_clinics_admin_sees_only_theirs(
    therapist: User, clinic: Clinic, other_clinic: Clinic
) -> None:
    _entry(therapist, clinic, None)
    theirs = HttpClient()
    admin = MembershipFactory(clinic=other_clinic, role=Role.ADMIN).user
    theirs.force_login(admin)
    own = _entry(admin, other_clinic, None)
    assert _ids(theirs.get(URL)) == [own.pk]
    # Our therapist is not one of their staff: not a choice, so nothing of ours shows.
    response = theirs.get(URL, {"user": therapist.pk})
    assert (sorted(response.context["form"].errors), response.context["rows"]) == (["user"], [])


@pytest.mark.parametrize("count", [1, 3, 12])
def test_audit_log_query_count_is_flat(
    as_admin: HttpClient,
    therapist: User,
    clinic: Clinic,
    client_record: Client,
    count: int,
    django_assert_num_queries: pytest.FixtureRequest,
) -> None:
    for _ in range(count):
        _entry(therapist, clinic, client_record.pk)
    # session, user, membership, client names, staff, count, one page of entries
    with django_assert_num_queries(7):  # type: ignore[operator]
        response = as_admin.get(URL)
    assert len(response.context["rows"]) == count

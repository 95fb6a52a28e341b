"""Hostile input on the clinic app's forms: clients, search, erasure, sign-in, clinic admin.

Each property posts a valid baseline with hostile values in one to three fields
(tests/hostile.py) and checks the answer: a field error, or a save shown escaped.
"""

import itertools

import pytest
from django.contrib.auth.models import User
from django.test import Client as HttpClient
from django.urls import reverse
from hypothesis import example, given

from assessments.norms import validate_overrides
from clinic.models import Client, Clinic
from clinic.services.clients import CLIENT_FIELDS
from tests.hostile import (
    NUL,
    PROFILE,
    SCRIPT,
    assert_never_raw,
    assert_refused,
    assert_refused_or_saved,
    has_nul,
    hostile_json,
    hostile_values,
    note,
    overrides,
    page,
    with_named,
)

# Views and forms over fixtures: make test-sqlite leaves these out (tests/conftest.py).
pytestmark = pytest.mark.same_on_any_database

CLIENT_BASELINE = {
    "given_name": "Ann",
    "family_name": "Lee",
    "preferred_name": "",
    "date_of_birth": "1980-01-31",
    "sex": "",
    "email": "",
    "phone": "",
    "occupation": "",
    "activities": "",
    "referral_source": "",
    "consent_date": "",
    "notes": "",
}
CLIENT_TEXT = ("given_name", "family_name", "preferred_name", "phone", "occupation", "notes")
CLIENT_EDIT = (*CLIENT_FIELDS, "version")
SEARCH = ("q", "archived", "page")
LOGIN = ("username", "password")
STAFF_EDIT = ("first_name", "last_name", "email", "title", "role", "is_active")
AUDIT_FILTERS = ("client", "client_id", "user", "date_from", "date_to", "page")


def test_client_baseline_is_valid(as_therapist: HttpClient) -> None:
    response = as_therapist.post(reverse("client_create"), CLIENT_BASELINE)
    assert (response.status_code, Client.objects.get().family_name) == (302, "Lee")


@PROFILE
@given(data=overrides(CLIENT_FIELDS))
@with_named("data", CLIENT_FIELDS)
def test_client_create_hostile_input_refused_or_escaped(
    as_therapist: HttpClient, data: dict[str, str]
) -> None:
    posted = {**CLIENT_BASELINE, **data}
    response = as_therapist.post(reverse("client_create"), posted)
    if has_nul(data, CLIENT_FIELDS):
        assert_refused(response, fields=[n for n in data if NUL in data[n]])
        return
    assert_refused_or_saved(response, as_therapist, posted, shown=CLIENT_TEXT)


@PROFILE
@given(data=overrides(CLIENT_EDIT))
@with_named("data", CLIENT_EDIT)
def test_client_edit_hostile_input_refused_or_escaped(
    as_therapist: HttpClient, client_record: Client, data: dict[str, str]
) -> None:
    client_record.refresh_from_db()
    posted = {**CLIENT_BASELINE, "version": str(client_record.version), **data}
    response = as_therapist.post(reverse("client_edit", args=[client_record.pk]), posted)
    if has_nul(data, CLIENT_FIELDS):
        assert_refused(response)
        return
    assert_refused_or_saved(response, as_therapist, posted, shown=CLIENT_TEXT)


@PROFILE
@given(data=overrides(SEARCH))
@with_named("data", SEARCH)
def test_client_search_hostile_query_answers_page(
    as_therapist: HttpClient, client_record: Client, data: dict[str, str]
) -> None:
    response = as_therapist.get(reverse("client_list"), data)
    assert response.status_code == 200
    assert_never_raw(page(response))


@PROFILE
@given(name=hostile_values())
@with_named("name")
def test_client_erase_hostile_confirmation_refused(
    as_admin: HttpClient, client_record: Client, name: str
) -> None:
    response = as_admin.post(
        reverse("client_erase", args=[client_record.pk]), {"confirm_name": name}
    )
    assert_refused(response)
    assert Client.objects.filter(pk=client_record.pk).exists()


@pytest.mark.parametrize("action", ["client_archive", "client_restore"])
@PROFILE
@given(version=hostile_values())
@with_named("version")
def test_client_archive_hostile_version_asks_again(
    as_therapist: HttpClient, client_record: Client, version: str, action: str
) -> None:
    client_record.refresh_from_db()
    archived = client_record.archived
    response = as_therapist.post(reverse(action, args=[client_record.pk]), {"version": version})
    client_record.refresh_from_db()
    if response.status_code == 200:  # not the current version: the confirmation again
        assert (response.context["conflict"], client_record.archived) == (True, archived)
    else:
        assert response["Location"] == reverse("client_detail", args=[client_record.pk])
    assert_never_raw(page(response))


@pytest.mark.parametrize("login", ["login", "admin:login"])
@PROFILE
@given(data=overrides(LOGIN))
@with_named("data", LOGIN)
def test_login_hostile_credentials_refused(
    client: HttpClient, therapist: User, login: str, data: dict[str, str]
) -> None:
    response = client.post(reverse(login), {"username": "therapist", "password": "x", **data})
    text = page(response)
    if response.status_code == 429:  # locked out after repeated failures (django-axes)
        assert "Too many failed sign-in attempts." in text
    else:
        assert_refused(response)
    assert_never_raw(text)


_numbers = itertools.count()
STAFF_BASELINE = {
    "username": "newcomer",
    "password": "a-long-and-unusual-passphrase-42",
    "first_name": "Nia",
    "last_name": "Cole",
    "email": "",
    "title": "",
    "role": "therapist",
}


@PROFILE
@given(data=overrides(tuple(STAFF_BASELINE)))
@with_named("data", tuple(STAFF_BASELINE))
def test_staff_create_hostile_input_refused_or_escaped(
    as_admin: HttpClient, data: dict[str, str]
) -> None:
    # A fresh username per example, so the baseline is not refused as already taken.
    posted = {**STAFF_BASELINE, "username": f"newcomer{next(_numbers)}", **data}
    response = as_admin.post(reverse("staff_create"), posted)
    shown = ("first_name", "last_name", "title")
    if has_nul(data, STAFF_BASELINE):
        assert_refused(response)
        return
    assert_refused_or_saved(response, as_admin, posted, shown=shown)


@PROFILE
@given(data=overrides(STAFF_EDIT))
@with_named("data", STAFF_EDIT)
def test_staff_edit_hostile_input_refused_or_escaped(
    as_admin: HttpClient, colleague: User, data: dict[str, str]
) -> None:
    baseline = {"first_name": "Cy", "last_name": "Ng", "role": "therapist", "is_active": "on"}
    posted = {**baseline, **data}
    response = as_admin.post(reverse("staff_edit", args=[colleague.pk]), posted)
    assert_refused_or_saved(response, as_admin, posted, shown=("first_name", "last_name"))


BRANDING_BASELINE = {
    "name": "Riverside Test Clinic",
    "address": "",
    "phone": "",
    "email": "",
    "website": "",
    "handout_footer": "",
    "paper_size": "A4",
    "assessment_preset": "full",
    "program_weeks": "12",
}


@PROFILE
@given(data=overrides(tuple(BRANDING_BASELINE)))
@with_named("data", tuple(BRANDING_BASELINE))
def test_branding_hostile_input_refused_or_escaped(
    as_admin: HttpClient, data: dict[str, str]
) -> None:
    posted = {**BRANDING_BASELINE, **data}
    response = as_admin.post(reverse("clinic_branding"), posted)
    if has_nul(data, BRANDING_BASELINE):
        assert_refused(response)
        return
    assert_refused_or_saved(
        response, as_admin, posted, shown=("name", "address", "handout_footer")
    )


ADMIN_CLINIC_BASELINE = {**BRANDING_BASELINE, "cutoff_overrides": "{}"}
# 50,000 levels of nesting and a 5,000-digit integer once raised out of the form: a 500.
DEEP, HUGE = "[" * 50_000 + "]" * 50_000, '{"slr_reduced_below": ' + "9" * 5_000 + "}"


@pytest.mark.parametrize("who", ["as_superuser", "as_admin"])
@PROFILE
@given(typed=hostile_json(), data=overrides(tuple(BRANDING_BASELINE)))
@example(typed=DEEP, data={})
@example(typed=HUGE, data={})
def test_admin_clinic_hostile_cutoff_overrides_refused_or_saved(
    request: pytest.FixtureRequest,
    clinic: Clinic,
    who: str,
    typed: str,
    data: dict[str, str],
) -> None:
    http: HttpClient = request.getfixturevalue(who)
    posted = {**ADMIN_CLINIC_BASELINE, **data, "cutoff_overrides": typed}
    url = reverse("admin:clinic_clinic_change", args=[clinic.pk])
    clinic.refresh_from_db()  # examples share the clinic: an earlier one may have saved
    before = (clinic.name, clinic.cutoff_overrides)
    response = http.post(url, posted)
    clinic.refresh_from_db()
    if response.status_code == 200:
        assert_refused(response, form="adminform")
        assert (clinic.name, clinic.cutoff_overrides) == before
        note("refused")
    else:
        assert response.status_code == 302
        # Only overrides the clinical norms accept are ever stored.
        assert validate_overrides(clinic.cutoff_overrides) == clinic.cutoff_overrides
        note("saved")


@PROFILE
@given(data=overrides(AUDIT_FILTERS))
@with_named("data", AUDIT_FILTERS)
def test_audit_log_hostile_filters_answer_page(
    as_admin: HttpClient, client_record: Client, data: dict[str, str]
) -> None:
    response = as_admin.get(reverse("audit_log"), data)
    assert response.status_code == 200
    assert_never_raw(page(response))


def test_client_create_nul_is_a_field_error(as_therapist: HttpClient) -> None:
    response = as_therapist.post(
        reverse("client_create"), {**CLIENT_BASELINE, "notes": f"knee{NUL}pain"}
    )
    assert response.context["form"].errors["notes"] == ["Null characters are not allowed."]
    assert Client.objects.count() == 0


def test_client_create_markup_is_stored_and_shown_escaped(as_therapist: HttpClient) -> None:
    response = as_therapist.post(
        reverse("client_create"), {**CLIENT_BASELINE, "family_name": SCRIPT}, follow=True
    )
    assert Client.objects.get().family_name == SCRIPT
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page(response)
    assert_never_raw(page(response))


@pytest.mark.parametrize("login", ["login", "admin:login"])
def test_login_overlong_username_is_a_field_error(client: HttpClient, login: str) -> None:
    # It used to reach django-axes, whose 255-character column refused it (a 500 on PostgreSQL).
    response = client.post(reverse(login), {"username": "x" * 300, "password": "secret"})
    assert response.context["form"].errors["username"] == [
        "Ensure this value has at most 150 characters (it has 300)."
    ]

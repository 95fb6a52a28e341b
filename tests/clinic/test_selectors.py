import datetime

import pytest
from django.contrib.auth.models import AnonymousUser, User
from django.http import Http404

from clinic.models import Client, Clinic
from clinic.selectors import (
    client_get,
    client_search,
    clients_for,
    membership_for,
    parse_birth_date,
)
from tests.factories import ClientFactory, UserFactory


@pytest.fixture
def people(clinic: Clinic, other_clinic: Clinic) -> None:
    ClientFactory(
        clinic=clinic, given_name="Priya", family_name="Sharma", date_of_birth="1988-04-12"
    )
    ClientFactory(
        clinic=clinic,
        given_name="Thomas",
        family_name="Becker",
        preferred_name="Tom",
        date_of_birth="1975-09-30",
    )
    ClientFactory(
        clinic=clinic,
        given_name="Grace",
        family_name="Sharpe",
        date_of_birth="2004-05-19",
        archived=True,
    )
    ClientFactory(
        clinic=other_clinic, given_name="Priya", family_name="Sharma", date_of_birth="1988-04-12"
    )


def _names(user: User, **kwargs: object) -> list[str]:
    return [c.full_name for c in client_search(user, **kwargs)]  # type: ignore[arg-type]


@pytest.mark.usefixtures("people")
def test_search_matches_every_word_against_any_name(therapist: User) -> None:
    assert _names(therapist, query="sha") == ["Priya Sharma"]
    assert _names(therapist, query="tom beck") == ["Thomas Becker"]
    assert _names(therapist, query="priya becker") == []


@pytest.mark.usefixtures("people")
@pytest.mark.parametrize("typed", ["1988-04-12", "12/04/1988", "12.04.1988", "1988"])
def test_search_by_date_or_year_of_birth(therapist: User, typed: str) -> None:
    assert _names(therapist, query=typed) == ["Priya Sharma"]


@pytest.mark.usefixtures("people")
def test_search_hides_archived_unless_asked(therapist: User) -> None:
    assert _names(therapist, query="shar") == ["Priya Sharma"]
    assert _names(therapist, query="shar", include_archived=True) == [
        "Priya Sharma",
        "Grace Sharpe",
    ]


@pytest.mark.usefixtures("people")
def test_clients_are_scoped_to_the_users_clinic(therapist: User, outsider: User) -> None:
    assert clients_for(therapist).count() == 3
    assert clients_for(outsider).count() == 1
    assert clients_for(UserFactory()).count() == 0
    assert clients_for(AnonymousUser()).count() == 0


@pytest.mark.usefixtures("people")
def test_client_get_for_another_clinic_is_404(therapist: User, outsider: User) -> None:
    theirs = clients_for(outsider).get()
    with pytest.raises(Http404):
        client_get(therapist, theirs.pk)
    assert client_get(outsider, theirs.pk) == theirs


def test_parse_birth_date_rejects_impossible_dates() -> None:
    assert parse_birth_date("1988-02-30") is None
    assert parse_birth_date("Sharma") is None
    assert parse_birth_date("07/03/1985") == datetime.date(1985, 3, 7)


def test_membership_for_leaves_the_clinic_logo_unread(therapist: User) -> None:
    membership = membership_for(therapist)
    assert membership is not None
    assert membership.clinic.get_deferred_fields() == {"logo"}


def test_client_get_leaves_the_clinic_logo_unread(therapist: User, client_record: Client) -> None:
    client = client_get(therapist, client_record.pk)
    assert client.clinic.get_deferred_fields() == {"logo"}

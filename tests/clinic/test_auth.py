import pytest
from django.contrib.auth.hashers import identify_hasher
from django.contrib.auth.models import User
from django.test import Client as HttpClient
from django.urls import reverse

from tests.factories import TEST_PASSWORD

# Hashing and real sign-in: with the production hasher.
pytestmark = pytest.mark.production_hashing


def test_passwords_are_hashed_with_argon2(therapist: User) -> None:
    assert identify_hasher(therapist.password).algorithm == "argon2"


def test_login_page_is_public_and_styled(client: HttpClient, db: None) -> None:
    response = client.get(reverse("login"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Sign in" in body
    assert "vendor/bootstrap/css/bootstrap.min.css" in body


def test_login_then_lands_on_client_list(client: HttpClient, therapist: User) -> None:
    response = client.post(reverse("login"), {"username": "therapist", "password": TEST_PASSWORD})
    assert (response.status_code, response["Location"]) == (302, reverse("client_list"))


def test_login_with_wrong_password_keeps_username(client: HttpClient, therapist: User) -> None:
    response = client.post(reverse("login"), {"username": "therapist", "password": "nope"})
    body = response.content.decode()
    assert "Please enter a correct username and password" in body
    assert 'value="therapist"' in body


def test_logout_requires_post_and_ends_session(as_therapist: HttpClient) -> None:
    assert as_therapist.get(reverse("logout")).status_code == 405
    response = as_therapist.post(reverse("logout"))
    assert response["Location"] == reverse("login")
    assert as_therapist.get(reverse("client_list")).status_code == 302


def test_password_change_page_and_change(as_therapist: HttpClient, therapist: User) -> None:
    assert "Change your password" in as_therapist.get(reverse("password_change")).content.decode()
    response = as_therapist.post(
        reverse("password_change"),
        {
            "old_password": TEST_PASSWORD,
            "new_password1": "a-much-longer-passphrase-9",
            "new_password2": "a-much-longer-passphrase-9",
        },
    )
    assert response["Location"] == reverse("password_change_done")
    therapist.refresh_from_db()
    assert therapist.check_password("a-much-longer-passphrase-9")


@pytest.mark.parametrize("path", ["/health/"])
def test_health_is_public(client: HttpClient, db: None, path: str) -> None:
    response = client.get(path)
    assert (response.status_code, response.content) == (200, b"ok")

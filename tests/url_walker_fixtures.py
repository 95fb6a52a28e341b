"""Fixtures of the two URL walkers (tests/test_url_walker*.py), loaded by tests/conftest."""

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client as HttpClient

from clinic.models import Client, Clinic
from tests.url_registry import World, build_world


@pytest.fixture
def fast_password_hashing(settings: Any) -> None:
    # Argon2, the production hasher, costs about 0.4 s per user made; nothing here signs in
    # with a password (force_login). Not for tests whose servers check real hashes.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def world(
    clinic: Clinic,
    therapist: User,
    colleague: User,
    clinic_admin: User,
    outsider: User,
    client_record: Client,
) -> World:
    return build_world(
        clinic=clinic,
        therapist=therapist,
        colleague=colleague,
        admin=clinic_admin,
        outsider=outsider,
        client=client_record,
    )


def signed_in(user: User) -> HttpClient:
    http = HttpClient()
    http.force_login(user)
    return http

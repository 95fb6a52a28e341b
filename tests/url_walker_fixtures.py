"""Fixtures of the two URL walkers (tests/test_url_walker*.py), loaded by tests/conftest."""

import pytest
from django.contrib.auth.models import User
from django.test import Client as HttpClient

from clinic.models import Client, Clinic
from tests.url_registry import World, build_world


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

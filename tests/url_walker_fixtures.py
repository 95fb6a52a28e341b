"""Fixtures of the URL walkers and the read-audit walk, loaded by tests/conftest.

Their world (two clinics, a client with visits, plans, an episode...) is built once per test
module, inside a transaction rolled back after the module's last test: building it took
most of the walkers' time when each of their 300 tests built its own. Each test still runs
in its own savepoint inside that transaction (the `db` fixture), so what a test writes is
undone before the next, exactly as before.
"""

from collections.abc import Iterator

import pytest
from django.contrib.auth.models import User
from django.db import transaction
from django.test import Client as HttpClient
from django.test import override_settings
from pytest_django import DjangoDbBlocker

from clinic.models import Role
from tests.conftest import CLINIC_NAME, FAST_HASHERS, OTHER_CLINIC_NAME, priya
from tests.factories import ClinicFactory, MembershipFactory
from tests.url_world import World, build_world


def _build() -> World:
    """The same people and client as the suite's function-scoped fixtures (tests/conftest)."""
    clinic = ClinicFactory(name=CLINIC_NAME)
    other_clinic = ClinicFactory(name=OTHER_CLINIC_NAME)
    return build_world(
        clinic=clinic,
        therapist=MembershipFactory(clinic=clinic, user__username="therapist").user,
        colleague=MembershipFactory(clinic=clinic, user__username="colleague").user,
        admin=MembershipFactory(clinic=clinic, role=Role.ADMIN, user__username="boss").user,
        outsider=MembershipFactory(clinic=other_clinic, user__username="outsider").user,
        client=priya(clinic),
    )


@pytest.fixture(scope="module")
def _module_world(django_db_setup: None, django_db_blocker: DjangoDbBlocker) -> Iterator[World]:
    hashers = override_settings(PASSWORD_HASHERS=FAST_HASHERS)
    with django_db_blocker.unblock(), hashers, transaction.atomic():
        yield _build()
        transaction.set_rollback(True)


@pytest.fixture
def world(_module_world: World, db: None) -> World:
    """The module's world; `db` puts the test in its own savepoint."""
    return _module_world


def signed_in(user: User) -> HttpClient:
    http = HttpClient()
    http.force_login(user)
    return http

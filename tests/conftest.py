"""Shared fixtures: a therapist, a colleague in the same clinic, and an outsider.

Every view test also runs as the outsider (another clinic: 404) and anonymously
(redirect to login).
"""

import datetime
import os
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.test import Client as HttpClient

from clinic.models import Client, Clinic, Role
from tests.factories import ClientFactory, ClinicFactory, MembershipFactory

pytest_plugins = [
    "tests.browser_fixtures",
    "tests.plans.fixtures",
    "tests.url_walker_fixtures",
]

# The SQLite run (make test-sqlite) takes only the tests that touch the database: the others
# (rules, norms, scoring, properties) do the same on any database and ran on PostgreSQL.
# Tests marked same_on_any_database touch it only to hold their fixtures while they check
# what a view or form answers (hostile input, the URL walk, the read-audit walk, handout
# wording, the handout and progress PDFs); they ran on PostgreSQL too, and the SQLite run
# keeps every service, selector, concurrency, import and export test.
DATABASE_TESTS_ONLY = os.environ.get("HIPPLAN_DATABASE_TESTS_ONLY") == "1"
DATABASE_FIXTURES = {"db", "transactional_db", "live_server"}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not DATABASE_TESTS_ONLY:
        return
    kept, left = [], []
    for item in items:
        touches = bool(DATABASE_FIXTURES & set(getattr(item, "fixturenames", ())))
        touches = touches or item.get_closest_marker("django_db") is not None
        agnostic = item.get_closest_marker("same_on_any_database") is not None
        (kept if touches and not agnostic else left).append(item)
    config.hook.pytest_deselected(items=left)
    items[:] = kept


# Benchmarks run only through `make bench`.
collect_ignore_glob = [] if os.environ.get("HIPPLAN_BENCH") else ["bench/test_bench_*.py"]


# Argon2, the production hasher, costs about 0.4 s for every account a test makes: most of
# the suite's time. Tests of hashing and of real sign-in keep it (marker
# production_hashing); every other test signs in with force_login or a cheap hash.
FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _password_hashing(request: pytest.FixtureRequest, settings: Any) -> None:
    if request.node.get_closest_marker("production_hashing") is None:
        settings.PASSWORD_HASHERS = FAST_HASHERS


@pytest.fixture(autouse=True)
def _empty_cache() -> None:
    """Each test starts with an empty cache: the locmem cache lives as long as the process."""
    cache.clear()


# Our clinic and another one: the names the fixtures below give them (tests/url_walker_fixtures
# builds the same people once per module).
CLINIC_NAME = "Riverside Test Clinic"
OTHER_CLINIC_NAME = "Elsewhere Test Clinic"


def priya(clinic: Clinic) -> Client:
    """The client most tests are about."""
    return ClientFactory(
        clinic=clinic,
        given_name="Priya",
        family_name="Sharma",
        date_of_birth=datetime.date(1988, 4, 12),
    )


@pytest.fixture
def clinic(db: None) -> Clinic:
    return ClinicFactory(name=CLINIC_NAME)


@pytest.fixture
def other_clinic(db: None) -> Clinic:
    return ClinicFactory(name=OTHER_CLINIC_NAME)


@pytest.fixture
def therapist(clinic: Clinic) -> User:
    return MembershipFactory(clinic=clinic, user__username="therapist").user


@pytest.fixture
def colleague(clinic: Clinic) -> User:
    return MembershipFactory(clinic=clinic, user__username="colleague").user


@pytest.fixture
def clinic_admin(clinic: Clinic) -> User:
    return MembershipFactory(clinic=clinic, role=Role.ADMIN, user__username="boss").user


@pytest.fixture
def outsider(other_clinic: Clinic) -> User:
    return MembershipFactory(clinic=other_clinic, user__username="outsider").user


@pytest.fixture
def client_record(clinic: Clinic) -> Client:
    return priya(clinic)


def _logged_in(user: User) -> HttpClient:
    http = HttpClient()
    http.force_login(user)
    return http


@pytest.fixture
def as_therapist(therapist: User) -> HttpClient:
    return _logged_in(therapist)


@pytest.fixture
def as_colleague(colleague: User) -> HttpClient:
    return _logged_in(colleague)


@pytest.fixture
def as_outsider(outsider: User) -> HttpClient:
    return _logged_in(outsider)


@pytest.fixture
def as_admin(clinic_admin: User) -> HttpClient:
    return _logged_in(clinic_admin)


@pytest.fixture
def as_superuser(db: None) -> HttpClient:
    """A maintenance superuser, in no clinic."""
    return _logged_in(User.objects.create_superuser("root", "root@example.com", "x"))

"""The maintenance admin (/admin/) walked as one unit: ADMIN_SAMPLE as every kind of user.

Every URL name in the admin's namespace counts as covered by this unit (see
tests/test_url_walker.py); the sample is its index, an app page and each clinic-scoped
model's list and change pages.
"""

from typing import Any

import pytest
from django.contrib.auth.views import redirect_to_login
from django.test import Client as HttpClient
from django.urls import reverse

from clinic.models import Clinic
from tests.url_registry import ADMIN_PUBLIC, ADMIN_SAMPLE
from tests.url_walker_fixtures import signed_in
from tests.url_world import OURS, THEIRS, World

# Views and forms over fixtures: make test-sqlite leaves these out (tests/conftest.py).
pytestmark = pytest.mark.same_on_any_database


def _leaks(response: Any, words: tuple[str, ...]) -> list[str]:
    text = response.content.decode(errors="replace")
    return [word for word in words if word in text]


def _admin_path(name: str, world: World) -> str:
    return reverse(name, kwargs=ADMIN_SAMPLE[name](world))


def _clinic_ids(rows: list[Any]) -> set[int]:
    return {row.pk if isinstance(row, Clinic) else row.clinic_id for row in rows}


def test_admin_anonymous_is_sent_to_login(world: World) -> None:
    """To a sign-in page: the app's (LoginRequiredMiddleware) or the admin's own."""
    anonymous = HttpClient()
    for name in ADMIN_SAMPLE:
        path = _admin_path(name, world)
        sign_in = {redirect_to_login(path, login).url for login in ("login", "admin:login")}
        assert anonymous.get(path).get("Location") in sign_in, name
    public = {name: anonymous.get(reverse(name)).status_code for name in ADMIN_PUBLIC}
    assert public == dict.fromkeys(ADMIN_PUBLIC, 200)


def test_admin_refuses_therapist(world: World) -> None:
    therapist = signed_in(world.therapist)
    got = {name: therapist.get(_admin_path(name, world)) for name in ADMIN_SAMPLE}
    assert {name: r.status_code for name, r in got.items()} == dict.fromkeys(ADMIN_SAMPLE, 302)
    assert {r["Location"].split("?")[0] for r in got.values()} == {reverse("admin:login")}


def test_admin_clinic_admin_sees_only_own_clinic(world: World) -> None:
    admin = signed_in(world.admin)
    got = {name: admin.get(_admin_path(name, world)) for name in ADMIN_SAMPLE}
    assert {name: r.status_code for name, r in got.items()} == dict.fromkeys(ADMIN_SAMPLE, 200)
    assert {name: _leaks(r, THEIRS) for name, r in got.items()} == {
        key: [] for key in ADMIN_SAMPLE
    }


def test_admin_other_clinic_admin_sees_none_of_ours(world: World) -> None:
    other = signed_in(world.other_admin)
    theirs = world.other_admin.membership.clinic_id
    listed: dict[str, set[int]] = {}
    for name in ADMIN_SAMPLE:
        response = other.get(_admin_path(name, world))
        assert _leaks(response, OURS) == [], name
        if name.endswith("_change"):
            # Not found in their clinic: the admin's "does not exist" redirect, as for any id.
            assert response.get("Location") == reverse("admin:index"), name
        elif name.endswith("_changelist"):
            listed[name] = _clinic_ids(list(response.context["cl"].result_list))
        else:
            assert response.status_code == 200, name
    assert listed == {
        "admin:clinic_clinic_changelist": {theirs},
        "admin:clinic_membership_changelist": {theirs},
        "admin:clinic_auditentry_changelist": set(),  # nothing has happened there yet
        "admin:plans_clinicintervention_changelist": set(),
    }

"""Login throttling (django-axes) and session expiry after inactivity or at the lifetime."""

import datetime
import time

import pytest
from axes.models import AccessAttempt
from axes.utils import reset
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.models import User
from django.test import Client as HttpClient
from django.urls import reverse

from clinic.middleware.session import ACTIVE_AT, SIGNED_IN_AT, duration_text
from tests.factories import TEST_PASSWORD

LOGIN = "/accounts/login/"


def _sign_in(http: HttpClient, username: str, password: str, **extra: str) -> object:
    return http.post(reverse("login"), {"username": username, "password": password}, **extra)


def _fail_until_locked(http: HttpClient, username: str) -> list[int]:
    return [
        _sign_in(http, username, "wrong-password").status_code  # type: ignore[attr-defined]
        for _ in range(settings.AXES_FAILURE_LIMIT)
    ]


# ---- login throttling ----


def test_lockout_settings_are_documented_defaults() -> None:
    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.AXES_COOLOFF_TIME.total_seconds() == 15 * 60
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]


def test_lockout_after_failure_limit_refuses_correct_password(
    client: HttpClient, therapist: User
) -> None:
    statuses = _fail_until_locked(client, "therapist")
    response = _sign_in(client, "therapist", TEST_PASSWORD)
    body = response.content.decode()  # type: ignore[attr-defined]
    assert statuses == [200, 200, 200, 200, 429]
    assert response.status_code == 429  # type: ignore[attr-defined]
    assert "Too many failed sign-in attempts." in body
    assert "paused for 15 minutes" in body
    assert "Traceback" not in body
    assert SESSION_KEY not in client.session


def test_lockout_page_is_the_app_page_not_a_bare_message(
    client: HttpClient, therapist: User
) -> None:
    _fail_until_locked(client, "therapist")
    response = _sign_in(client, "therapist", TEST_PASSWORD)
    # The login view renders its form first; axes replaces that response with this page.
    names = [t.name for t in response.templates]  # type: ignore[attr-defined]
    assert names[names.index("registration/lockout.html") + 1] == "base.html"
    assert f'href="{LOGIN}"' in response.content.decode()  # type: ignore[attr-defined]


def test_lockout_leaves_other_usernames_unaffected(
    client: HttpClient, therapist: User, colleague: User
) -> None:
    _fail_until_locked(client, "therapist")
    response = _sign_in(client, "colleague", TEST_PASSWORD)
    assert (response.status_code, response["Location"]) == (  # type: ignore[attr-defined,index]
        302,
        reverse("client_list"),
    )


def test_lockout_leaves_other_addresses_unaffected(client: HttpClient, therapist: User) -> None:
    _fail_until_locked(client, "therapist")
    response = _sign_in(HttpClient(), "therapist", TEST_PASSWORD, REMOTE_ADDR="192.0.2.44")
    assert response.status_code == 302  # type: ignore[attr-defined]


def test_lockout_ends_after_cool_off(client: HttpClient, therapist: User) -> None:
    _fail_until_locked(client, "therapist")
    # The cool-off counts from the last failure: move that failure back past it.
    past = AccessAttempt.objects.get(username="therapist").attempt_time - (
        settings.AXES_COOLOFF_TIME + datetime.timedelta(seconds=1)
    )
    AccessAttempt.objects.filter(username="therapist").update(attempt_time=past)
    response = _sign_in(client, "therapist", TEST_PASSWORD)
    assert (response.status_code, response["Location"]) == (  # type: ignore[attr-defined,index]
        302,
        reverse("client_list"),
    )


def test_lockout_tries_while_locked_do_not_extend_it(client: HttpClient, therapist: User) -> None:
    _fail_until_locked(client, "therapist")
    before = AccessAttempt.objects.values_list("attempt_time", "failures_since_start").get()
    assert _sign_in(client, "therapist", "another-guess").status_code == 429  # type: ignore[attr-defined]
    after = AccessAttempt.objects.values_list("attempt_time", "failures_since_start").get()
    assert after == before


def test_lockout_reset_by_axes_unlocks_at_once(client: HttpClient, therapist: User) -> None:
    _fail_until_locked(client, "therapist")
    assert reset(username="therapist") == 1
    assert _sign_in(client, "therapist", TEST_PASSWORD).status_code == 302  # type: ignore[attr-defined]


def test_lockout_counter_cleared_by_a_successful_sign_in(
    client: HttpClient, therapist: User
) -> None:
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _sign_in(client, "therapist", "wrong-password")
    assert _sign_in(client, "therapist", TEST_PASSWORD).status_code == 302  # type: ignore[attr-defined]
    client.post(reverse("logout"))
    statuses = [
        _sign_in(client, "therapist", "wrong-password").status_code  # type: ignore[attr-defined]
        for _ in range(settings.AXES_FAILURE_LIMIT - 1)
    ]
    assert statuses == [200] * (settings.AXES_FAILURE_LIMIT - 1)


def test_lockout_applies_to_the_maintenance_login(client: HttpClient, therapist: User) -> None:
    _fail_until_locked(client, "therapist")
    response = client.post(
        reverse("admin:login"), {"username": "therapist", "password": TEST_PASSWORD}
    )
    assert response.status_code == 429


# ---- session expiry ----


def _set_clocks(http: HttpClient, **ages: int) -> None:
    """Move the session's clocks back by the given number of seconds."""
    session = http.session
    now = int(time.time())
    for key, age in ages.items():
        session[key] = now - age
    session.save()


def test_sign_in_starts_both_session_clocks(client: HttpClient, therapist: User) -> None:
    before = int(time.time())
    _sign_in(client, "therapist", TEST_PASSWORD)
    session = client.session
    assert before <= session[SIGNED_IN_AT] == session[ACTIVE_AT] <= int(time.time())


def test_idle_session_is_signed_out_with_the_reason(as_therapist: HttpClient) -> None:
    _set_clocks(as_therapist, **{ACTIVE_AT: settings.SESSION_IDLE_SECONDS + 1})
    response = as_therapist.get(reverse("client_list"), {"q": "sh"})
    assert response["Location"] == f"{LOGIN}?next=/clients/%3Fq%3Dsh"
    page = as_therapist.get(response["Location"])
    assert [str(m) for m in page.context["messages"]] == [
        "You were signed out after 30 minutes without activity. Please sign in again to continue."
    ]
    assert SESSION_KEY not in as_therapist.session
    assert as_therapist.get(reverse("client_list"))["Location"] == f"{LOGIN}?next=/clients/"


def test_active_session_continues_and_refreshes_its_clock(as_therapist: HttpClient) -> None:
    _set_clocks(as_therapist, **{ACTIVE_AT: settings.SESSION_IDLE_SECONDS - 120})
    before = int(time.time())
    response = as_therapist.get(reverse("client_list"))
    assert response.status_code == 200
    assert as_therapist.session[ACTIVE_AT] >= before


def test_recent_activity_is_not_written_again(as_therapist: HttpClient) -> None:
    _set_clocks(as_therapist, **{ACTIVE_AT: 10})
    stamped = as_therapist.session[ACTIVE_AT]
    assert as_therapist.get(reverse("client_list")).status_code == 200
    assert as_therapist.session[ACTIVE_AT] == stamped


def test_recent_activity_costs_no_session_write(
    as_therapist: HttpClient, django_assert_num_queries: object
) -> None:
    # session, user, membership (the page header): nothing written
    with django_assert_num_queries(3):  # type: ignore[operator]
        as_therapist.get(reverse("password_change_done"))


def test_stale_activity_costs_one_session_write(
    as_therapist: HttpClient, django_assert_num_queries: object
) -> None:
    _set_clocks(as_therapist, **{ACTIVE_AT: 120})
    # session, user, membership, then the session row rewritten (an UPDATE inside a
    # savepoint here; its own transaction in production), once a minute at most
    with django_assert_num_queries(6):  # type: ignore[operator]
        as_therapist.get(reverse("password_change_done"))


def test_session_older_than_its_lifetime_is_signed_out(as_therapist: HttpClient) -> None:
    _set_clocks(as_therapist, **{SIGNED_IN_AT: settings.SESSION_COOKIE_AGE + 1, ACTIVE_AT: 5})
    response = as_therapist.get(reverse("client_list"), follow=True)
    assert [str(m) for m in response.context["messages"]] == [
        "You were signed out because sessions last at most 8 hours. "
        "Please sign in again to continue."
    ]
    assert response.redirect_chain == [(f"{LOGIN}?next=/clients/", 302)]


def test_idle_htmx_request_reloads_the_whole_page_at_login(as_therapist: HttpClient) -> None:
    _set_clocks(as_therapist, **{ACTIVE_AT: settings.SESSION_IDLE_SECONDS + 1})
    response = as_therapist.get(
        reverse("client_list"),
        {"q": "sh"},
        headers={"HX-Request": "true", "HX-Current-URL": "http://testserver/clients/?q=s"},
    )
    assert (response.status_code, response["HX-Redirect"]) == (
        200,
        f"{LOGIN}?next=/clients/%3Fq%3Ds",
    )


def test_idle_post_goes_to_plain_login(as_therapist: HttpClient) -> None:
    _set_clocks(as_therapist, **{ACTIVE_AT: settings.SESSION_IDLE_SECONDS + 1})
    response = as_therapist.post(reverse("client_create"), {"given_name": "Lost"})
    assert (response.status_code, response["Location"]) == (302, LOGIN)


def test_session_without_clocks_gets_them_and_continues(as_therapist: HttpClient) -> None:
    session = as_therapist.session
    del session[ACTIVE_AT], session[SIGNED_IN_AT]
    session.save()
    assert as_therapist.get(reverse("client_list")).status_code == 200
    assert {ACTIVE_AT, SIGNED_IN_AT} <= set(as_therapist.session.keys())


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (1800, "30 minutes"),
        (3600, "1 hour"),
        (28800, "8 hours"),
        (60, "1 minute"),
        (90, "2 minutes"),
    ],
)
def test_duration_wording(seconds: int, text: str) -> None:
    assert duration_text(seconds) == text

"""The address login throttling sees: REMOTE_ADDR, or the client as our own proxies saw it."""

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client as HttpClient
from django.test import RequestFactory, override_settings
from django.urls import reverse

from clinic.client_ip import client_ip_address, forwarded_client_address
from tests.clinic.test_settings import PRODUCTION_ENV, _manage, _settings
from tests.factories import TEST_PASSWORD

PROXY = "10.0.0.2"
CLIENT_A = "198.51.100.7"
CLIENT_B = "203.0.113.9"


# ---- the rule ----


def test_no_trusted_proxy_ignores_a_forged_header() -> None:
    assert forwarded_client_address(PROXY, "192.0.2.1, 192.0.2.2", 0) == PROXY


def test_no_header_means_remote_addr() -> None:
    assert forwarded_client_address(PROXY, None, 1) == PROXY


def test_one_proxy_takes_the_rightmost_entry() -> None:
    # The client wrote "192.0.2.1"; our proxy appended the address it saw.
    assert forwarded_client_address(PROXY, f"192.0.2.1, {CLIENT_A}", 1) == CLIENT_A


def test_two_proxies_take_the_second_from_the_right() -> None:
    header = f"192.0.2.1,{CLIENT_A}, 10.0.0.9"
    assert forwarded_client_address(PROXY, header, 2) == CLIENT_A


def test_fewer_entries_than_proxies_means_remote_addr() -> None:
    assert forwarded_client_address(PROXY, CLIENT_A, 2) == PROXY


@pytest.mark.parametrize(
    "header",
    [
        "",
        " ",
        f"{CLIENT_A},",
        f"{CLIENT_A}, ,",
        "not-an-address",
        "unknown",
        f"{CLIENT_A}:443",
        "999.1.1.1",
        "clinic.example.org",
    ],
)
def test_invalid_chosen_entry_means_remote_addr(header: str) -> None:
    assert forwarded_client_address(PROXY, header, 1) == PROXY


def test_spaces_are_stripped_and_addresses_normalised() -> None:
    assert forwarded_client_address(PROXY, "  198.51.100.7  ", 1) == CLIENT_A
    assert forwarded_client_address(PROXY, "2001:DB8:0:0:0:0:0:1", 1) == "2001:db8::1"
    assert forwarded_client_address(PROXY, "::ffff:198.51.100.7", 1) == CLIENT_A


def test_ipv6_entries_and_remote_addr() -> None:
    header = "2001:db8::bad, 2001:db8::7"
    assert forwarded_client_address("2001:db8::fe", header, 1) == "2001:db8::7"
    assert forwarded_client_address("2001:db8::fe", header, 2) == "2001:db8::bad"
    assert forwarded_client_address("2001:db8::fe", "[2001:db8::7]:443", 1) == "2001:db8::fe"


def test_axes_callable_reads_the_request_and_the_setting(rf: RequestFactory) -> None:
    request = rf.post("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"192.0.2.1, {CLIENT_A}")
    assert client_ip_address(request) == PROXY  # default: no trusted proxy
    with override_settings(TRUSTED_PROXY_COUNT=1):
        assert client_ip_address(request) == CLIENT_A


# ---- the setting ----


def test_setting_defaults_to_no_proxy_and_is_wired_into_axes() -> None:
    values = _settings(["TRUSTED_PROXY_COUNT", "AXES_CLIENT_IP_CALLABLE"], PRODUCTION_ENV)
    assert values == {
        "TRUSTED_PROXY_COUNT": 0,
        "AXES_CLIENT_IP_CALLABLE": "clinic.client_ip.client_ip_address",
    }


def test_setting_read_from_environment() -> None:
    env = {**PRODUCTION_ENV, "DJANGO_TRUSTED_PROXY_COUNT": "2"}
    assert _settings(["TRUSTED_PROXY_COUNT"], env) == {"TRUSTED_PROXY_COUNT": 2}


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("-1", "DJANGO_TRUSTED_PROXY_COUNT=-1 is below the minimum of 0."),
        ("two", "DJANGO_TRUSTED_PROXY_COUNT='two' is not a whole number."),
    ],
)
def test_bad_proxy_count_fails_loudly(raw: str, message: str) -> None:
    result = _manage("check", env={**PRODUCTION_ENV, "DJANGO_TRUSTED_PROXY_COUNT": raw})
    assert result.returncode != 0
    assert message in result.stderr


# ---- through the login view ----


def _sign_in(http: HttpClient, password: str, client: str, forged: str = "") -> tuple[int, str]:
    """Sign in as "therapist" through our one proxy: it connects from PROXY and appends the
    address it saw (the client) to whatever X-Forwarded-For the client sent (forged).

    Returns the status and where it redirects to, or the page's text.
    """
    response = http.post(
        reverse("login"),
        {"username": "therapist", "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=f"{forged}, {client}" if forged else client,
    )
    return response.status_code, response.get("Location") or response.content.decode()


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_a_proxy_lockout_is_per_client_not_per_proxy(therapist: User) -> None:
    attacker = HttpClient()
    # A fresh forged address with every guess changes nothing: only our proxy's entry counts.
    statuses = [
        _sign_in(attacker, "wrong-password", CLIENT_A, forged=f"192.0.2.{n}")[0]
        for n in range(settings.AXES_FAILURE_LIMIT)
    ]
    assert statuses == [200, 200, 200, 200, 429]
    status, page = _sign_in(attacker, TEST_PASSWORD, CLIENT_A)
    assert status == 429
    assert "Too many failed sign-in attempts." in page
    assert list(AccessAttempt.objects.values_list("username", "ip_address")) == [
        ("therapist", CLIENT_A)
    ]

    assert _sign_in(HttpClient(), TEST_PASSWORD, CLIENT_B) == (302, reverse("client_list"))


def test_without_the_setting_a_proxy_address_locks_everyone_behind_it(therapist: User) -> None:
    """The default trusts no header: behind a proxy the lockout is per username."""
    attacker = HttpClient()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _sign_in(attacker, "wrong-password", CLIENT_A)
    assert _sign_in(HttpClient(), TEST_PASSWORD, CLIENT_B)[0] == 429

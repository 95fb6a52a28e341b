"""'Forgot password': Django's reset by email, one answer for every address, throttled."""

import logging
import re
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client as HttpClient
from django.urls import reverse

from clinic.password_reset import CLIENT, EMAIL, expiry_text, reset_request_limits_hit
from tests.clinic.test_csp import POLICY, _inline_code, _policy
from tests.clinic.test_settings import PRODUCTION_ENV, _manage, _settings
from tests.factories import TEST_PASSWORD

NEW_PASSWORD = "lantern-meadow-copper-77"
LINK = re.compile(r"^http://testserver(/accounts/password/reset/[^/\s]+/[^/\s]+/)$", re.M)
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')


@pytest.fixture
def known(therapist: User) -> User:
    therapist.first_name, therapist.last_name = "Tamsin", "Quillfeather"
    therapist.email = "tamsin@example.com"
    therapist.save(update_fields=["first_name", "last_name", "email"])
    return therapist


def _ask(email: str, address: str = "203.0.113.7", **headers: str) -> HttpClient:
    http = HttpClient(REMOTE_ADDR=address, **headers)
    response = http.post(reverse("password_reset"), {"email": email})
    assert (response.status_code, response["Location"]) == (302, reverse("password_reset_done"))
    return http


def test_login_page_links_to_password_reset(client: HttpClient, db: None) -> None:
    page = client.get(reverse("login")).content.decode()
    assert f'<a href="{reverse("password_reset")}">Forgot your password?</a>' in page


def test_password_reset_pages_are_public_and_styled(client: HttpClient, db: None) -> None:
    pages = {
        name: client.get(reverse(name))
        for name in ("password_reset", "password_reset_done", "password_reset_complete")
    }
    assert {name: r.status_code for name, r in pages.items()} == dict.fromkeys(pages, 200)
    templates = {name: r.context["view"].template_name for name, r in pages.items()}
    assert templates == {
        "password_reset": "registration/password_reset_form.html",
        "password_reset_done": "registration/password_reset_done.html",
        "password_reset_complete": "registration/password_reset_complete.html",
    }
    texts = [r.content.decode() for r in pages.values()]
    assert ["vendor/bootstrap/css/bootstrap.min.css" in text for text in texts] == [True] * 3
    assert [_inline_code(text).found for text in texts] == [[], [], []]
    assert [_policy(r["Content-Security-Policy"]) for r in pages.values()] == [POLICY] * 3


def test_password_reset_full_flow_sets_new_password(known: User, clinic: object) -> None:
    http = _ask("Tamsin@Example.com")
    (sent,) = mail.outbox
    assert (sent.to, sent.subject) == (
        ["tamsin@example.com"],
        "Choose a new password for Hip & back plans",
    )
    body = sent.body
    assert body.startswith("Hello Tamsin Quillfeather,\n\n")
    assert "on Hip & back plans, the clinic app of Riverside Test Clinic." in body
    assert "Your username is therapist." in body
    assert "open this link within 24 hours:" in body
    assert "If you did not ask for a new password, ignore this email" in body
    (path,) = LINK.findall(body)
    # The link puts its token in the session and moves to a URL without it (no Referer leak).
    response = http.get(path)
    form_path = path.rsplit("/", 2)[0] + "/set-password/"
    assert (response.status_code, response["Location"]) == (302, form_path)
    page = http.get(form_path)
    assert (page.status_code, page.context["validlink"]) == (200, True)
    assert "Choose a new password" in page.content.decode()
    assert _inline_code(page.content.decode()).found == []
    new = {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    done = http.post(form_path, new)
    assert (done.status_code, done["Location"]) == (302, reverse("password_reset_complete"))
    signed_in = HttpClient().post(
        reverse("login"), {"username": "therapist", "password": NEW_PASSWORD}
    )
    assert (signed_in.status_code, signed_in["Location"]) == (302, reverse("client_list"))
    known.refresh_from_db()
    assert known.check_password(TEST_PASSWORD) is False
    # Used once: the same link now shows the "does not work" page and changes nothing.
    again = HttpClient().get(path)
    assert (again.status_code, again.context["validlink"]) == (200, False)
    assert "This link does not work" in again.content.decode()


def test_password_reset_weak_new_password_error_next_to_field(known: User) -> None:
    http = _ask("tamsin@example.com")
    (path,) = LINK.findall(mail.outbox[0].body)
    form_path = http.get(path)["Location"]
    weak = "password123"
    response = http.post(form_path, {"new_password1": weak, "new_password2": weak})
    assert response.context["form"].errors == {"new_password2": ["This password is too common."]}
    known.refresh_from_db()
    assert known.check_password(TEST_PASSWORD) is True


def test_password_reset_expiry_in_mail_follows_the_setting(known: User, settings: Any) -> None:
    settings.PASSWORD_RESET_TIMEOUT = 3 * 86_400
    _ask("tamsin@example.com")
    assert "open this link within 3 days:" in mail.outbox[0].body


def _answer(email: str) -> tuple[int, list[tuple[str, int]], str]:
    response = HttpClient(REMOTE_ADDR="198.51.100.4").post(
        reverse("password_reset"), {"email": email}, follow=True
    )
    return (
        response.status_code,
        response.redirect_chain,
        CSRF.sub("", response.content.decode()),
    )


def test_password_reset_known_and_unknown_address_answer_the_same(known: User) -> None:
    known_answer = _answer("tamsin@example.com")
    assert [message.to for message in mail.outbox] == [["tamsin@example.com"]]
    unknown_answer = _answer("nobody@example.com")
    assert unknown_answer == known_answer
    assert known_answer[:2] == (200, [(reverse("password_reset_done"), 302)])
    assert "Check your email" in known_answer[2]
    assert len(mail.outbox) == 1


def test_password_reset_account_without_usable_password_gets_no_mail(known: User) -> None:
    # Django's default, kept: such an account gets its link from a clinic admin instead.
    known.set_unusable_password()
    known.save(update_fields=["password"])
    _ask("tamsin@example.com")
    assert mail.outbox == []


def test_password_reset_throttled_per_email_address(
    known: User, settings: Any, caplog: pytest.LogCaptureFixture
) -> None:
    limit = settings.PASSWORD_RESET_LIMIT
    for number in range(limit):
        _ask("tamsin@example.com", address=f"203.0.113.{number + 1}")
    assert len(mail.outbox) == limit
    with caplog.at_level(logging.WARNING, logger="clinic.views.password"):
        _ask("TAMSIN@example.com", address="192.0.2.50")  # a fresh client, the same address
    assert len(mail.outbox) == limit
    assert [record.getMessage() for record in caplog.records] == [
        "Password reset request from 192.0.2.50 refused, no email sent: over the limit per "
        "email address"
    ]


def test_password_reset_throttled_per_client_address(
    known: User, settings: Any, caplog: pytest.LogCaptureFixture
) -> None:
    limit = settings.PASSWORD_RESET_LIMIT
    for number in range(limit):
        _ask(f"guess{number}@example.com")
    with caplog.at_level(logging.WARNING, logger="clinic.views.password"):
        _ask("tamsin@example.com")  # known, but this client asked too often
    assert mail.outbox == []
    assert "over the limit per client address" in caplog.records[0].getMessage()
    _ask("tamsin@example.com", address="192.0.2.50")  # another client still gets its link
    assert [message.to for message in mail.outbox] == [["tamsin@example.com"]]


def test_password_reset_throttle_sees_client_behind_trusted_proxy(
    known: User, settings: Any
) -> None:
    settings.TRUSTED_PROXY_COUNT = 1
    limit = settings.PASSWORD_RESET_LIMIT
    proxy = "10.0.0.2"
    for number in range(limit + 1):
        _ask(f"guess{number}@example.com", proxy, HTTP_X_FORWARDED_FOR="203.0.113.7")
    # Another client through the same proxy is counted apart; a forged entry on the left is
    # not believed, so the limited client cannot escape by writing one.
    _ask("tamsin@example.com", proxy, HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.7")
    _ask("tamsin@example.com", proxy, HTTP_X_FORWARDED_FOR="203.0.113.8")
    assert len(mail.outbox) == 1


def test_reset_request_limits_hit_counts_until_the_window_ends(db: None, settings: Any) -> None:
    settings.PASSWORD_RESET_LIMIT = 2
    settings.PASSWORD_RESET_WINDOW_SECONDS = 3600
    start = 7200.0  # a window's first second

    def ask(email: str, client: str | None, now: float) -> list[str]:
        return reset_request_limits_hit(email=email, client_address=client, now=now)

    answers = [ask("a@example.com", "192.0.2.1", start + second) for second in (0, 10, 20)]
    assert answers == [[], [], [EMAIL, CLIENT]]
    assert ask("A@EXAMPLE.COM ", "192.0.2.2", start + 30) == [EMAIL]
    assert ask("b@example.com", "192.0.2.1", start + 40) == [CLIENT]
    assert ask("a@example.com", "192.0.2.1", start + 3600) == []
    # No address at all (no REMOTE_ADDR) is one client, not a way around the limit.
    assert [ask(f"{n}@example.com", None, start) for n in range(3)] == [[], [], [CLIENT]]


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (86_400, "24 hours"),
        (3 * 86_400, "3 days"),
        (3_600, "1 hour"),
        (5_400, "90 minutes"),
        (60, "1 minute"),
        (90, "1 minute"),
    ],
)
def test_expiry_text_whole_units(seconds: int, text: str) -> None:
    assert expiry_text(seconds) == text


def test_lockout_page_points_to_password_reset(
    client: HttpClient, therapist: User, settings: Any
) -> None:
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": "therapist", "password": "wrong"})
    locked = client.post(reverse("login"), {"username": "therapist", "password": "wrong"})
    link = f'<a class="alert-link" href="{reverse("password_reset")}">set a new one by email</a>'
    assert (locked.status_code, link in locked.content.decode()) == (429, True)


RESET_SETTINGS = [
    "PASSWORD_RESET_TIMEOUT",
    "PASSWORD_RESET_LIMIT",
    "PASSWORD_RESET_WINDOW_SECONDS",
]


def test_password_reset_settings_default_and_from_environment() -> None:
    defaults = _settings(RESET_SETTINGS, PRODUCTION_ENV)
    env = {
        **PRODUCTION_ENV,
        "DJANGO_PASSWORD_RESET_SECONDS": "7200",
        "DJANGO_PASSWORD_RESET_LIMIT": "3",
        "DJANGO_PASSWORD_RESET_WINDOW_SECONDS": "600",
    }
    assert (defaults, _settings(RESET_SETTINGS, env)) == (
        dict(zip(RESET_SETTINGS, [86_400, 5, 3_600], strict=True)),
        dict(zip(RESET_SETTINGS, [7_200, 3, 600], strict=True)),
    )


def test_password_reset_limit_of_zero_fails_loudly() -> None:
    result = _manage("check", env={**PRODUCTION_ENV, "DJANGO_PASSWORD_RESET_LIMIT": "0"})
    assert result.returncode != 0
    assert "DJANGO_PASSWORD_RESET_LIMIT=0 is below the minimum of 1." in result.stderr

"""Signing in through the real sign-in page, as the browser tests' first step."""

from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client as HttpClient
from playwright.sync_api import Page, expect

from tests.factories import TEST_PASSWORD


def sign_in(page: Page, base: str, username: str = "therapist") -> None:
    """Sign in at `base` and wait for the client list, where sign-in lands."""
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Clients")).to_be_visible()


def sign_in_cookie(page: Page, base: str, user: User) -> None:
    """Give the browser a signed-in session without the sign-in page (which `sign_in` and
    the sign-in tests go through): for tests about another page, one page load less."""
    http = HttpClient()
    http.force_login(user)
    name = settings.SESSION_COOKIE_NAME
    page.context.add_cookies([{"name": name, "value": http.cookies[name].value, "url": base}])

"""Signing in through the real sign-in page, as the browser tests' first step."""

from playwright.sync_api import Page, expect

from tests.factories import TEST_PASSWORD


def sign_in(page: Page, base: str, username: str = "therapist") -> None:
    """Sign in at `base` and wait for the client list, where sign-in lands."""
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Clients")).to_be_visible()

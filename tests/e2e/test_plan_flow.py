"""From a finished assessment to an issued plan, in the browser."""

from django.contrib.auth.models import User
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from assessments.models import Assessment
from plans.models import PlanVersion
from tests.e2e.signing_in import sign_in


def test_build_shape_and_issue_plan(
    page: Page, live_server: LiveServer, therapist: User, typical: Assessment
) -> None:
    base = live_server.url
    sign_in(page, base)

    page.goto(f"{base}/assessments/{typical.pk}/")
    page.get_by_role("button", name="Build plan").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("version 1")
    preview = page.locator("article.program")
    expect(preview).to_contain_text("Kneeling hip flexor stretch")

    # Add from the library by searching a target, then move it up with the keyboard.
    page.get_by_label("Search the library by name or target").fill("core")
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Add Forearm plank").click()
    expect(preview).to_contain_text("Forearm plank")
    page.get_by_role("button", name="Move Forearm plank up").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".plan-item").last).not_to_contain_text("Forearm plank")
    expect(page.locator(".plan-item").nth(-2)).to_contain_text("Forearm plank")

    page.get_by_label("Message to the client").fill("Little and often. See you in two weeks.")
    page.get_by_role("button", name="Save message").click()
    expect(preview).to_contain_text("Little and often.")

    page.get_by_role("button", name="Issue version 1").click()
    expect(page.get_by_text("Plan version 1 issued.")).to_be_visible()
    version = PlanVersion.objects.get()
    assert version.is_issued
    slugs = list(version.items.values_list("slug", flat=True))
    assert "plank" in slugs
    assert slugs[-2] == "plank"  # added last, then moved up one place
    assert version.message == "Little and often. See you in two weeks."

"""A quick-screen clinic: folded sections open from the keyboard, and what is typed saves."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from assessments.models import Assessment
from assessments.services import assessment_start
from clinic.models import AssessmentPreset, Client, Clinic
from tests.e2e.signing_in import sign_in, sign_in_cookie

MAX_TABS = 20
ACTIVE_SUMMARY = "() => document.activeElement.closest('#section-rom summary') !== null"


@pytest.fixture
def draft(therapist: User, clinic: Clinic, client_record: Client) -> Assessment:
    """A draft of a clinic whose preset is the quick screen."""
    clinic.assessment_preset = AssessmentPreset.QUICK
    clinic.save()
    return assessment_start(
        actor=therapist, client=client_record, visit_date=datetime.date(2026, 11, 2)
    )


def test_folded_section_opens_with_the_keyboard_and_its_value_saves(
    page: Page, live_server: LiveServer, draft: Assessment
) -> None:
    sign_in(page, live_server.url)
    page.goto(f"{live_server.url}/assessments/{draft.pk}/edit/")
    hip_flexion = page.locator('[name="hip_flexion__left"]')
    expect(hip_flexion).to_be_hidden()
    expect(page.locator('[name="thomas_hip_angle__left"]')).to_be_visible()

    # From the last field of the (open) Thomas test, Tab reaches the folded section's summary.
    page.locator("#section-thomas :is(input, select)").last.focus()
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate(ACTIVE_SUMMARY):
            break
    assert page.evaluate(ACTIVE_SUMMARY)
    expect(page.locator("#section-rom summary")).to_contain_text("Open Range of motion")

    page.keyboard.press("Enter")
    expect(hip_flexion).to_be_visible()
    hip_flexion.fill("104")
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text("Draft saved.")).to_be_visible()
    # The section now holds a value, so it is shown open.
    expect(page.locator('[name="hip_flexion__left"]')).to_have_value("104")
    expect(page.locator('[name="hip_flexion__left"]')).to_be_visible()
    expect(page.locator('[name="strength_glute_med__left"]')).to_be_hidden()
    saved = {(m.item, m.side): m.value for m in draft.measurements.all()}
    assert saved == {("hip_flexion", "left"): Decimal(104)}


def test_section_link_opens_a_folded_section(
    page: Page, live_server: LiveServer, therapist: User, draft: Assessment
) -> None:
    sign_in_cookie(page, live_server.url, therapist)
    page.goto(f"{live_server.url}/assessments/{draft.pk}/edit/")
    hip_flexion = page.locator('[name="hip_flexion__left"]')
    expect(hip_flexion).to_be_hidden()
    page.locator(".section-nav").get_by_role("link", name="Range of motion").click()
    expect(hip_flexion).to_be_visible()
    expect(hip_flexion).to_be_in_viewport()
    # Opened at a folded section's address, the page opens it as well.
    page.goto(f"{live_server.url}/assessments/{draft.pk}/edit/#section-strength")
    expect(page.locator('[name="strength_glute_med__left"]')).to_be_visible()

"""The body chart by mouse and by keyboard: a region clicked on the figure and another reached
with Tab and the arrow keys and marked with Enter are both saved."""

import datetime

from django.contrib.auth.models import User
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from assessments.models import BodyChartMark
from assessments.services import assessment_start
from clinic.models import Client
from tests.e2e.signing_in import sign_in_cookie

VISIT = datetime.date(2026, 3, 2)


def _focused_region(page: Page) -> str:
    return str(page.evaluate("document.activeElement.getAttribute('data-region') || ''"))


def test_body_chart_marks_by_mouse_and_by_keyboard(
    page: Page, live_server: LiveServer, therapist: User, client_record: Client
) -> None:
    draft = assessment_start(actor=therapist, client=client_record, visit_date=VISIT)
    sign_in_cookie(page, live_server.url, therapist)
    page.goto(f"{live_server.url}/assessments/{draft.pk}/edit/")

    # Mouse: a click adds the region's row and puts the focus on its pain type.
    buttock = page.locator("[data-region='buttock_left'][role='button']")
    buttock.click()
    expect(buttock).to_have_attribute("aria-pressed", "true")
    expect(page.locator("#id_chart_buttock_left_type")).to_be_focused()
    page.locator("#id_chart_buttock_left_intensity").fill("6")
    # A second click takes a row added this way away again, and a third brings it back.
    buttock.click()
    expect(page.locator("#id_chart_buttock_left_type")).to_have_count(0)
    buttock.click()
    page.locator("#id_chart_buttock_left_intensity").fill("6")

    # Keyboard: Tab into the figures (one stop), arrows to the right calf, Enter marks it.
    page.locator("#section-body_chart").focus()
    page.keyboard.press("Tab")
    assert _focused_region(page) == "buttock_left"  # the last region used keeps the stop
    for _ in range(30):
        if _focused_region(page) == "leg_back_right":
            break
        page.keyboard.press("ArrowRight")
    assert _focused_region(page) == "leg_back_right"
    page.keyboard.press("Enter")
    pain_type = page.locator("#id_chart_leg_back_right_type")
    expect(pain_type).to_be_focused()
    pain_type.select_option("pins_needles")
    page.keyboard.press("Tab")
    page.keyboard.type("3")

    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text("Draft saved.")).to_be_visible()
    stored = BodyChartMark.objects.filter(assessment=draft).order_by("region")
    assert [(m.region, m.pain_type, m.intensity) for m in stored] == [
        ("buttock_left", "ache", 6),
        ("leg_back_right", "pins_needles", 3),
    ]
    # After the save both are rows of the list, and the chart's red flag is in the findings.
    expect(page.locator("#body-chart-rows [data-region]")).to_have_count(2)
    expect(page.locator("#findings-summary")).to_contain_text("Pain radiating below the knee")

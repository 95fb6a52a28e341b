"""Keyboard only: sign in, find a client, compare two visits, open the charts (no mouse).

Every element Tab reaches on the way must show where the focus is (an outline or a box
shadow), so someone without a mouse can always see where they are.
"""

import datetime
import re
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import User
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from assessments.services import assessment_finalise, assessment_save, assessment_start
from clinic.models import Client
from tests.factories import TEST_PASSWORD

FIRST = datetime.date(2026, 3, 2)
# More Tab presses than any of these pages has stops before the wanted one.
MAX_TABS = 60

# What the focused element shows, read from the page (computed styles, not class names).
FOCUS_STATE = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  return {
    tag: el.tagName.toLowerCase(),
    text: (el.innerText || el.value || el.getAttribute("aria-label") || "").trim(),
    outline: style.outlineStyle === "none" ? "none" : style.outlineWidth,
    shadow: style.boxShadow,
    visible: box.width > 0 && box.height > 0,
  };
}"""


def _visits(therapist: User, client: Client) -> None:
    for weeks, pain in [(0, 7), (4, 4)]:
        visit_date = FIRST + datetime.timedelta(weeks=weeks)
        draft = assessment_start(actor=therapist, client=client, visit_date=visit_date)
        values = {("pain_now", ""): Decimal(pain), ("pain_worst_24h", ""): Decimal(pain + 1)}
        saved = assessment_save(
            actor=therapist, assessment=draft, expected_version=1, narrative={}, values=values
        )
        assessment_finalise(actor=therapist, assessment=saved, expected_version=2)


def _shadow_shows(shadow: str) -> bool:
    """A box shadow that paints something: not none, not faint, not zero-sized."""
    if shadow == "none":
        return False
    alpha = re.search(r"rgba\([^)]*,\s*([\d.]+)\)", shadow)
    lengths = [float(length) for length in re.findall(r"(-?[\d.]+)px", shadow)]
    return (alpha is None or float(alpha[1]) >= 0.5) and any(lengths)


def _shows_focus(state: dict[str, Any]) -> bool:
    outline = state["outline"] not in ("none", "0px")
    return state["visible"] and (outline or _shadow_shows(state["shadow"]))


def tab_to(page: Page, text: str) -> list[dict[str, Any]]:
    """Press Tab until the element whose text is `text` has the focus; every stop passed."""
    stops = []
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STATE)
        stops.append(state)
        if state["text"] == text:
            return stops
    raise AssertionError(f"{text!r} not reached in {MAX_TABS} Tab presses: {stops}")


def _unmarked(stops: list[dict[str, Any]]) -> list[str]:
    return [f"{stop['tag']} {stop['text']!r}" for stop in stops if not _shows_focus(stop)]


def test_keyboard_reaches_compare_and_progress_with_visible_focus(
    page: Page, live_server: LiveServer, therapist: User, client_record: Client
) -> None:
    _visits(therapist, client_record)
    # Bootstrap then drops its transitions: each focus ring is read as it finally looks.
    page.emulate_media(reduced_motion="reduce")
    page.goto(f"{live_server.url}/clients/")
    expect(page.get_by_label("Username")).to_be_focused()  # the sign-in form starts there
    page.keyboard.type("therapist")
    page.keyboard.press("Tab")
    page.keyboard.type(TEST_PASSWORD)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Clients")

    stops = tab_to(page, "Sharma, Priya")
    assert stops[0]["text"] == "Skip to content"  # the first stop skips the navigation
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Priya Sharma")

    stops += tab_to(page, "Compare visits")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Compare visits: Priya Sharma")
    pain_row = page.get_by_role("row", name="Pain now (NPRS)")
    expect(pain_row).to_contain_text("7/10")
    expect(pain_row).to_contain_text("4/10")

    stops += tab_to(page, "Progress charts over all visits")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Progress: Priya Sharma")

    # The chart's data table opens from the keyboard too.
    table = page.get_by_role("table", name="Pain (NPRS): values at each finalised visit")
    expect(table).to_be_hidden()
    stops += tab_to(page, "Data table: Pain (NPRS)")
    page.keyboard.press("Enter")
    expect(table).to_be_visible()
    expect(table.get_by_role("row", name="30 Mar 2026")).to_contain_text("4/10")

    assert page.url == f"{live_server.url}/clients/{client_record.pk}/progress/"
    assert _unmarked(stops) == []

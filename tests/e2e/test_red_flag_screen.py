"""The red-flag screen in one keyboard action: "None of these", and at a follow-up
"Unchanged since <date>"; either way any item can be changed afterwards, and nothing is
answered unless the therapist presses the button."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Browser, Page, expect
from pytest_django.live_server_helper import LiveServer

from assessments.catalogue.items import RED_FLAGS
from assessments.models import Assessment
from assessments.services import assessment_finalise, assessment_save, assessment_start
from clinic.models import Client
from tests.e2e.axe import blocking_violations
from tests.e2e.signing_in import sign_in

DAY1, DAY2 = datetime.date(2026, 3, 3), datetime.date(2026, 3, 31)
CODES = [code for code, _, _ in RED_FLAGS]


def _red_flags(assessment: Assessment) -> dict[str, str]:
    return {m.item: m.choice for m in assessment.measurements.filter(item__in=CODES)}


def _selects(page: Page) -> list[str]:
    return [page.locator(f'select[name="{code}"]').input_value() for code in CODES]


def _tab_to(page: Page, name: str) -> None:
    """Tab from the screen's own section (focusable, as the section links make it) until
    the named button has focus."""
    page.locator("#section-red_flags").focus()
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == name:
            return
    raise AssertionError(f"{name!r} not reached by Tab")


@pytest.fixture
def draft(therapist: User, client_record: Client) -> Assessment:
    return assessment_start(actor=therapist, client=client_record, visit_date=DAY1)


@pytest.fixture
def follow_up(therapist: User, client_record: Client) -> Assessment:
    """Started from a visit that answered every question, yes to significant trauma."""
    first = assessment_start(actor=therapist, client=client_record, visit_date=DAY1)
    values = {(code, ""): "no" for code in CODES} | {
        ("rf_major_trauma", ""): "yes",
        ("hip_extension", "left"): Decimal(5),
    }
    first = assessment_save(
        actor=therapist, assessment=first, expected_version=1, narrative={}, values=values
    )
    assessment_finalise(actor=therapist, assessment=first, expected_version=2)
    return assessment_start(
        actor=therapist, client=client_record, visit_date=DAY2, copy_forward=True
    )


def test_none_of_these_by_keyboard_then_one_item_changed_to_yes(
    page: Page, live_server: LiveServer, draft: Assessment
) -> None:
    sign_in(page, live_server.url)
    page.goto(f"{live_server.url}/assessments/{draft.pk}/edit/")
    page.locator('select[name="rf_fever"]').select_option("yes")  # answered before: kept
    _tab_to(page, "None of these")
    page.keyboard.press("Enter")
    expected = ["yes" if code == "rf_fever" else "no" for code in CODES]
    assert _selects(page) == expected
    expect(page.get_by_role("status").filter(has_text="answered No")).to_have_text(
        "16 unanswered items answered No. Save to keep them."
    )
    assert page.url.endswith(f"/assessments/{draft.pk}/edit/")  # filled in place: no submit
    assert _red_flags(draft) == {}  # nothing stored until saved

    # Any single item is still answerable: change one to yes from the keyboard.
    page.get_by_label("Persistent night pain").focus()
    page.keyboard.type("y")
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text("Draft saved.")).to_be_visible()
    assert _red_flags(draft) == {
        **dict.fromkeys(CODES, "no"),
        "rf_fever": "yes",
        "rf_night_pain": "yes",
    }


def test_enter_in_a_field_saves_without_answering_the_screen(
    page: Page, live_server: LiveServer, draft: Assessment
) -> None:
    sign_in(page, live_server.url)
    page.goto(f"{live_server.url}/assessments/{draft.pk}/edit/")
    page.get_by_label("Onset and duration").fill("Three weeks")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Draft saved.")).to_be_visible()
    draft.refresh_from_db()
    assert (draft.onset, _red_flags(draft)) == ("Three weeks", {})


def test_unchanged_since_by_keyboard_says_the_yes_then_one_item_changed(
    page: Page, live_server: LiveServer, follow_up: Assessment
) -> None:
    sign_in(page, live_server.url)
    page.goto(f"{live_server.url}/assessments/{follow_up.pk}/edit/")
    offer = page.locator("#red-flag-offer")
    expect(offer).to_contain_text("Yes at the last visit")
    expect(offer).to_contain_text("Last visit, 3 Mar 2026: yes to significant trauma")
    assert _selects(page) == [""] * len(CODES)  # offered, not filled in
    assert [v["id"] for v in blocking_violations(page)] == []  # axe-core, as every page

    _tab_to(page, "Unchanged since 3 Mar 2026")
    page.keyboard.press("Enter")
    assert _selects(page) == ["yes" if code == "rf_major_trauma" else "no" for code in CODES]
    expect(page.get_by_role("status").filter(has_text="filled in")).to_have_text(
        "17 answers from 3 Mar 2026 filled in, including yes to: Significant trauma. "
        "Save to keep them."
    )
    # The trauma has since been ruled out: change that one answer.
    page.get_by_label("Significant trauma").focus()
    page.keyboard.type("n")
    page.get_by_label("I have checked the values carried over from the last visit").check()
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text("Draft saved.")).to_be_visible()
    assert _red_flags(follow_up) == dict.fromkeys(CODES, "no")
    assert not follow_up.measurements.filter(carried_over=True).exists()


def test_without_javascript_each_button_answers_on_submit(
    browser: Browser, live_server: LiveServer, follow_up: Assessment
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        sign_in(page, live_server.url)
        page.goto(f"{live_server.url}/assessments/{follow_up.pk}/edit/")
        # Enter in a field submits with the form's first submit button: a plain save.
        page.get_by_label("Onset and duration").fill("Three weeks")
        page.keyboard.press("Enter")
        expect(page.get_by_text("Draft saved.")).to_be_visible()
        assert _red_flags(follow_up) == {}
        page.locator('select[name="rf_fever"]').select_option("yes")
        page.get_by_role("button", name="Unchanged since 3 Mar 2026").click()
        expect(page.get_by_text("16 answers confirmed unchanged since 3 Mar 2026")).to_be_visible()
        assert _red_flags(follow_up) == {
            **dict.fromkeys(CODES, "no"),
            "rf_major_trauma": "yes",
            "rf_fever": "yes",
        }
        assert page.url.endswith("#section-red_flags")
    finally:
        context.close()

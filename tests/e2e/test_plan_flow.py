"""From a finished assessment to an issued plan, in the browser: the builder's one form."""

from django.contrib.auth.models import User
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from assessments.models import Assessment
from plans.models import PlanVersion
from plans.services import plan_build, plan_issue
from tests.e2e.signing_in import sign_in, sign_in_cookie


def _names(page: Page) -> list[str]:
    return page.locator("#plan-items li.plan-item:visible").evaluate_all(
        "items => items.map(li => li.dataset.name)"
    )


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
    suggested = _names(page)

    # Search live, choose where the new item goes, add it: it lands second.
    page.get_by_label("Search by name or target").fill("core")
    expect(page.get_by_role("button", name="Add Forearm plank")).to_be_visible()
    page.get_by_label("Put a new item").select_option(label=f"after 1. {suggested[0]}")
    page.get_by_role("button", name="Add Forearm plank").click()
    expect(page.get_by_text("Added Forearm plank as item 2.")).to_be_visible()
    assert _names(page) == [suggested[0], "Forearm plank", *suggested[1:]]

    # A dose typed in one item survives moving another, by keyboard, in place.
    first = page.locator("#plan-items li.plan-item").first
    first.get_by_label("Hold (s)").fill("45")
    expect(page.locator("#save-state")).to_contain_text("Unsaved changes")
    page.get_by_role("button", name="Move Forearm plank down").focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    assert _names(page)[3] == "Forearm plank"
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == (
        "Move Forearm plank down"
    )
    # No reload and no jump: the moved item stays in view under the keyboard.
    expect(page.get_by_role("button", name="Move Forearm plank down")).to_be_in_viewport()
    expect(first.get_by_label("Hold (s)")).to_have_value("45")

    # Remove one, undo, remove another; nothing is stored until "Save plan".
    last = suggested[-1]
    page.get_by_role("button", name=f"Remove {last}").click()
    page.get_by_role("button", name=f"Undo removing {last}").click()
    assert _names(page)[-1] == last
    page.get_by_role("button", name=f"Remove {last}").click()
    version = PlanVersion.objects.get()
    assert version.items.filter(slug="plank").get().position == 2  # not saved yet

    page.get_by_label("Message to the client").fill("Little and often. See you in two weeks.")
    page.locator("#save-plan").click()
    expect(page.locator("#save-state")).to_have_text("All changes saved")
    expect(preview).to_contain_text("Little and often.")
    expect(preview).not_to_contain_text(last)

    page.get_by_role("button", name="Save and issue version 1").click()
    expect(page.get_by_text("Plan version 1 issued.")).to_be_visible()
    version.refresh_from_db()
    assert version.is_issued
    names = [item.name for item in version.items.order_by("position")]
    assert names[3] == "Forearm plank"
    assert last not in names
    assert version.items.order_by("position").first().hold_seconds == 45
    assert version.message == "Little and often. See you in two weeks."


def test_builder_drag_moves_an_item_and_save_keeps_it(
    page: Page, live_server: LiveServer, therapist: User, typical: Assessment
) -> None:
    version = plan_build(actor=therapist, assessment=typical)
    # Tall enough for the first three items at once: the drag starts and ends on screen.
    page.set_viewport_size({"width": 1280, "height": 1800})
    sign_in(page, live_server.url)
    page.goto(f"{live_server.url}/plans/{version.pk}/")
    before = _names(page)
    items = page.locator("#plan-items li.plan-item")
    items.nth(2).locator(".drag-handle").drag_to(items.nth(0), target_position={"x": 20, "y": 5})
    assert _names(page) == [before[2], before[0], before[1], *before[3:]]
    expect(page.locator("#save-state")).to_contain_text("Unsaved changes")
    page.locator("#save-plan").click()
    expect(page.locator("#save-state")).to_have_text("All changes saved")
    stored = [item.name for item in version.items.order_by("position")]
    assert stored == [before[2], before[0], before[1], *before[3:]]


def test_edits_to_two_items_survive_a_third_items_button(
    page: Page, live_server: LiveServer, therapist: User, typical: Assessment
) -> None:
    """Issue 16's defect, in the browser: typed in item 1 and item 2, then item 3's "Move
    up" pressed; after it, and after a reload, both edits are there."""
    version = plan_build(actor=therapist, assessment=typical)
    sign_in_cookie(page, live_server.url, therapist)
    page.goto(f"{live_server.url}/plans/{version.pk}/")
    items = page.locator("#plan-items li.plan-item")
    first, second, third = items.nth(0), items.nth(1), items.nth(2)
    first.get_by_label("Note").fill("Breathe out as you lift")
    second.get_by_label("Note").fill("Slowly")
    names = _names(page)
    third.get_by_role("button", name=f"Move {names[2]} up").click()
    assert _names(page)[1] == names[2]
    page.locator("#save-plan").click()
    expect(page.locator("#save-state")).to_have_text("All changes saved")
    page.reload()
    notes = {item.name: item.note for item in version.items.all()}
    assert (notes[names[0]], notes[names[1]]) == ("Breathe out as you lift", "Slowly")
    assert _names(page)[:3] == [names[0], names[2], names[1]]


def test_starting_a_new_version_shows_its_own_number_everywhere(
    page: Page, live_server: LiveServer, therapist: User, typical: Assessment
) -> None:
    draft = plan_build(actor=therapist, assessment=typical)
    issued = plan_issue(actor=therapist, version=draft, expected_lock=draft.lock)
    sign_in_cookie(page, live_server.url, therapist)
    page.goto(f"{live_server.url}/plans/{issued.pk}/")
    page.get_by_role("button", name="Change this plan (start version 2)").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("version 2")
    expect(page.locator(".breadcrumb-item.active")).to_have_text("Plan v2")

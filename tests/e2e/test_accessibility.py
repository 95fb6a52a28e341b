"""axe-core on every main page and on the forms showing errors: no serious or critical issue,
at a desktop's, a tablet's and a phone's width, and no page that scrolls sideways.

The pages are checked in groups (one test each, one browser context and one set of data per
group: building the data is most of a page's cost), and a group reports every page and
width that fails, not only the first. The pages and their data are in
tests/e2e/pages_checked.py, running axe-core in tests/e2e/axe.py.
"""

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from clinic.models import Client
from tests.e2e.axe import blocking_violations, report
from tests.e2e.pages_checked import PAGES, Check, World, build_world
from tests.e2e.signing_in import sign_in_cookie


@pytest.fixture
def world(therapist: User, client_record: Client) -> World:
    return build_world(therapist, client_record)


# Desktop, tablet (portrait) and phone viewports: width and height in CSS pixels.
WIDTHS = {"desktop": (1280, 900), "tablet": (768, 1024), "phone": (390, 844)}
# How far the page scrolls sideways at a width: none on any page (a wide table or the
# handout's tick sheet scrolls inside its own region, which axe checks can take the focus).
SIDEWAYS = "() => document.documentElement.scrollWidth - window.innerWidth"

# Each group in the order its pages are visited: a page that changes something (the quick
# screen preset, the sign-in lockout) comes last in its group.
GROUPS = {
    "sign_in": ["login", "login_error", "login_lockout"],
    "clients": [
        "client_list",
        "client_list_no_match",
        "client_create_errors",
        "client_detail",
        "client_edit",
        "archive_confirm",
    ],
    "entry": [
        "assessment_start",
        "assessment_edit",
        "assessment_edit_error",
        "assessment_edit_live_marks",
        "assessment_edit_quick_screen",
    ],
    "visits": [
        "assessment_detail",
        "assessment_amend",
        "compare",
        "compare_all",
        "progress",
        "treatment_edit",
    ],
    "plans": ["plan_builder_draft", "plan_builder_issued", "handout_preview"],
    "clinic": [
        "erase_wrong_name",
        "staff_list",
        "staff_create_errors",
        "branding",
        "library",
        "library_create_errors",
        "audit_log",
    ],
    "account": ["password_change", "password_change_errors", "forbidden", "not_found"],
    "program": ["program_page", "program_answers_errors", "program_unsubscribe"],
}


# The entry page in another state (an error by a field, live norm marks, the quick screen's
# folded sections): the same page whose layout is checked at every width as
# assessment_edit, so its states are checked at desktop width.
SAME_LAYOUT = {
    "assessment_edit_error",
    "assessment_edit_live_marks",
    "assessment_edit_quick_screen",
}


def test_groups_hold_every_page_once() -> None:
    grouped = [name for names in GROUPS.values() for name in names]
    assert sorted(grouped) == sorted(PAGES)
    assert set(GROUPS["entry"]) >= SAME_LAYOUT


def _open(page: Page, base: str, world: World, check: Check, users: dict[str, User]) -> None:
    page.context.clear_cookies()
    if check.user is not None:
        sign_in_cookie(page, base, users[check.user])
    page.set_viewport_size({"width": WIDTHS["desktop"][0], "height": WIDTHS["desktop"][1]})
    check.visit(page, base, world)
    # The pages' scripts set them up before the load event (only the program page fetches
    # later, its offline worker, which shows nothing): waiting for half a second of network
    # quiet on each of the 37 pages cost 18 s.
    page.wait_for_load_state("load")
    expect(page.locator("h1").first).to_contain_text(check.heading)
    if check.shows is not None:
        expect(page.locator(check.shows).first).to_be_visible()


@pytest.mark.parametrize("group", list(GROUPS))
def test_pages_have_no_serious_accessibility_violations_at_any_width(
    group: str,
    page: Page,
    live_server: LiveServer,
    world: World,
    therapist: User,
    clinic_admin: User,
) -> None:
    users = {"therapist": therapist, "boss": clinic_admin}
    failures = {}
    for name in GROUPS[group]:
        _open(page, live_server.url, world, PAGES[name], users)
        for width, (x, y) in WIDTHS.items():
            if width != "desktop" and name in SAME_LAYOUT:
                continue
            page.set_viewport_size({"width": x, "height": y})
            blocking = blocking_violations(page, layout_only=width != "desktop")
            if blocking:
                failures[f"{name} at {width} width, {page.url}"] = report(blocking)
            sideways = page.evaluate(SIDEWAYS)
            if sideways > 0:
                failures[f"{name} at {width} width, sideways"] = f"scrolls {sideways} px"
    assert failures == {}, "\n\n".join(f"{where}:\n{report}" for where, report in failures.items())


def test_axe_check_reports_an_unlabelled_field(page: Page, live_server: LiveServer) -> None:
    """The check above can fail: a sign-in field stripped of its label is a critical issue."""
    page.goto(f"{live_server.url}/accounts/login/")
    page.locator("label[for=id_username]").evaluate("label => label.remove()")
    blocking = blocking_violations(page)
    assert [(v["id"], v["impact"]) for v in blocking] == [("label", "critical")]
    assert blocking[0]["nodes"][0]["target"] == ["#id_username"]

"""axe-core on every main page and on the forms showing errors: no serious or critical issue,
at a desktop's, a tablet's and a phone's width, and no page that scrolls sideways.

The pages are checked in groups (one test each, one browser context and one set of data per
group: building the data is most of a page's cost), and a group reports every page and
width that fails, not only the first. axe-core's script ships inside the
axe-playwright-python wheel, so this runs offline; Playwright's evaluate is not subject to
the page's Content-Security-Policy, so the app's strict policy stays as it is.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.contrib.auth.models import User
from django.urls import reverse
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from assessments.body_chart.regions import Mark
from assessments.models import Assessment
from assessments.services import assessment_finalise, assessment_save, assessment_start
from clinic.models import Client, Clinic
from plans.models import PlanVersion
from plans.program.reminders.selectors import unsubscribe_token_of
from plans.program.reminders.services import program_reminder_set
from plans.program.selectors import token_of
from plans.services import plan_build, plan_issue, plan_revise
from tests.e2e.signing_in import sign_in_cookie

# The impacts that fail the suite; "moderate" and "minor" ones are advice.
BLOCKING = frozenset({"serious", "critical"})
FIRST_VISIT = datetime.date(2026, 3, 2)
AXE = Axe()


@dataclass(frozen=True)
class World:
    """What the pages show: a client with two visits and a draft one, a plan in two versions."""

    client: Client
    visits: list[Assessment]
    draft: Assessment
    issued: PlanVersion
    revision: PlanVersion


def _finalised(therapist: User, client: Client, weeks: int, pain: int) -> Assessment:
    visit_date = FIRST_VISIT + datetime.timedelta(weeks=weeks)
    draft = assessment_start(actor=therapist, client=client, visit_date=visit_date)
    values = {
        ("pain_now", ""): Decimal(pain),
        ("pain_worst_24h", ""): Decimal(pain + 2),
        ("thomas_hip_angle", "left"): Decimal(12),
        ("thomas_hip_angle", "right"): Decimal(0),
        ("hip_extension", "left"): Decimal(2 * weeks + 2),
        ("hip_extension", "right"): Decimal(10),
        ("strength_glute_med", "right"): "3",
        ("strength_glute_med", "left"): "5",
    }
    chart = [Mark("low_back_left", "ache", pain), Mark("buttock_left", "burning", 2)]
    saved = assessment_save(
        actor=therapist,
        assessment=draft,
        expected_version=1,
        narrative={},
        values=values,
        body_chart=chart,
    )
    return assessment_finalise(actor=therapist, assessment=saved, expected_version=2)


@pytest.fixture
def world(therapist: User, client_record: Client) -> World:
    visits = [
        _finalised(therapist, client_record, weeks, pain) for weeks, pain in [(0, 7), (3, 5)]
    ]
    version = plan_build(actor=therapist, assessment=visits[-1])
    issued = plan_issue(actor=therapist, version=version, expected_lock=version.lock)
    revision = plan_revise(actor=therapist, version=issued)
    later = FIRST_VISIT + datetime.timedelta(weeks=6)
    draft = assessment_start(actor=therapist, client=client_record, visit_date=later)
    # The entry page with a row in the body chart's list (and the client page's chart).
    draft = assessment_save(
        actor=therapist,
        assessment=draft,
        expected_version=1,
        narrative={},
        values={},
        body_chart=[Mark("groin_right", "sharp", 4)],
    )
    return World(client_record, visits, draft, issued, revision)


def _submit(page: Page, name: str) -> None:
    page.get_by_role("button", name=name, exact=True).click()
    page.wait_for_load_state()


Visit = Callable[[Page, str, World], None]


def _go(path: Callable[[World], str]) -> Visit:
    def visit(page: Page, base: str, world: World) -> None:
        page.goto(base + path(world))

    return visit


def _then_submit(path: Callable[[World], str], button: str, **fill: str) -> Visit:
    """Open the form, fill the labelled fields (none: submit it empty), submit it."""

    def visit(page: Page, base: str, world: World) -> None:
        page.goto(base + path(world))
        for label, value in fill.items():
            page.get_by_label(label).fill(value)
        _submit(page, button)

    return visit


def _quick_screen(page: Page, base: str, world: World) -> None:
    """The entry page of a clinic whose preset folds sections away."""
    Clinic.objects.filter(pk=world.client.clinic_id).update(assessment_preset="quick")
    page.goto(f"{base}/assessments/{world.draft.pk}/edit/")


def _unsubscribe_page(page: Page, base: str, world: World) -> None:
    """The confirmation page of the unsubscribe link in a reminder the client asked for."""
    reminder = program_reminder_set(
        link=world.issued.program_link, email="me@example.net", at=datetime.time(7, 30)
    )
    page.goto(base + reverse("program_unsubscribe", args=[unsubscribe_token_of(reminder)]))


_WRONG_PASSWORD = _then_submit(
    lambda w: "/accounts/login/", "Sign in", Username="therapist", Password="wrong"
)


def _live_marks(page: Page, base: str, world: World) -> None:
    """The assessment page after typing, before saving: a live error and a norm mark."""
    page.goto(f"{base}/assessments/{world.draft.pk}/edit/")
    for label, typed in [("Straight leg raise (left)", "7o"), ("Hip flexion (left)", "95")]:
        page.get_by_label(label, exact=True).fill(typed)
        page.get_by_label(label, exact=True).press("Tab")
    expect(page.locator("#id_hip_flexion__left-norm .badge")).to_have_text("below norm")


def _locked_out(page: Page, base: str, world: World) -> None:
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _WRONG_PASSWORD(page, base, world)


@dataclass(frozen=True)
class Check:
    """One page: who opens it (None: nobody signed in), its heading, how to get there."""

    user: str | None
    heading: str
    visit: Visit
    shows: str | None = None  # a selector that must be visible: the errors, the data...


PAGES: dict[str, Check] = {
    "login": Check(None, "Sign in", _go(lambda w: "/accounts/login/")),
    "login_error": Check(
        None,
        "Sign in",
        _then_submit(lambda w: "/accounts/login/", "Sign in", Username="nobody", Password="no"),
        shows=".alert-danger",
    ),
    "login_lockout": Check(None, "Sign-in paused", _locked_out, shows=".alert-warning"),
    "client_list": Check(
        "therapist", "Clients", _go(lambda w: "/clients/"), shows="#client-results table"
    ),
    "client_list_no_match": Check(
        "therapist", "Clients", _go(lambda w: "/clients/?q=zzzz"), shows="#client-results .alert"
    ),
    "client_create_errors": Check(
        "therapist",
        "Add a client",
        _then_submit(lambda w: "/clients/new/", "Add client"),
        shows=".is-invalid",
    ),
    "client_detail": Check(
        "therapist",
        "Priya",
        _go(lambda w: f"/clients/{w.client.pk}/"),
        shows=".progress-panel svg",
    ),
    "client_edit": Check(
        "therapist", "Edit Priya Sharma", _go(lambda w: f"/clients/{w.client.pk}/edit/")
    ),
    "assessment_start": Check(
        "therapist", "New visit for", _go(lambda w: f"/clients/{w.client.pk}/visits/new/")
    ),
    "assessment_edit": Check(
        "therapist", "Assessment: Priya", _go(lambda w: f"/assessments/{w.draft.pk}/edit/")
    ),
    "assessment_edit_quick_screen": Check(
        "therapist", "Assessment: Priya", _quick_screen, shows="details.folded-section summary"
    ),
    "assessment_edit_error": Check(
        "therapist",
        "Assessment: Priya",
        _then_submit(
            lambda w: f"/assessments/{w.draft.pk}/edit/",
            "Save draft",
            **{"Pain now (NPRS)": "11"},
        ),
        shows="#form-errors",
    ),
    "assessment_edit_live_marks": Check(
        "therapist", "Assessment: Priya", _live_marks, shows="#id_slr_angle__left-error"
    ),
    "assessment_detail": Check(
        "therapist", "Priya Sharma", _go(lambda w: f"/assessments/{w.visits[-1].pk}/")
    ),
    "assessment_amend": Check(
        "therapist", "Priya Sharma", _go(lambda w: f"/assessments/{w.visits[-1].pk}/amend/")
    ),
    "compare": Check(
        "therapist",
        "Compare visits",
        _go(lambda w: f"/clients/{w.client.pk}/compare/"),
        shows="main .compare-line",  # the draft has nothing yet: no change to list
    ),
    "compare_all": Check(
        "therapist",
        "Compare visits",
        _go(
            lambda w: (
                f"/clients/{w.client.pk}/compare/?a={w.visits[0].pk}&b={w.visits[1].pk}&all=1"
            )
        ),
        shows="main table",
    ),
    "treatment_edit": Check(
        "therapist",
        "Treatment given",
        _go(lambda w: f"/assessments/{w.draft.pk}/treatment/"),
        shows="#add-treatment-row",  # the script ran: the "Add a row" button shows
    ),
    "progress": Check(
        "therapist",
        "Progress: Priya",
        _go(lambda w: f"/clients/{w.client.pk}/progress/"),
        shows=".progress-chart-svg",
    ),
    "plan_builder_draft": Check(
        "therapist", "version 2", _go(lambda w: f"/plans/{w.revision.pk}/")
    ),
    "plan_builder_issued": Check(
        "therapist", "version 1", _go(lambda w: f"/plans/{w.issued.pk}/")
    ),
    "handout_preview": Check(
        "therapist", "Your home program", _go(lambda w: f"/plans/{w.issued.pk}/handout/")
    ),
    "archive_confirm": Check(
        "therapist", "Archive Priya", _go(lambda w: f"/clients/{w.client.pk}/archive/")
    ),
    "erase_wrong_name": Check(
        "boss",
        "Erase the record",
        _then_submit(
            lambda w: f"/clients/{w.client.pk}/erase/",
            "Erase this record",
            **{"Type the client's full name to confirm": "Someone Else"},
        ),
        shows=".is-invalid",
    ),
    "staff_list": Check("boss", "Staff", _go(lambda w: "/clinic/staff/")),
    "staff_create_errors": Check(
        "boss",
        "Add a staff member",
        _then_submit(lambda w: "/clinic/staff/new/", "Add staff member"),
        shows=".is-invalid",
    ),
    "branding": Check("boss", "Branding", _go(lambda w: "/clinic/branding/")),
    "library": Check("boss", "Intervention library", _go(lambda w: "/clinic/library/")),
    "library_create_errors": Check(
        "boss",
        "Add an intervention",
        _then_submit(lambda w: "/clinic/library/new/", "Add to the library"),
        shows=".is-invalid",
    ),
    "audit_log": Check("boss", "Audit log", _go(lambda w: "/clinic/audit/")),
    "password_change": Check(
        "therapist", "Change your password", _go(lambda w: "/accounts/password/")
    ),
    "password_change_errors": Check(
        "therapist",
        "Change your password",
        _then_submit(lambda w: "/accounts/password/", "Change password"),
        shows=".is-invalid",
    ),
    "forbidden": Check("therapist", "Not allowed", _go(lambda w: "/clinic/staff/")),
    "not_found": Check("therapist", "Not found", _go(lambda w: "/clients/999999/")),
    "program_page": Check(
        None,
        "Your home program",
        _go(lambda w: reverse("program_page", args=[token_of(w.issued.program_link)])),
        shows="[data-slug] [data-tick]",
    ),
    # "Before your next visit" sent with a score out of range: the message at its field.
    "program_answers_errors": Check(
        None,
        "Your home program",
        _then_submit(
            lambda w: reverse("program_page", args=[token_of(w.issued.program_link)]),
            "Send my answers",
            **{"An activity you find hard (optional)": "Running"},
        ),
        shows="#id_new_score-error",
    ),
    # The reminder email's one-click unsubscribe: its confirmation page.
    "program_unsubscribe": Check(None, "Stop the daily reminders?", _unsubscribe_page),
}


def _report(violations: list[dict[str, Any]]) -> str:
    """One block per violation: rule id, impact, what to do, and where (CSS selectors)."""
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        lines.append(f"  {violation['helpUrl']}")
        for node in violation["nodes"]:
            lines.append("  - " + " ".join(str(part) for part in node["target"]))
            if node.get("failureSummary"):
                lines.append("    " + node["failureSummary"].replace("\n", "\n    "))
    return "\n".join(lines)


# What a narrower viewport can change: the pages show the same elements at every width (the
# styles move them, they do not swap them), so names, labels, roles and structure are the
# same and are checked once, at desktop width; at tablet and phone widths only the rules
# that depend on the layout run (contrast over what now lies behind a text, regions that
# scroll sideways, tap targets, the viewport and orientation).
LAYOUT_RULES = [
    "color-contrast",
    "scrollable-region-focusable",
    "target-size",
    "meta-viewport",
    "css-orientation-lock",
]


def blocking_violations(page: Page, *, layout_only: bool = False) -> list[dict[str, Any]]:
    """axe-core's serious and critical violations on the page as it is now."""
    options: dict[str, Any] = {"resultTypes": ["violations"]}
    if layout_only:
        options["runOnly"] = {"type": "rule", "values": LAYOUT_RULES}
    results = AXE.run(page, options=options)
    assert results.response["testEngine"]["name"] == "axe-core"  # axe ran in the page
    return [v for v in results.response["violations"] if v["impact"] in BLOCKING]


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
                failures[f"{name} at {width} width, {page.url}"] = _report(blocking)
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

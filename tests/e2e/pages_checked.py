"""The pages the accessibility check opens (tests/e2e/test_accessibility.py): what they
show (a `World` of data), who opens each, and how to get there (filling a form first for
the pages that show errors)."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.contrib.auth.models import User
from django.urls import reverse
from playwright.sync_api import Page, expect

from assessments.body_chart.regions import Mark
from assessments.models import Assessment
from assessments.services import assessment_finalise, assessment_save, assessment_start
from clinic.models import Client, Clinic
from plans.models import PlanVersion
from plans.program.reminders.selectors import unsubscribe_token_of
from plans.program.reminders.services import program_reminder_set
from plans.program.selectors import token_of
from plans.services import plan_build, plan_issue, plan_revise

FIRST_VISIT = datetime.date(2026, 3, 2)


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


def build_world(therapist: User, client_record: Client) -> World:
    """Two final visits, a plan issued and revised, and a later draft with a chart mark."""
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

"""A therapist records an assessment with the keyboard and watches the findings appear."""

from django.contrib.auth.models import User
from django.utils import timezone
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from assessments.models import Assessment
from clinic.models import Client
from tests.factories import TEST_PASSWORD


def _sign_in(page: Page, base: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Username").fill("therapist")
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Clients")).to_be_visible()


def _type_row(page: Page, *entries: str) -> None:
    """Type into the focused field, then Tab to the next, for each entry."""
    for entry in entries:
        page.keyboard.type(entry)
        page.keyboard.press("Tab")


def test_keyboard_assessment_shows_findings_and_saves(
    page: Page, live_server: LiveServer, therapist: User, client_record: Client
) -> None:
    base = live_server.url
    _sign_in(page, base)
    page.goto(f"{base}/clients/{client_record.pk}/visits/new/")
    page.get_by_label("Visit date").focus()
    page.keyboard.press("Enter")  # submits the start form
    expect(page.get_by_role("heading", level=1)).to_contain_text("Assessment: Priya Sharma")

    # Pain and history: the first field of the section, then Tab through in order.
    page.get_by_label("Pain now (NPRS)").focus()
    _type_row(page, "6", "8")

    # Thomas test (section 4): left then right on each row, in tab order.
    page.keyboard.press("Alt+4")
    page.get_by_label("Hip angle to the table (left)").focus()
    _type_row(page, "12", "3")  # hip angle left, right
    _type_row(page, "58", "75")  # knee angle left (9° under 67°: beyond error), right
    expect(page.get_by_label("Thigh abduction (left)")).to_be_focused()

    page.get_by_label("Hip extension (left)").focus()
    _type_row(page, "2", "14")

    page.get_by_label("Gluteus medius (right)").focus()
    page.keyboard.type("3")  # selects "3 against gravity" by keyboard
    page.keyboard.press("Tab")

    # One entry in every other section, each reached and filled from the keyboard.
    for label, keys in [
        ("New bladder or bowel disturbance", "n"),  # red flags: "No"
        ("Pelvic tilt", "a"),  # posture: "Anterior"
        ("Hip flexion (left)", "110"),
        ("Straight leg raise (left)", "75"),
        ("FABER (Patrick) (right)", "n"),  # "Negative"
        ("Trendelenburg sign (stance leg) (right)", "p"),  # "Positive"
        ("PSFS activity 1", "Sitting through a film"),
        ("PSFS activity 1 score", "4"),
    ]:
        page.get_by_label(label, exact=True).focus()
        page.keyboard.type(keys)
        page.keyboard.press("Tab")
    page.get_by_label("Presenting complaint").focus()
    page.keyboard.type("Low back ache after long days at the desk")

    summary = page.locator("#findings-summary")
    expect(summary.locator('[data-code="tight_hip_flexors_one_joint"]')).to_contain_text("left")
    expect(summary.locator('[data-code="tight_rectus_femoris"]')).to_be_visible()
    expect(summary.locator('[data-code="weak_glute_med"]')).to_be_visible()
    expect(page.locator("#norm-hip_extension")).to_contain_text("sides differ")

    page.get_by_role("button", name="Save draft").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("Draft saved.")).to_be_visible()

    assessment = Assessment.objects.get()
    values = {(m.item, m.side): str(m.stored) for m in assessment.measurements.all()}
    assert values == {
        ("pain_now", ""): "6.00",
        ("pain_worst_24h", ""): "8.00",
        ("thomas_hip_angle", "left"): "12.00",
        ("thomas_hip_angle", "right"): "3.00",
        ("thomas_knee_angle", "left"): "58.00",
        ("thomas_knee_angle", "right"): "75.00",
        ("hip_extension", "left"): "2.00",
        ("hip_extension", "right"): "14.00",
        ("strength_glute_med", "right"): "3",
        ("rf_bladder_bowel", ""): "no",
        ("pelvic_tilt_direction", ""): "anterior",
        ("hip_flexion", "left"): "110.00",
        ("slr_angle", "left"): "75.00",
        ("faber", "right"): "negative",
        ("trendelenburg", "right"): "positive",
        ("psfs_activity_1", ""): "Sitting through a film",
        ("psfs_score_1", ""): "4.00",
    }
    assert assessment.presenting_complaint == "Low back ache after long days at the desk"
    assert assessment.visit_date == timezone.localdate()

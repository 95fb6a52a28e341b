"""Entering an assessment by keyboard: numbers checked as each field is left, answers picked
by typed letters (grades by their codes), and Tab going left then right, row by row."""

import datetime

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from playwright.sync_api import Locator, Page, expect
from pytest_django.live_server_helper import LiveServer

from assessments.catalogue.items import SECTIONS
from assessments.forms import AssessmentForm, field_name
from assessments.models import Assessment
from assessments.services import assessment_start
from clinic.models import Client
from tests.e2e.signing_in import sign_in_cookie

VISIT = datetime.date(2026, 3, 2)
# The browser's own search joins keys typed within a second into one word; waiting longer
# starts a new one.
NEW_WORD_MS = 1100


@pytest.fixture
def draft(therapist: User, client_record: Client) -> Assessment:
    return assessment_start(actor=therapist, client=client_record, visit_date=VISIT)


@pytest.fixture
def entry(page: Page, live_server: LiveServer, therapist: User, draft: Assessment) -> Page:
    """The draft's assessment page, signed in as the therapist."""
    sign_in_cookie(page, live_server.url, therapist)
    page.goto(f"{live_server.url}/assessments/{draft.pk}/edit/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Assessment: Priya Sharma")
    return page


def _type_and_leave(field: Locator, text: str) -> None:
    field.focus()
    field.fill("")
    field.press_sequentially(text)
    field.press("Tab")


def test_slip_is_an_error_by_its_field_before_saving_and_clears_when_fixed(entry: Page) -> None:
    field = entry.get_by_label("Straight leg raise (left)", exact=True)
    message = entry.locator("#id_slr_angle__left-error")

    _type_and_leave(field, "7o")
    expect(field).to_have_value("7o")  # kept as typed, not cut to 7
    expect(message).to_have_text("Straight leg raise (left): enter a number.")
    expect(message).to_have_class("invalid-feedback d-block")
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(field).to_have_attribute("aria-describedby", "id_slr_angle__left-error")
    expect(field).to_have_class("form-control form-control-sm is-invalid")
    # The message sits in the field's own cell, where the server puts it.
    expect(entry.locator("td", has=field).locator(".invalid-feedback")).to_have_count(1)

    _type_and_leave(field, "70")
    expect(message).to_have_count(0)
    expect(field).not_to_have_attribute("aria-invalid", "true")
    expect(field).not_to_have_class("is-invalid")


# Four slips at once, one of each kind: typed, left, then saved together.
SLIPS = [
    ("Hip flexion (right)", "12a", "Hip flexion (right): enter a number."),
    ("Hip flexion (left)", "151", "Hip flexion (left) must be between 0° and 150°."),
    ("Hip extension (right)", "12.5", "Hip extension (right): whole numbers only."),
    ("Hours sitting per day", "7.25", "Hours sitting per day: at most 1 decimal place."),
]


def test_live_messages_are_the_servers(entry: Page) -> None:
    """Each live message, and the server's after saving, are the same words."""
    errors = []
    for label, typed, message in SLIPS:
        field = entry.get_by_label(label, exact=True)
        _type_and_leave(field, typed)
        errors.append(entry.locator(f"#{field.get_attribute('id')}-error"))
        expect(errors[-1]).to_have_text(message)
    entry.get_by_role("button", name="Save draft").click()
    expect(entry.locator("#form-errors")).to_contain_text("Please correct the 4 marked fields")
    for (label, typed, message), error in zip(SLIPS, errors, strict=True):
        expect(error).to_have_text(message)
        expect(entry.get_by_label(label, exact=True)).to_have_value(typed)


# Text the live check and the server must judge alike (assessments/number_field.py).
SAME_VERDICT = [
    *["", " 7 ", "7", "007", "-5", "+5", "7.5", "7,5", "7,25", "7.0", "7.50", "150", "0"],
    *["-1", "151", "150.5", "2000", "2000.1", "2001", "9" * 30, "1500", "-0", "12.5"],
    *["7o", "12a", "abc", "1e2", "1_000", "1 000", "1,500", "7,2500", "1.2.3", "7.", ".5"],
    *[
        "--5",
        "NaN",
        "Infinity",
        "0x10",
        "\N{ARABIC-INDIC DIGIT THREE}",
        "\N{FULLWIDTH DIGIT SEVEN}",
    ],
]
VERDICTS = """([id, texts]) => texts.map((text) => {
  const input = document.getElementById(id);
  input.value = text;
  input.dispatchEvent(new Event("change", { bubbles: true }));
  const error = document.getElementById(id + "-error");
  return error ? error.textContent : "";
})"""


def _server_verdicts(name: str) -> list[str]:
    field = AssessmentForm().fields[name]
    verdicts = []
    for text in SAME_VERDICT:
        try:
            field.clean(text)
            verdicts.append("")
        except ValidationError as error:
            verdicts.append(" ".join(error.messages))
    return verdicts


def test_live_check_judges_every_text_as_the_server_does(entry: Page) -> None:
    names = ["hip_flexion__left", "force_glute_med__right"]  # degrees; newtons, decimals
    live = {name: entry.evaluate(VERDICTS, [f"id_{name}", SAME_VERDICT]) for name in names}
    assert live == {name: _server_verdicts(name) for name in names}


def test_failed_save_keeps_the_slip_as_typed(entry: Page, draft: Assessment) -> None:
    entry.get_by_label("Straight leg raise (left)", exact=True).fill("7o")
    entry.get_by_label("Straight leg raise (right)", exact=True).fill("75")
    entry.get_by_role("button", name="Save draft").click()

    expect(entry.locator("#form-errors")).to_contain_text("Please correct the 1 marked field")
    expect(entry.get_by_label("Straight leg raise (left)", exact=True)).to_have_value("7o")
    expect(entry.get_by_label("Straight leg raise (right)", exact=True)).to_have_value("75")
    expect(entry.locator("#id_slr_angle__left-error")).to_have_text(
        "Straight leg raise (left): enter a number."
    )
    assert draft.measurements.count() == 0


def test_value_outside_the_norm_is_marked_as_the_therapist_goes(entry: Page) -> None:
    _type_and_leave(entry.get_by_label("Hip flexion (left)", exact=True), "95")
    expect(entry.locator("#id_hip_flexion__left-norm")).to_have_text("below norm")
    expect(entry.locator("#id_hip_flexion__left-error")).to_have_count(0)  # not an error
    _type_and_leave(entry.get_by_label("Hip flexion (left)", exact=True), "115")
    expect(entry.locator("#id_hip_flexion__left-norm")).to_have_text("")


def _pick(field: Locator, keys: str) -> None:
    field.focus()
    field.page.keyboard.type(keys)


def test_typed_letters_pick_answers_and_never_not_tested(entry: Page) -> None:
    faber = entry.get_by_label("FABER (Patrick) (right)", exact=True)
    _pick(faber, "n")
    expect(faber).to_have_value("negative")
    entry.wait_for_timeout(NEW_WORD_MS)
    _pick(faber, "n")  # again: stays Negative, where "Not tested" once came next
    expect(faber).to_have_value("negative")
    entry.wait_for_timeout(NEW_WORD_MS)
    _pick(faber, "p")
    expect(faber).to_have_value("positive")

    for label, keys, value in [
        ("Fever or chills", "n", "no"),
        ("Unexplained weight loss", "y", "yes"),
        ("Lumbar lordosis", "n", "normal"),
        ("Pelvic tilt", "p", "posterior"),
        ("Pain: buttock", "b", "both"),
        ("Pain: groin", "r", "right"),
        ("Dynamometer unit", "nm", "Nm"),
    ]:
        field = entry.get_by_label(label, exact=True)
        _pick(field, keys)
        expect(field).to_have_value(value)


# Each code typed into a grade field of its own (keys typed within a second join up).
GRADE_CODES = {
    "Gluteus medius (left)": "4",
    "Gluteus medius (right)": "4+",
    "Gluteus maximus (left)": "4-",
    "Gluteus maximus (right)": "3",
    "Iliopsoas (left)": "3-",
    "Iliopsoas (right)": "5-",
    "Hamstrings (left)": "0",
}


def test_typed_code_picks_the_oxford_grade(entry: Page) -> None:
    for label, code in GRADE_CODES.items():
        field = entry.get_by_label(label, exact=True)
        _pick(field, code)
        expect(field).to_have_value(code)


def test_sign_after_a_pause_steps_the_chosen_grade(entry: Page) -> None:
    field = entry.get_by_label("Gluteus maximus (right)", exact=True)
    _pick(field, "4")
    entry.wait_for_timeout(NEW_WORD_MS)
    _pick(field, "+")
    expect(field).to_have_value("4+")
    entry.wait_for_timeout(NEW_WORD_MS)
    _pick(field, "x")  # spells no grade: nothing changes
    expect(field).to_have_value("4+")


def test_grades_are_listed_weakest_first_with_their_meaning(entry: Page) -> None:
    options = entry.get_by_label("Gluteus medius (left)", exact=True).locator("option")
    values = options.evaluate_all("options => options.map(option => option.value)")
    assert values == ["", "0", "1", "2", "3-", "3", "3+", "4-", "4", "4+", "5-", "5"]
    expect(options.first).to_have_text("— not tested")
    expect(options.nth(8)).to_have_text("4 \N{EN DASH} moderate resistance")


def _rows_in_tab_order() -> list[tuple[str, list[str]]]:
    """Each section's item fields, row by row, left before right (the catalogue order)."""
    return [
        (
            section.code,
            [f"id_{field_name(item.code, side)}" for item in section.items for side in item.sides],
        )
        for section in SECTIONS
    ]


def test_tab_goes_left_then_right_row_by_row(entry: Page) -> None:
    reached = {}
    for section, expected in _rows_in_tab_order():
        entry.locator(f"#{expected[0]}").focus()
        reached[section] = [expected[0]]
        for _ in expected[1:]:
            entry.keyboard.press("Tab")
            reached[section].append(entry.evaluate("() => document.activeElement.id"))
    assert reached == dict(_rows_in_tab_order())


def test_rest_normal_fills_the_unanswered_grades_in_place(entry: Page, draft: Assessment) -> None:
    glute_med = entry.get_by_label("Gluteus medius (left)", exact=True)
    _pick(glute_med, "4+")
    button = entry.locator("#section-strength").get_by_role("button", name="Rest normal")
    button.focus()
    entry.keyboard.press("Enter")
    expect(entry.locator("#section-strength [data-fill-status]")).to_have_text(
        "11 unanswered checks marked normal. Save to keep them."
    )
    expect(glute_med).to_have_value("4+")  # answered before the press: kept
    expect(entry.get_by_label("Back extensors (right)", exact=True)).to_have_value("5")
    expect(entry.get_by_label("Trendelenburg sign (stance leg) (left)", exact=True)).to_have_value(
        ""  # another section: untouched
    )
    entry.get_by_role("button", name="Save draft").click()
    expect(entry.get_by_text("Draft saved.")).to_be_visible()
    grades = {(m.item, m.side): m.choice for m in draft.measurements.all()}
    assert len(grades) == 12
    assert grades[("strength_glute_med", "left")] == "4+"
    assert set(grades.values()) == {"5", "4+"}

"""The treatment page's "Add a row": more rows than the two blank ones, saved at once."""

import datetime

from django.contrib.auth.models import User
from django.urls import reverse
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from assessments.services import assessment_start
from clinic.models import Client
from tests.e2e.signing_in import sign_in_cookie
from treatment.selectors import treatment_rows

TABLET = {"width": 768, "height": 1024}
# A massage session of four techniques: two more than the page's blank rows.
GIVEN = [
    ("swedish-massage", "lower_back"),
    ("deep-tissue-massage", "glute_max"),
    ("myofascial-release", "iliopsoas"),
    ("positional-release", "piriformis"),
]


def test_add_a_row_then_save_four_techniques_at_once(
    page: Page, live_server: LiveServer, therapist: User, client_record: Client
) -> None:
    visit = assessment_start(
        actor=therapist, client=client_record, visit_date=datetime.date(2026, 11, 2)
    )
    page.set_viewport_size(TABLET)
    sign_in_cookie(page, live_server.url, therapist)
    page.goto(live_server.url + reverse("treatment_edit", args=[visit.pk]))
    rows = page.locator("#treatment-rows > fieldset")
    expect(rows).to_have_count(2)
    add = page.get_by_role("button", name="Add a row")
    add.click()
    expect(rows).to_have_count(3)
    expect(page.locator("#row-3 legend")).to_have_text("Row 3")
    expect(page.locator("#id_form-2-technique")).to_be_focused()  # ready to pick
    add.click()
    expect(rows).to_have_count(4)
    for index, (technique, region) in enumerate(GIVEN):
        page.locator(f"#id_form-{index}-technique").select_option(technique)
        page.locator(f"#id_form-{index}-region").select_option(region)
    page.get_by_role("button", name="Save treatment").click()
    page.wait_for_load_state()
    assert [(row.technique, row.region) for row in treatment_rows(visit)] == GIVEN

"""A clinic admin poses an exercise in the browser: the preview follows, the list shows it."""

import base64

from django.contrib.auth.models import User
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from plans.figures import PosePair
from plans.models import ClinicIntervention
from tests.e2e.signing_in import sign_in


def test_pose_preview_follows_the_fields_and_the_list_shows_the_figure(
    page: Page, live_server: LiveServer, clinic_admin: User
) -> None:
    base = live_server.url
    sign_in(page, base, "boss")
    page.goto(f"{base}/clinic/library/new/")
    page.get_by_label("Name").fill("Side leg lift")
    page.get_by_label("Slug").fill("side-leg-lift")
    page.get_by_label("Kind").select_option("strengthen")
    page.get_by_label("Steps").fill("Lie on your side.\nLift your top leg.")
    preview = page.locator("#pose-preview")
    expect(preview).to_contain_text("Choose a start and an end pose")

    page.get_by_label("Start pose").select_option("lying_side")
    expect(preview).to_contain_text("End pose: Choose the end pose too")
    page.get_by_label("End pose").select_option("lying_side")
    page.get_by_label("End: leg out (°)").fill("40")
    page.get_by_label("End: leg out (°)").blur()
    expected = PosePair.from_data(
        {
            "start": {"base": "lying_side"},
            "end": {"base": "lying_side", "hip_out": 40},
        }
    ).draw(title="Your figure")
    image = preview.get_by_role("img")
    expect(image).to_have_attribute(
        "src", "data:image/svg+xml;base64," + base64.b64encode(expected.encode()).decode()
    )
    # Drawn by the browser, not broken: it has a size of its own.
    assert image.evaluate("img => img.naturalWidth") > 0

    page.get_by_role("button", name="Add to the library").click()
    expect(page.get_by_text("Side leg lift was added to your clinic's library.")).to_be_visible()
    row = ClinicIntervention.objects.get(slug="side-leg-lift")
    assert row.pose["end"]["hip_out"] == 40
    thumbnail = page.get_by_role("row", name="Side leg lift").locator("img.library-thumbnail")
    assert thumbnail.evaluate("img => img.naturalWidth") > 0

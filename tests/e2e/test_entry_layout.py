"""The assessment page on a tablet (768x1024) and a phone (390x844): nothing scrolls
sideways, no answer is cut off in its closed drop-down, the sticky bars leave the form in
view, and on the phone each item's left and right stack."""

import datetime

from django.contrib.auth.models import User
from playwright.sync_api import Page
from pytest_django.live_server_helper import LiveServer

from assessments.services import assessment_start
from clinic.models import Client
from tests.e2e.signing_in import sign_in_cookie

TABLET = (768, 1024)
PHONE = (390, 844)
# At most this share of the screen's height is taken by bars that stay put while scrolling.
MOST_STICKY_SHARE = 0.2

# The drop-downs whose widest answer would not show whole when closed (canvas text width
# against the room inside the drop-down's padding).
CUT_OFF = """() => {
  const context = document.createElement("canvas").getContext("2d");
  const cut = [];
  for (const select of document.querySelectorAll("main select")) {
    const style = getComputedStyle(select);
    context.font = style.font;
    const padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
    const room = select.clientWidth - padding;
    const widest = Math.max(...[...select.options].map((o) => context.measureText(o.text).width));
    if (widest > room + 0.5) cut.push(select.id);
  }
  return cut;
}"""
STICKY_HEIGHT = """() => [...document.querySelectorAll("main *")]
  .filter((element) => ["sticky", "fixed"].includes(getComputedStyle(element).position))
  .filter((element) => !element.closest("aside"))
  .reduce((sum, element) => sum + element.getBoundingClientRect().height, 0)"""
SIDEWAYS = "() => document.documentElement.scrollWidth - window.innerWidth"


def _box(page: Page, name: str) -> dict[str, float]:
    box = page.locator(f"#id_{name}").bounding_box()
    assert box is not None
    return box


def test_entry_page_fits_a_tablet_and_a_phone(
    page: Page, live_server: LiveServer, therapist: User, client_record: Client
) -> None:
    draft = assessment_start(
        actor=therapist, client=client_record, visit_date=datetime.date(2026, 3, 2)
    )
    sign_in_cookie(page, live_server.url, therapist)
    seen = {}
    for name, (width, height) in {"tablet": TABLET, "phone": PHONE}.items():
        page.set_viewport_size({"width": width, "height": height})
        page.goto(f"{live_server.url}/assessments/{draft.pk}/edit/")
        page.locator("#section-strength").scroll_into_view_if_needed()
        left, right = (
            _box(page, "strength_glute_med__left"),
            _box(page, "strength_glute_med__right"),
        )
        seen[name] = {
            "sideways": page.evaluate(SIDEWAYS),
            "cut off": page.evaluate(CUT_OFF),
            "sticky under limit": page.evaluate(STICKY_HEIGHT) <= MOST_STICKY_SHARE * height,
            "right below left": right["y"] >= left["y"] + left["height"],
        }
    assert seen == {
        "tablet": {
            "sideways": 0,
            "cut off": [],
            "sticky under limit": True,
            "right below left": False,
        },
        "phone": {
            "sideways": 0,
            "cut off": [],
            "sticky under limit": True,
            "right below left": True,
        },
    }

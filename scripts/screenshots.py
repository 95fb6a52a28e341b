"""Take the README's and the docs' screenshots from a running `make run` server.

    make run                                   # in one terminal: the demo on :8000
    .venv/bin/python scripts/screenshots.py    # in another; or give the server's address

Writes docs/screenshots/: the client list and page, the assessment entry page (desktop,
tablet 768x1024 and phone 390x844), the plan builder (a draft: Priya Sharma's plan gets
a new version when its newest is issued, as a therapist would start one), the clinic's
library, and the first two pages of Rafael Ortega's issued handout as PNG when `pdftoppm` (Debian
poppler-utils) is installed. It signs in as the demo clinic admin.
"""

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import Page, ViewportSize, expect, sync_playwright

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000"
OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
DESKTOP: ViewportSize = {"width": 1280, "height": 800}
SIZES: dict[str, ViewportSize] = {
    "tablet": {"width": 768, "height": 1024},
    "phone": {"width": 390, "height": 844},
}


def _open_client(page: Page, listed_as: str) -> None:
    page.goto(f"{BASE}/clients/")
    page.get_by_role("link", name=listed_as).click()


def _entry(page: Page) -> None:
    _open_client(page, "Ortega, Rafael")
    page.get_by_role("link", name="Continue").first.click()
    entry = page.url
    page.locator("#section-thomas").scroll_into_view_if_needed()
    page.screenshot(path=OUT / "assessment-entry.png")
    for name, size in SIZES.items():
        page.set_viewport_size(size)
        page.goto(entry)
        page.locator("#section-strength").scroll_into_view_if_needed()
        page.screenshot(path=OUT / f"assessment-entry-{name}.png")
    page.set_viewport_size(DESKTOP)


def _builder(page: Page) -> None:
    """Priya Sharma's newest plan version as a draft (started from the issued one if need be)."""
    _open_client(page, "Sharma, Priya")
    page.locator("main a", has_text="Version").first.click()
    start = page.get_by_role("button", name=re.compile(r"^Change this plan"))
    if start.count():
        start.click()
    expect(page.get_by_text("Draft", exact=True).first).to_be_visible()
    page.screenshot(path=OUT / "plan-builder.png")


def _handout(page: Page) -> None:
    """Rafael Ortega's issued handout, its first two pages as PNG (needs pdftoppm)."""
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        print("pdftoppm not found (apt-get install poppler-utils): handout pages skipped")
        return
    _open_client(page, "Ortega, Rafael")
    page.get_by_role("link", name="Version 1").first.click()
    pdf = page.request.get(page.url.rstrip("/") + "/handout.pdf")
    if not pdf.ok:
        raise SystemExit(f"The handout download answered {pdf.status}")
    with tempfile.TemporaryDirectory() as work:
        path = Path(work) / "handout.pdf"
        path.write_bytes(pdf.body())
        prefix = Path(work) / "page"
        pages = ["-png", "-r", "80", "-f", "1", "-l", "2", str(path), str(prefix)]
        subprocess.run([pdftoppm, *pages], check=True)  # noqa: S603 - our own file names
        for number, png in enumerate(sorted(Path(work).glob("page-*.png")), 1):
            shutil.copy(png, OUT / f"handout-page-{number}.png")


with sync_playwright() as playwright:
    browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
    page = browser.new_page(viewport=DESKTOP)
    page.goto(f"{BASE}/accounts/login/")
    page.get_by_label("Username").fill("alex")
    page.get_by_label("Password").fill("hips-and-backs-demo")
    page.get_by_role("button", name="Sign in").click()
    page.screenshot(path=OUT / "client-list.png")
    _open_client(page, "Ortega, Rafael")
    page.screenshot(path=OUT / "client-detail.png")
    _entry(page)
    _builder(page)
    page.goto(f"{BASE}/clinic/library/")
    page.screenshot(path=OUT / "library-list.png")
    _handout(page)
    browser.close()

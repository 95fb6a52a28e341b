"""Take the README screenshots from a running `make run` server (http://127.0.0.1:8000)."""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000"
OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]

with sync_playwright() as playwright:
    browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(f"{BASE}/accounts/login/")
    page.get_by_label("Username").fill("alex")
    page.get_by_label("Password").fill("hips-and-backs-demo")
    page.get_by_role("button", name="Sign in").click()
    page.screenshot(path=OUT / "client-list.png")
    page.get_by_role("link", name="Ortega, Rafael").click()
    page.screenshot(path=OUT / "client-detail.png")
    page.get_by_role("link", name="Continue").first.click()
    page.locator("#section-thomas").scroll_into_view_if_needed()
    page.screenshot(path=OUT / "assessment-entry.png")
    page.goto(f"{BASE}/clients/")
    page.get_by_role("link", name="Sharma, Priya").click()
    page.get_by_role("link", name="Version 1").first.click()
    page.screenshot(path=OUT / "plan-builder.png")
    browser.close()

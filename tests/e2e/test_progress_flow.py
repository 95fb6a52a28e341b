"""A therapist opens a client with several visits, compares two, then sees the charts."""

import datetime
from decimal import Decimal

from django.contrib.auth.models import User
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from assessments.services import assessment_finalise, assessment_save, assessment_start
from clinic.models import AuditEntry, Client
from tests.e2e.signing_in import sign_in

FIRST = datetime.date(2026, 3, 2)


def _finalised_visits(therapist: User, client: Client) -> None:
    for weeks, pain, extension in [(0, 7, 2), (3, 5, 6), (6, 3, 12)]:
        draft = assessment_start(
            actor=therapist, client=client, visit_date=FIRST + datetime.timedelta(weeks=weeks)
        )
        values = {
            ("pain_now", ""): Decimal(pain),
            ("pain_worst_24h", ""): Decimal(pain + 2),
            ("hip_extension", "left"): Decimal(extension),
            ("hip_extension", "right"): Decimal(10),
        }
        saved = assessment_save(
            actor=therapist, assessment=draft, expected_version=1, narrative={}, values=values
        )
        assessment_finalise(actor=therapist, assessment=saved, expected_version=2)


def test_compare_two_visits_then_see_progress_charts(
    page: Page, live_server: LiveServer, therapist: User, client_record: Client
) -> None:
    _finalised_visits(therapist, client_record)
    base = live_server.url
    sign_in(page, base)

    page.goto(f"{base}/clients/{client_record.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Priya Sharma")
    expect(page.get_by_role("img", name="Pain (NPRS)")).to_be_visible()  # the panel

    page.get_by_role("link", name="Compare visits").click()
    page.get_by_label("Visit", exact=True).select_option(label="2 Mar 2026 (final)")
    page.get_by_label("with visit").select_option(label="13 Apr 2026 (final)")
    page.get_by_role("button", name="Compare").click()
    pain_row = page.get_by_role("row", name="Pain now (NPRS)")
    expect(pain_row).to_contain_text("7/10")
    expect(pain_row).to_contain_text("3/10")
    expect(pain_row).to_contain_text("Improved")

    page.get_by_role("navigation", name="breadcrumb").get_by_role(
        "link", name="Priya Sharma"
    ).click()
    page.get_by_role("link", name="All progress charts").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Progress: Priya Sharma")
    expect(page.get_by_text("3 finalised visits charted, placed by date.")).to_be_visible()

    chart = page.get_by_role("img", name="Pain (NPRS)")
    expect(chart).to_be_visible()
    expect(chart.locator("title").first).to_have_text("Pain (NPRS)")
    expect(chart.locator("circle")).to_have_count(3)  # pain now: one marker per visit
    expect(page.locator("#chart-pain-desc")).to_contain_text("first 7/10, latest 3/10, improved")

    table = page.get_by_role("table", name="Pain (NPRS): values at each finalised visit")
    expect(table).to_be_hidden()
    page.get_by_text("Data table: Pain (NPRS)").click()
    expect(table).to_be_visible()
    expect(table.get_by_role("row", name="2 Mar 2026")).to_contain_text("7/10")
    expect(table.get_by_role("row", name="23 Mar 2026")).to_contain_text("5/10")
    expect(table.get_by_role("row", name="13 Apr 2026")).to_contain_text("3/10")

    page.get_by_role("link", name="Back to Priya Sharma").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Priya Sharma")
    details = list(
        AuditEntry.objects.filter(client_id=client_record.pk, action="view").values_list(
            "object_type", "detail"
        )
    )
    assert ("client", "progress charts") in details

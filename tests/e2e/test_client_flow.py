"""A therapist signs in, adds a client, finds them by search and opens their page."""

from django.contrib.auth.models import User
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from clinic.models import AuditEntry, Client
from tests.e2e.signing_in import sign_in
from tests.factories import TEST_PASSWORD


def test_sign_in_add_find_and_open_client(
    page: Page, live_server: LiveServer, therapist: User
) -> None:
    page.goto(f"{live_server.url}/clients/")
    expect(page).to_have_url(f"{live_server.url}/accounts/login/?next=/clients/")

    page.get_by_label("Username").fill("therapist")
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Clients")).to_be_visible()

    page.get_by_role("link", name="Add client").first.click()
    page.get_by_label("Given name").fill("Rafael")
    page.get_by_label("Family name").fill("Ortega")
    page.get_by_label("Date of birth").fill("1968-02-27")
    page.get_by_label("Occupation").fill("Architect")
    page.get_by_role("button", name="Add client").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Rafael Ortega")
    expect(page.get_by_text("Rafael Ortega was added.")).to_be_visible()

    page.get_by_role("link", name="Clients", exact=True).first.click()
    page.get_by_role("searchbox", name="Search clients").fill("orteg")
    results = page.locator("#client-results")
    expect(results.get_by_role("link", name="Ortega, Rafael")).to_be_visible()
    expect(results).to_contain_text("1 client matching")

    results.get_by_role("link", name="Ortega, Rafael").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Rafael Ortega")
    expect(page.get_by_text("Born 27 February 1968")).to_be_visible()

    client = Client.objects.get(family_name="Ortega")
    assert client.clinic_id == therapist.membership.clinic_id
    assert list(
        AuditEntry.objects.filter(client_id=client.pk)
        .order_by("pk")
        .values_list("action", flat=True)
    ) == ["create", "view", "view"]


def test_error_on_add_client_keeps_what_was_typed(
    page: Page, live_server: LiveServer, therapist: User
) -> None:
    sign_in(page, live_server.url)
    page.goto(f"{live_server.url}/clients/new/")
    page.get_by_label("Given name").fill("Mei")
    page.get_by_label("Family name").fill("Chen")
    page.get_by_label("Date of birth").fill("2099-01-01")
    page.get_by_label("Notes").fill("Left buttock pain after rehearsals")
    page.get_by_role("button", name="Add client").click()

    expect(page.get_by_text("The date of birth cannot be in the future.")).to_be_visible()
    expect(page.get_by_label("Given name")).to_have_value("Mei")
    expect(page.get_by_label("Notes")).to_have_value("Left buttock pain after rehearsals")
    assert Client.objects.count() == 0

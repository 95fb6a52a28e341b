"""The client's program on a phone (390x844): open the link, tick a session, rate pain;
what was sent is there after a reload and on the therapist's side."""

from collections.abc import Callable

from django.contrib.auth.models import User
from django.urls import reverse
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from assessments.models import Assessment
from plans.models import PlanVersion, ProgramAnswers, ProgramDay, ProgramTick
from plans.program.selectors import token_of
from plans.program.services import program_link_revoke
from plans.services import plan_build, plan_issue, plan_revise

PHONE = {"width": 390, "height": 844}


def _open_on_a_phone(page: Page, base: str, therapist: User, visit: Assessment) -> PlanVersion:
    """The visit's plan issued, and its program page opened at a phone's size."""
    draft = plan_build(actor=therapist, assessment=visit)
    version = plan_issue(actor=therapist, version=draft, expected_lock=draft.lock)
    page.set_viewport_size(PHONE)
    page.goto(base + reverse("program_page", args=[token_of(version.program_link)]))
    return version


def test_tick_and_pain_on_a_phone_reach_the_clinic(
    page: Page, live_server: LiveServer, therapist: User, typical: Assessment
) -> None:
    version = _open_on_a_phone(page, live_server.url, therapist, typical)
    expect(page.get_by_role("heading", name="Your home program")).to_be_visible()
    first = page.locator("[data-slug]").first
    first.get_by_role("button", name="Done a session").click()
    expect(first.locator("[data-done-today]")).to_have_text("Done today: 1 of 1")
    page.locator(".pain-choice", has_text="3").first.click()
    expect(page.locator("[data-sync-status]")).to_have_text("Saved.")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    page.reload()
    expect(first.locator("[data-done-today]")).to_have_text("Done today: 1 of 1")
    expect(page.locator("input[name=pain][value='3']")).to_be_checked()
    assert ProgramTick.objects.filter(link=version.program_link).count() == 1
    assert ProgramDay.objects.get(link=version.program_link).pain == 3


def test_todays_pain_fills_the_unanswered_pain_now_before_the_visit(
    page: Page, live_server: LiveServer, therapist: User, typical: Assessment
) -> None:
    version = _open_on_a_phone(page, live_server.url, therapist, typical)
    answers = page.locator("#before-visit")
    expect(answers.locator("input[name=pain_now]:checked")).to_have_count(0)
    page.locator("#program .pain-choice", has_text="4").first.click()
    # Asked once: today's rating is the answer to "Your pain now", not yet sent.
    expect(answers.locator("input[name=pain_now][value='4']")).to_be_checked()
    assert not ProgramAnswers.objects.exists()
    # Once the client answers it themselves, a later rating of the day leaves it alone.
    answers.locator(".pain-choice", has_text="2").first.click()
    page.locator("#program .pain-choice", has_text="6").first.click()
    expect(answers.locator("input[name=pain_now][value='2']")).to_be_checked()
    answers.get_by_role("button", name="Send my answers").click()
    expect(page.locator("#before-visit [role=status]")).to_contain_text("are with your clinic")
    assert ProgramAnswers.objects.get().pain_now == 2
    # The day's last rating reaches the clinic too (sent again once the first send ends).
    rated_six = ProgramDay.objects.filter(link=version.program_link, pain=6)
    _eventually(page, rated_six.exists)


def _eventually(page: Page, check: Callable[[], bool], seconds: float = 10) -> None:
    """Wait until `check` holds: what the page's script sends in the background."""
    for _ in range(int(seconds * 10)):
        if check():
            return
        page.wait_for_timeout(100)
    raise AssertionError("the page's script did not send it in time")


def test_offline_ticks_are_kept_and_arrive_once_when_back_online(
    page: Page, live_server: LiveServer, therapist: User, typical: Assessment
) -> None:
    draft = plan_build(actor=therapist, assessment=typical)
    version = plan_issue(actor=therapist, version=draft, expected_lock=draft.lock)
    link = version.program_link
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + reverse("program_page", args=[token_of(link)]))
    # The service worker keeps the page and its files (it controls the page once ready).
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.reload()
    expect(page.get_by_role("heading", name="Your home program")).to_be_visible()
    assert page.evaluate("navigator.serviceWorker.controller !== null")
    first = page.locator("[data-slug]").first

    page.context.set_offline(True)
    first.get_by_role("button", name="Done a session").click()
    expect(page.locator("[data-sync-status]")).to_contain_text("Saved on this phone")
    page.reload()  # offline: from the service worker, the tick from the phone's queue
    expect(first.locator("[data-done-today]")).to_have_text("Done today: 1 of 1")
    assert ProgramTick.objects.filter(link=link).count() == 0

    page.context.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    expect(page.locator("[data-sync-status]")).to_have_text("Saved.")
    page.reload()
    page.evaluate("window.dispatchEvent(new Event('online'))")  # a second chance to resend
    expect(first.locator("[data-done-today]")).to_have_text("Done today: 1 of 1")
    assert ProgramTick.objects.filter(link=link).count() == 1  # arrived, and only once


def test_revoked_and_superseded_links_show_the_friendly_page(
    page: Page, live_server: LiveServer, therapist: User, typical: Assessment
) -> None:
    draft = plan_build(actor=therapist, assessment=typical)
    first = plan_issue(actor=therapist, version=draft, expected_lock=draft.lock)
    old_url = live_server.url + reverse("program_page", args=[token_of(first.program_link)])
    second = plan_issue(
        actor=therapist,
        version=(nxt := plan_revise(actor=therapist, version=first)),
        expected_lock=nxt.lock,
    )
    program_link_revoke(actor=therapist, link=second.program_link)
    new_url = live_server.url + reverse("program_page", args=[token_of(second.program_link)])
    page.set_viewport_size(PHONE)
    for url in (old_url, new_url):
        page.goto(url)
        expect(page.get_by_role("heading", name="This program link has ended")).to_be_visible()

"""Outcome scores worked out live: the therapist types ODI sections and STarT Back answers."""

import datetime

from django.contrib.auth.models import User
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from assessments.services import assessment_start
from clinic.models import Client
from tests.e2e.signing_in import sign_in


def _type_and_tab(page: Page, *entries: str) -> None:
    for entry in entries:
        page.keyboard.type(entry)
        page.keyboard.press("Tab")


def test_odi_total_and_startback_group_update_as_answers_are_entered(
    page: Page, live_server: LiveServer, therapist: User, client_record: Client
) -> None:
    draft = assessment_start(
        actor=therapist, client=client_record, visit_date=datetime.date(2026, 11, 2)
    )
    sign_in(page, live_server.url)
    page.goto(f"{live_server.url}/assessments/{draft.pk}/edit/")
    odi = page.locator('#outcome-scores [data-score="odi"]')
    startback = page.locator('#outcome-scores [data-score="startback"]')
    expect(odi).to_have_text("no section answered")

    page.get_by_label("ODI 1: pain intensity", exact=True).focus()
    _type_and_tab(page, "3", "2", "2")
    expect(odi).to_contain_text("3 of 10 sections answered")
    _type_and_tab(page, "1", "3", "2", "1")  # ODI 4-7
    page.keyboard.press("Tab")  # ODI 8 (sex life) left out
    _type_and_tab(page, "1", "2")  # ODI 9-10
    expect(odi).to_contain_text("37.8% moderate disability from 9 of 10 sections")  # 17 / 45

    page.get_by_label("ODI 2: personal care", exact=True).fill("5")
    page.keyboard.press("Tab")
    expect(odi).to_contain_text("44.4% severe disability from 9 of 10 sections")  # 20 / 45

    # STarT Back answers chosen by their first letter: agree on 5-8, "slightly" bothered.
    page.get_by_label("STarT Back 5: fear of activity", exact=True).focus()
    _type_and_tab(page, "a", "a", "a", "a", "s")
    expect(startback).to_contain_text("psychosocial 4/5")
    expect(startback).to_contain_text("high risk")
    expect(page.locator("#outcome-scores")).to_have_attribute("aria-live", "polite")

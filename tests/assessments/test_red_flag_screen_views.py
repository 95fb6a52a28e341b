"""The edit page's red-flag controls without JavaScript: each press submits the form and the
server answers the unanswered items, then saves. Nothing is answered without a press."""

import datetime
import re
from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client as HttpClient
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assessments.catalogue.items import RED_FLAGS
from assessments.forms import initial_from
from assessments.models import Assessment
from assessments.red_flag_screen import NONE_OF_THESE, UNCHANGED, previous_answers
from assessments.selectors import assessment_get
from assessments.services import assessment_finalise, assessment_save, assessment_start
from clinic.models import AuditAction, AuditEntry, Client

DAY1, DAY2 = datetime.date(2026, 3, 3), datetime.date(2026, 3, 31)
CODES = [code for code, _, _ in RED_FLAGS]
ALL_NO = {(code, ""): "no" for code in CODES}


def _url(assessment: Assessment) -> str:
    return reverse("assessment_edit", args=[assessment.pk])


def _as_posted(user: User, assessment: Assessment, **pressed: str) -> dict[str, str]:
    """What the browser posts from the page as shown: every field as it stands, plus the
    button pressed."""
    initial = initial_from(assessment_get(user, assessment.pk))
    data = {name: ("" if value is None else str(value)) for name, value in initial.items()}
    return {**data, **pressed}


def _red_flags(assessment: Assessment) -> dict[str, str]:
    return {m.item: m.choice for m in assessment.measurements.filter(item__in=CODES)}


@pytest.fixture
def draft(therapist: User, client_record: Client) -> Assessment:
    return assessment_start(actor=therapist, client=client_record, visit_date=DAY1)


@pytest.fixture
def last_visit(therapist: User, client_record: Client) -> Assessment:
    """Asked every question; yes to significant trauma; a carried measurement."""
    draft = assessment_start(actor=therapist, client=client_record, visit_date=DAY1)
    values = {
        **ALL_NO,
        ("rf_major_trauma", ""): "yes",
        ("hip_extension", "left"): Decimal(5),
        ("agg_sitting", ""): "yes",
    }
    saved = assessment_save(
        actor=therapist, assessment=draft, expected_version=1, narrative={}, values=values
    )
    return assessment_finalise(actor=therapist, assessment=saved, expected_version=2)


@pytest.fixture
def follow_up(therapist: User, client_record: Client, last_visit: Assessment) -> Assessment:
    return assessment_start(
        actor=therapist, client=client_record, visit_date=DAY2, copy_forward=True
    )


# --- None of these ------------------------------------------------------------------


def test_edit_page_offers_none_of_these_as_a_submit_button(
    as_therapist: HttpClient, draft: Assessment
) -> None:
    page = as_therapist.get(_url(draft)).content.decode()
    button = re.search(r'<button type="submit" name="red_flags_none"[^>]*>', page)
    assert button is not None
    assert 'data-fill="rf_bladder_bowel:no rf_saddle_numbness:no' in button[0]
    assert "/static/js/answer-fill.js" in page
    assert "Unchanged since" not in page  # a first visit has nothing to offer
    # Enter in a field submits with the first submit button: a plain one, never an answer.
    form = page[page.index('<form method="post" id="assessment-form"') :]
    first = re.search(r"<button[^>]*type=\"submit\"[^>]*>", form)
    assert first is not None
    assert first[0] == '<button type="submit" hidden tabindex="-1">'


def test_none_of_these_without_js_answers_no_to_the_rest_and_saves(
    as_therapist: HttpClient, therapist: User, draft: Assessment
) -> None:
    data = _as_posted(therapist, draft, rf_fever="yes", **{NONE_OF_THESE: "1"})
    response = as_therapist.post(_url(draft), data)
    assert response["Location"] == _url(draft) + "#section-red_flags"
    draft.refresh_from_db()
    assert _red_flags(draft) == {**dict.fromkeys(CODES, "no"), "rf_fever": "yes"}
    page = as_therapist.get(_url(draft)).content.decode()
    assert "Red-flag screen: 16 unanswered items answered No. Draft saved." in page
    assert 'name="red_flags_none"' not in page  # every item answered: no controls
    # The save's audit entry is the usual one, naming the items changed (cut at 300 characters).
    change = AuditEntry.objects.get(object_id=draft.pk, action=AuditAction.CHANGE)
    assert change.detail == ("changed: " + ", ".join(sorted(CODES)))[:300]


def test_none_of_these_then_one_item_changed_to_yes(
    as_therapist: HttpClient, therapist: User, draft: Assessment
) -> None:
    as_therapist.post(_url(draft), _as_posted(therapist, draft, **{NONE_OF_THESE: "1"}))
    draft.refresh_from_db()
    response = as_therapist.post(
        _url(draft), _as_posted(therapist, draft, save="1", rf_night_pain="yes")
    )
    assert response["Location"] == _url(draft)
    draft.refresh_from_db()
    assert _red_flags(draft) == {**dict.fromkeys(CODES, "no"), "rf_night_pain": "yes"}


def test_saving_without_a_press_leaves_the_screen_not_asked(
    as_therapist: HttpClient, therapist: User, draft: Assessment
) -> None:
    response = as_therapist.post(_url(draft), _as_posted(therapist, draft, save="1", pain_now="3"))
    assert response["Location"] == _url(draft)
    draft.refresh_from_db()
    assert _red_flags(draft) == {}


def test_none_of_these_with_an_error_elsewhere_keeps_the_answers_and_saves_nothing(
    as_therapist: HttpClient, therapist: User, draft: Assessment
) -> None:
    data = _as_posted(therapist, draft, pain_now="11", **{NONE_OF_THESE: "1"})
    response = as_therapist.post(_url(draft), data)
    assert response.status_code == 200
    form = response.context["form"]
    assert [form[code].value() for code in CODES] == ["no"] * len(CODES)
    assert form["pain_now"].value() == "11"
    draft.refresh_from_db()
    assert (draft.version, _red_flags(draft)) == (1, {})


def test_none_of_these_pressed_twice_saves_once(
    as_therapist: HttpClient, therapist: User, draft: Assessment
) -> None:
    data = _as_posted(therapist, draft, **{NONE_OF_THESE: "1"})
    first = as_therapist.post(_url(draft), data)
    second = as_therapist.post(_url(draft), data)  # a double click: the same version
    assert second["Location"] == first["Location"] == _url(draft) + "#section-red_flags"
    draft.refresh_from_db()
    assert draft.version == 2


def test_amend_page_answers_nothing_for_the_therapist(
    as_therapist: HttpClient, therapist: User, client_record: Client
) -> None:
    draft = assessment_start(actor=therapist, client=client_record, visit_date=DAY1)
    saved = assessment_save(
        actor=therapist,
        assessment=draft,
        expected_version=1,
        narrative={},
        values={("pain_now", ""): Decimal(3)},
    )
    final = assessment_finalise(actor=therapist, assessment=saved, expected_version=2)
    url = reverse("assessment_amend", args=[final.pk])
    assert "red_flags_none" not in as_therapist.get(url).content.decode()
    data = _as_posted(therapist, final, reason="Typo", pain_now="4", **{NONE_OF_THESE: "1"})
    as_therapist.post(url, data)
    final.refresh_from_db()
    assert _red_flags(final) == {}


def test_outsider_cannot_press_none_of_these(
    as_outsider: HttpClient, therapist: User, draft: Assessment
) -> None:
    data = _as_posted(therapist, draft, **{NONE_OF_THESE: "1"})
    assert as_outsider.post(_url(draft), data).status_code == 404
    assert _red_flags(draft) == {}


# --- the follow-up: unchanged since <date> ------------------------------------------


def test_follow_up_page_offers_the_last_answers_saying_the_yes_plainly(
    as_therapist: HttpClient, follow_up: Assessment
) -> None:
    page = as_therapist.get(_url(follow_up)).content.decode()
    offer = previous_answers(follow_up)
    assert offer is not None
    assert "Yes at the last visit" in page
    said = "<strong>Last visit, 3 Mar 2026:</strong> yes to significant trauma; no to 16 others."
    assert said in page
    button = re.search(r'<button type="submit" name="red_flags_unchanged"[^>]*>([^<]*)<', page)
    assert button is not None
    assert f'value="{offer.token}"' in button[0]
    assert button[1] == "Unchanged since 3 Mar 2026"
    assert _red_flags(follow_up) == {}  # offered, not stored


def test_unchanged_since_without_js_stores_the_last_answers_then_one_can_change(
    as_therapist: HttpClient, therapist: User, follow_up: Assessment
) -> None:
    offer = previous_answers(follow_up)
    assert offer is not None
    response = as_therapist.post(
        _url(follow_up), _as_posted(therapist, follow_up, **{UNCHANGED: offer.token})
    )
    assert response["Location"] == _url(follow_up) + "#section-red_flags"
    assert _red_flags(follow_up) == {**dict.fromkeys(CODES, "no"), "rf_major_trauma": "yes"}
    page = as_therapist.get(_url(follow_up)).content.decode()
    assert (
        "Red-flag screen: 17 answers confirmed unchanged since 3 Mar 2026. "
        "Still yes: Significant trauma. Draft saved."
    ) in page
    # Confirmed answers are today's: not carried, and the carried measurements stay marked.
    carried = {(m.item, m.carried_over) for m in follow_up.measurements.all()}
    assert ("rf_major_trauma", False) in carried
    assert ("hip_extension", True) in carried
    follow_up.refresh_from_db()
    as_therapist.post(
        _url(follow_up), _as_posted(therapist, follow_up, save="1", rf_major_trauma="no")
    )
    assert _red_flags(follow_up) == dict.fromkeys(CODES, "no")


def test_unchanged_since_with_stale_answers_saves_nothing_and_says_so(
    as_therapist: HttpClient, therapist: User, follow_up: Assessment
) -> None:
    data = _as_posted(therapist, follow_up, pain_now="2", **{UNCHANGED: "0123456789abcdef"})
    response = as_therapist.post(_url(follow_up), data)
    assert response.status_code == 409
    page = response.content.decode()
    assert 'id="stale-offer"' in page
    assert response.context["form"]["pain_now"].value() == "2"  # nothing typed is lost
    follow_up.refresh_from_db()
    assert (follow_up.version, _red_flags(follow_up)) == (1, {})


def test_follow_up_finalised_without_confirming_keeps_the_screen_not_asked(
    as_therapist: HttpClient, therapist: User, follow_up: Assessment
) -> None:
    data = _as_posted(therapist, follow_up, finalise="1", confirm_carried="on")
    response = as_therapist.post(_url(follow_up), data)
    assert response["Location"] == reverse("assessment_detail", args=[follow_up.pk])
    follow_up.refresh_from_db()
    assert (follow_up.status, _red_flags(follow_up)) == ("final", {})


def test_edit_page_query_count_with_and_without_an_offer(
    as_therapist: HttpClient, therapist: User, client_record: Client, follow_up: Assessment
) -> None:
    first_visit = assessment_start(
        actor=therapist, client=client_record, visit_date=DAY2, another=True
    )
    counts = []
    for assessment in (first_visit, follow_up):
        with CaptureQueriesContext(connection) as queries:
            response = as_therapist.get(_url(assessment))
        assert response.status_code == 200
        counts.append(len(queries))
    # Session, user, the assessment (with client and clinic), its measurements, its
    # body-chart marks, the audit entry, the membership (navigation). A follow-up adds the
    # visit it started from (its date is in the page header) and that visit's red-flag
    # answers: the offer's one query.
    assert counts == [7, 9]

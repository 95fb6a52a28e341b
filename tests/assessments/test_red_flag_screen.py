"""The red-flag screen in one action: "None of these" and, at a follow-up, "Unchanged since".

A red flag is never assumed absent: nothing is filled in or stored without the
therapist's press, and a follow-up only offers the last visit's answers.
"""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.http import QueryDict

from assessments import red_flag_screen
from assessments.catalogue.items import RED_FLAGS
from assessments.interpretation import assessment_findings
from assessments.models import Assessment
from assessments.red_flag_screen import NONE_OF_THESE, UNCHANGED, Offer, posted
from assessments.services import (
    assessment_amend,
    assessment_finalise,
    assessment_save,
    assessment_start,
)
from assessments.values import Key, Value
from clinic.models import Client

DAY1, DAY2 = datetime.date(2026, 3, 3), datetime.date(2026, 3, 31)
CODES = [code for code, _, _ in RED_FLAGS]
ALL_NO: dict[Key, Value] = {(code, ""): "no" for code in CODES}


def _final(therapist: User, client: Client, values: dict[Key, Value]) -> Assessment:
    draft = assessment_start(actor=therapist, client=client, visit_date=DAY1)
    saved = assessment_save(
        actor=therapist, assessment=draft, expected_version=1, narrative={}, values=values
    )
    return assessment_finalise(actor=therapist, assessment=saved, expected_version=2)


def _follow_up(therapist: User, client: Client) -> Assessment:
    return assessment_start(actor=therapist, client=client, visit_date=DAY2, copy_forward=True)


def _data(**fields: str) -> QueryDict:
    data = QueryDict(mutable=True)
    data.update({"version": "1", **fields})
    return data


def _answers(data: QueryDict) -> dict[str, str]:
    return {code: data[code] for code in CODES if data.get(code)}


def _red_flags(assessment: Assessment) -> dict[str, str]:
    return {m.item: m.choice for m in assessment.measurements.filter(item__in=CODES)}


@pytest.fixture
def trauma_visit(therapist: User, client_record: Client) -> Assessment:
    """The last visit: every question asked, a yes to significant trauma."""
    return _final(therapist, client_record, {**ALL_NO, ("rf_major_trauma", ""): "yes"})


# --- None of these --------------------------------------------------------------------


@pytest.fixture
def draft_for_screen(therapist: User, client_record: Client) -> Assessment:
    return assessment_start(actor=therapist, client=client_record, visit_date=DAY1)


def test_none_of_these_answers_no_to_unanswered_items_only(draft_for_screen: Assessment) -> None:
    data = _data(**{NONE_OF_THESE: "1", "rf_fever": "yes", "rf_night_pain": ""})
    result = posted(data, draft_for_screen)
    assert _answers(result.data) == {**dict.fromkeys(CODES, "no"), "rf_fever": "yes"}
    assert result.message == "Red-flag screen: 16 unanswered items answered No."
    assert not result.stale


def test_without_a_press_nothing_is_answered(draft_for_screen: Assessment) -> None:
    data = _data(save="1", rf_fever="no")
    result = posted(data, draft_for_screen)
    assert (_answers(result.data), result.message, result.stale) == ({"rf_fever": "no"}, "", False)


def test_none_of_these_on_a_fully_answered_screen_changes_nothing(
    draft_for_screen: Assessment,
) -> None:
    answered = {code: "yes" for code in CODES}
    result = posted(_data(**{NONE_OF_THESE: "1"}, **answered), draft_for_screen)
    assert (_answers(result.data), result.message) == (answered, "")


def test_none_of_these_is_refused_on_a_final_assessment(
    therapist: User, client_record: Client
) -> None:
    final = _final(therapist, client_record, {("pain_now", ""): Decimal(3)})
    result = posted(_data(**{NONE_OF_THESE: "1"}), final)
    assert (_answers(result.data), result.message) == ({}, "")
    assert red_flag_screen.controls(final, answered=0) is None


# --- the follow-up's offer ----------------------------------------------------------


def test_follow_up_offers_the_last_answers_without_storing_them(
    therapist: User, client_record: Client, trauma_visit: Assessment
) -> None:
    follow_up = _follow_up(therapist, client_record)
    assert _red_flags(follow_up) == {}  # offered, not stored: the screen is not asked yet
    offer = red_flag_screen.previous_answers(follow_up)
    assert offer is not None
    assert offer.visit_date == DAY1
    assert offer.answers == {**dict.fromkeys(CODES, "no"), "rf_major_trauma": "yes"}
    assert offer.yes == ("Significant trauma",)
    assert offer.summary() == "yes to significant trauma; no to 16 others"
    assert "rf_major_trauma:yes" in offer.fill.split()
    # Nothing suggests a red flag on today's visit until the therapist answers.
    assert [f.code for f in assessment_findings(follow_up) if f.is_red_flag] == []


def test_unchanged_since_fills_the_offered_answers_into_unanswered_items(
    therapist: User, client_record: Client, trauma_visit: Assessment
) -> None:
    follow_up = _follow_up(therapist, client_record)
    offer = red_flag_screen.previous_answers(follow_up)
    assert offer is not None
    result = posted(_data(**{UNCHANGED: offer.token, "rf_fever": "yes"}), follow_up)
    assert _answers(result.data) == {
        **dict.fromkeys(CODES, "no"),
        "rf_major_trauma": "yes",
        "rf_fever": "yes",  # answered today: kept
    }
    assert result.message == (
        "Red-flag screen: 16 answers confirmed unchanged since 3 Mar 2026. "
        "Still yes: Significant trauma."
    )


def test_unchanged_since_is_refused_when_the_answers_changed_after_they_were_shown(
    therapist: User, client_record: Client, trauma_visit: Assessment
) -> None:
    follow_up = _follow_up(therapist, client_record)
    offer = red_flag_screen.previous_answers(follow_up)
    assert offer is not None
    shown = offer.token
    assessment_amend(
        actor=therapist,
        assessment=trauma_visit,
        expected_version=trauma_visit.version,
        narrative={},
        values={**ALL_NO, ("rf_major_trauma", ""): "yes", ("rf_fever", ""): "yes"},
        reason="Fever was mentioned at the end of the visit.",
    )
    result = posted(_data(**{UNCHANGED: shown}), follow_up)
    assert (result.stale, _answers(result.data), result.message) == (True, {}, "")


def test_unchanged_since_is_refused_without_a_visit_to_copy(
    draft_for_screen: Assessment,
) -> None:
    assert red_flag_screen.previous_answers(draft_for_screen) is None
    result = posted(_data(**{UNCHANGED: "anything"}), draft_for_screen)
    assert (result.stale, _answers(result.data)) == (True, {})


def test_no_offer_when_the_last_visit_did_not_ask_the_screen(
    therapist: User, client_record: Client
) -> None:
    _final(therapist, client_record, {("pain_now", ""): Decimal(3)})
    follow_up = _follow_up(therapist, client_record)
    controls = red_flag_screen.controls(follow_up, answered=0)
    assert controls is not None
    assert controls.offer is None


def test_offer_of_a_partly_asked_screen_says_what_was_not_asked() -> None:
    offer = Offer(DAY1, {"rf_fever": "no", "rf_cancer_history": "no"})
    assert offer.summary() == "no to 2 questions; 15 questions not asked"
    assert offer.fill == "rf_cancer_history:no rf_fever:no"  # screen order
    assert Offer(DAY1, dict.fromkeys(CODES, "no")).summary() == "no to all 17 questions"


def test_offer_token_names_the_date_and_the_answers() -> None:
    answers = dict.fromkeys(CODES, "no")
    token = Offer(DAY1, answers).token
    assert Offer(DAY1, dict(answers)).token == token
    assert Offer(DAY2, answers).token != token
    assert Offer(DAY1, {**answers, "rf_fever": "yes"}).token != token


def test_follow_up_finalised_without_confirming_keeps_the_screen_not_asked(
    therapist: User, client_record: Client, trauma_visit: Assessment
) -> None:
    """Finalising follows the rules for any unanswered screen: allowed, nothing assumed."""
    follow_up = _follow_up(therapist, client_record)
    values = {("pain_now", ""): Decimal(2)}
    saved = assessment_save(
        actor=therapist,
        assessment=follow_up,
        expected_version=1,
        narrative={},
        values=values,
        confirm_carried=True,
    )
    final = assessment_finalise(actor=therapist, assessment=saved, expected_version=2)
    assert _red_flags(final) == {}


def test_controls_show_while_any_item_is_unanswered(
    therapist: User, client_record: Client, trauma_visit: Assessment
) -> None:
    follow_up = _follow_up(therapist, client_record)
    controls = red_flag_screen.controls(follow_up, answered=16)
    assert controls is not None
    assert controls.offer is not None
    assert controls.none_fill.split() == [f"{code}:no" for code in CODES]
    assert red_flag_screen.controls(follow_up, answered=17) is None

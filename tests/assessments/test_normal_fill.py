""" "Rest normal": a section's unanswered checks answered Negative, No or grade 5 in one
press (assessments/normal_fill.py), only when pressed, never over an answer given."""

import datetime

import pytest
from django.contrib.auth.models import User
from django.http import QueryDict
from django.test import Client as HttpClient
from django.urls import reverse

from assessments import normal_fill
from assessments.catalogue.items import SECTIONS
from assessments.catalogue.strength_movement import STRENGTH_MUSCLES
from assessments.models import Assessment
from assessments.services import assessment_finalise, assessment_save, assessment_start
from clinic.models import Client
from tests.assessments.test_red_flag_screen_views import _as_posted

DAY = datetime.date(2026, 3, 3)
BY_CODE = {section.code: section for section in SECTIONS}
BOTH = ("left", "right")


def _values(assessment: Assessment, section: str) -> dict[tuple[str, str], str]:
    codes = {item.code for item in BY_CODE[section].items}
    return {(m.item, m.side): m.choice for m in assessment.measurements.filter(item__in=codes)}


def test_offering_sections_and_their_normal_answers() -> None:
    answers = {code: normal_fill.BY_SECTION[code] for code in normal_fill.OFFERED}
    assert answers["special_tests"] == {
        (test, side): "negative" for test in ("faber", "fadir", "fair") for side in BOTH
    }
    assert answers["muscle_length"] == {
        **{("slr_below_knee_pain", side): "no" for side in BOTH},
        **{("ober", side): "negative" for side in BOTH},
    }
    assert answers["strength"] == {
        (f"strength_{muscle}", side): "5" for muscle, _ in STRENGTH_MUSCLES for side in BOTH
    }
    assert len(answers["movement"]) == 16
    assert set(answers["movement"].values()) == {"no", "negative"}
    # Not offered where yes can be normal (Thomas: pelvis controlled) or on the red flags.
    assert normal_fill.normal_answers(BY_CODE["thomas"]) == {}
    assert normal_fill.normal_answers(BY_CODE["red_flags"]) == {}


def test_offer_leaves_out_answered_checks_and_goes_when_all_are() -> None:
    section = BY_CODE["special_tests"]
    offer = normal_fill.offer(section, frozenset({("faber", "left")}))
    assert offer is not None
    assert (offer.unanswered, offer.words) == (5, "Negative")
    assert "faber__left" not in offer.fill
    assert "fadir__right:negative" in offer.fill.split()
    everything = frozenset(normal_fill.BY_SECTION["special_tests"])
    assert normal_fill.offer(section, everything) is None
    assert normal_fill.offer(BY_CODE["thomas"], frozenset()) is None
    assert normal_fill.offer(BY_CODE["movement"], frozenset()).words == "Negative or No"  # type: ignore[union-attr]


@pytest.mark.parametrize("code", ["red_flags", "thomas", "nonsense", ""])
def test_posted_ignores_a_section_that_does_not_offer_it(code: str) -> None:
    data = QueryDict(mutable=True)
    data.update({"fill_normal": code, "rf_fever": ""})
    result = normal_fill.posted(data)
    assert (result.data, result.message) == (data, "")


@pytest.fixture
def draft(therapist: User, client_record: Client) -> Assessment:
    return assessment_start(actor=therapist, client=client_record, visit_date=DAY)


def test_edit_page_offers_rest_normal_in_the_offering_sections(
    as_therapist: HttpClient, draft: Assessment
) -> None:
    page = as_therapist.get(reverse("assessment_edit", args=[draft.pk])).content.decode()
    offered = {code for code in BY_CODE if f'name="fill_normal" value="{code}"' in page}
    assert offered == set(normal_fill.OFFERED)


def test_rest_normal_without_javascript_fills_only_unanswered_checks_and_saves(
    as_therapist: HttpClient, therapist: User, draft: Assessment
) -> None:
    data = _as_posted(therapist, draft, fill_normal="strength")
    data["strength_glute_max__right"] = "4-"  # answered before the press: kept
    response = as_therapist.post(reverse("assessment_edit", args=[draft.pk]), data)
    assert response.status_code == 302
    assert response["Location"].endswith("#section-strength")
    saved = _values(draft, "strength")
    expected = {
        (f"strength_{muscle}", side): "5" for muscle, _ in STRENGTH_MUSCLES for side in BOTH
    }
    assert saved == {**expected, ("strength_glute_max", "right"): "4-"}
    page = as_therapist.get(response["Location"]).content.decode()
    assert "Strength: 11 unanswered checks marked normal. Draft saved." in page
    assert 'name="fill_normal" value="strength"' not in page  # every check answered now


def test_nothing_is_marked_normal_without_a_press(
    as_therapist: HttpClient, therapist: User, draft: Assessment
) -> None:
    data = _as_posted(therapist, draft, save="")
    as_therapist.post(reverse("assessment_edit", args=[draft.pk]), data)
    assert all(_values(draft, code) == {} for code in normal_fill.OFFERED)


def test_amend_form_offers_no_rest_normal(
    as_therapist: HttpClient, therapist: User, draft: Assessment
) -> None:
    saved = assessment_save(
        actor=therapist,
        assessment=draft,
        expected_version=1,
        narrative={},
        values={("pain_now", ""): 3},
    )
    final = assessment_finalise(actor=therapist, assessment=saved, expected_version=2)
    page = as_therapist.get(reverse("assessment_amend", args=[final.pk])).content.decode()
    assert "fill_normal" not in page

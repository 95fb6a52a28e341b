"""Palpation per muscle and side (docs/clinical.md "Palpation"): the catalogue section, "Rest
normal", the entry page saving and showing it, and the comparison of visits."""

import datetime

import pytest
from django.contrib.auth.models import User
from django.test import Client as HttpClient
from django.urls import reverse

from assessments import normal_fill
from assessments.catalogue.items import PALPATION_MUSCLES, SECTIONS
from assessments.compare.visits import compare_visits
from assessments.norms import cutoffs_for
from assessments.services import assessment_finalise, assessment_start
from assessments.values import AssessmentValues
from clinic.models import Client

DAY = datetime.date(2026, 11, 2)
PALPATION = next(section for section in SECTIONS if section.code == "palpation")


def test_palpation_section_sits_after_movement_with_three_sided_choices_and_a_referral() -> None:
    codes = [section.code for section in SECTIONS]
    assert codes.index("palpation") == codes.index("movement") + 1  # Alt+1-9 keep their keys
    assert len(PALPATION_MUSCLES) == 10
    sided = [item for item in PALPATION.items if item.sided]
    referral = [item for item in PALPATION.items if not item.sided]
    # 70 fields: 3 drop-downs per muscle and side, one referral text per muscle.
    assert (len(sided) * 2, len(referral)) == (60, 10)
    assert [item.code for item in PALPATION.items[:4]] == [
        "palp_iliopsoas_tone",
        "palp_iliopsoas_tender",
        "palp_iliopsoas_trigger",
        "palp_iliopsoas_referral",
    ]


def test_rest_normal_on_palpation_fills_the_three_normals_never_the_referral() -> None:
    answers = normal_fill.BY_SECTION["palpation"]
    assert len(answers) == 60
    assert {code.rsplit("_", 1)[1]: value for (code, _), value in answers.items()} == {
        "tone": "normal",
        "tender": "0",
        "trigger": "absent",
    }
    offer = normal_fill.offer(PALPATION, frozenset({("palp_iliopsoas_tone", "left")}))
    assert offer is not None
    assert (offer.unanswered, offer.words) == (59, "normal tone, tenderness 0 or no trigger point")


@pytest.mark.parametrize(
    ("code", "before", "after", "expected"),
    [
        ("palp_piriformis_tender", "2", "1", "improved"),
        ("palp_piriformis_tender", "0", "3", "worse"),
        ("palp_piriformis_trigger", "familiar", "present", "improved"),
        ("palp_piriformis_trigger", "absent", "familiar", "worse"),
        ("palp_piriformis_tone", "increased", "normal", "improved"),
        ("palp_piriformis_tone", "normal", "decreased", "worse"),
        ("palp_piriformis_tone", "decreased", "increased", "changed"),
    ],
)
def test_palpation_changes_between_visits_are_judged(
    code: str, before: str, after: str, expected: str
) -> None:
    comparison = compare_visits(
        AssessmentValues({(code, "left"): before}),
        AssessmentValues({(code, "left"): after}),
        cutoffs_for(None),
    )
    section = next(s for s in comparison.sections if s.code == "palpation")
    (row,) = section.rows
    assert (row.side, row.classification) == ("left", expected)


def test_palpation_is_saved_from_the_entry_page_and_shown_with_its_finding(
    as_therapist: HttpClient, therapist: User, client_record: Client
) -> None:
    draft = assessment_start(actor=therapist, client=client_record, visit_date=DAY)
    url = reverse("assessment_edit", args=[draft.pk])
    response = as_therapist.post(
        url,
        {
            "version": "1",
            "visit_date": DAY.isoformat(),
            "save": "1",
            "palp_piriformis_tender__left": "2",
            "palp_piriformis_trigger__left": "familiar",
            "palp_piriformis_referral": "Back of the thigh",
            "fair__left": "positive",
        },
    )
    assert response["Location"] == url
    saved = {(m.item, m.side): m.stored for m in draft.measurements.all()}
    assert saved == {
        ("palp_piriformis_tender", "left"): "2",
        ("palp_piriformis_trigger", "left"): "familiar",
        ("palp_piriformis_referral", ""): "Back of the thigh",
        ("fair", "left"): "positive",
    }
    draft.refresh_from_db()
    final = assessment_finalise(actor=therapist, assessment=draft, expected_version=2)
    page = as_therapist.get(reverse("assessment_detail", args=[final.pk])).content.decode()
    assert 'id="section-palpation"' in page
    assert "Piriformis: tenderness" in page
    assert "2 \N{EN DASH} moderate, winces" in page
    assert "Familiar pain" in page
    assert "Piriformis on palpation" in page
    assert (
        "tender: left moderate; trigger point reproducing familiar pain: left "
        "(refers to Back of the thigh)"
    ) in page

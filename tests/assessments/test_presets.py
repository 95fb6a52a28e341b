"""Clinic presets on the assessment entry page: a quick screen folds the other sections."""

import datetime
import re
from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client as HttpClient
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assessments.catalogue.items import SECTIONS
from assessments.models import Assessment
from assessments.norms import cutoffs_for
from assessments.presenters import build_sections
from assessments.presets import ALWAYS_OPEN, QUICK, QUICK_SCREEN, folded_sections
from assessments.services import assessment_finalise, assessment_save, assessment_start
from assessments.values import AssessmentValues
from clinic.models import AssessmentPreset, Client, Clinic

DAY = datetime.date(2026, 11, 2)
CODES = tuple(section.code for section in SECTIONS)
FOLDED_BY_QUICK = [
    "posture",
    "rom",
    "special_tests",
    "strength",
    "palpation",
    "history",
    "function",
    "outcomes",
]


def _folded_on(page: str) -> list[str]:
    """The codes of the sections shown folded on a page, in page order."""
    sections = re.split(r'(?=<section id="section-)', page)[1:]
    return [
        re.match(r'<section id="section-([a-z_]+)"', part).group(1)  # type: ignore[union-attr]
        for part in sections
        if '<details class="folded-section">' in part
    ]


@pytest.fixture
def quick(clinic: Clinic) -> Clinic:
    clinic.assessment_preset = AssessmentPreset.QUICK
    clinic.save()
    return clinic


@pytest.fixture
def draft(therapist: User, client_record: Client) -> Assessment:
    return assessment_start(actor=therapist, client=client_record, visit_date=DAY)


def _edit(http: HttpClient, draft: Assessment) -> str:
    return http.get(reverse("assessment_edit", args=[draft.pk])).content.decode()


# --- the pure choice ------------------------------------------------------------


def test_quick_screen_folds_the_measurement_heavy_sections() -> None:
    assert sorted(folded_sections(QUICK, CODES)) == sorted(FOLDED_BY_QUICK)


def test_full_examination_folds_nothing() -> None:
    assert folded_sections("full", CODES) == frozenset()


def test_pain_and_red_flags_are_never_folded() -> None:
    assert {"subjective", "red_flags"} == ALWAYS_OPEN
    assert ALWAYS_OPEN <= QUICK_SCREEN
    assert set(CODES) >= QUICK_SCREEN  # no stale section code


def test_preset_codes_match_the_clinic_choices() -> None:
    assert (AssessmentPreset.QUICK.value, AssessmentPreset.FULL.value) == (QUICK, "full")


def test_folded_section_with_a_value_is_open(clinic: Clinic) -> None:
    values = AssessmentValues(values={("hip_flexion", "left"): Decimal(100)})
    carried = AssessmentValues(values={("ober", "left"): "positive"})
    folded = folded_sections(QUICK, CODES)
    shown = {
        sv.section.code: sv.folded
        for sv in build_sections(values, cutoffs_for(None), folded=folded)
    }
    assert (shown["rom"], shown["posture"], shown["subjective"]) == (False, True, False)
    with_carried = build_sections(
        carried, cutoffs_for(None), carried=frozenset({("faber", "left")}), folded=folded
    )
    assert {sv.section.code for sv in with_carried if sv.folded} == {
        "posture", "rom", "strength", "palpation", "history", "function", "outcomes"
    }  # fmt: skip


# --- the entry page ---------------------------------------------------------------


def test_full_examination_page_has_every_section_open(
    as_therapist: HttpClient, draft: Assessment
) -> None:
    page = _edit(as_therapist, draft)
    assert _folded_on(page) == []
    assert "<details" not in page.split('id="section-subjective"')[1].split("</form>")[0]


def test_quick_screen_page_folds_the_other_sections(
    as_therapist: HttpClient, quick: Clinic, draft: Assessment
) -> None:
    page = _edit(as_therapist, draft)
    assert _folded_on(page) == FOLDED_BY_QUICK
    # Folded, not removed: every field is still in the form, and the nav still lists it.
    for name in ["hip_flexion__left", "strength_glute_med__right", "odi_section_1", "rf_fever"]:
        assert f'name="{name}"' in page
    assert "<summary>Open Range of motion (11 items, folded: not part of the clinic" in page
    assert 'href="#section-rom"' in page


def test_quick_screen_value_in_a_folded_section_saves(
    as_therapist: HttpClient, quick: Clinic, draft: Assessment
) -> None:
    response = as_therapist.post(
        reverse("assessment_edit", args=[draft.pk]),
        {
            "version": "1",
            "visit_date": DAY.isoformat(),
            "save": "1",
            "hip_flexion__left": "104",
            "pain_now": "3",
        },
    )
    assert response.status_code == 302
    saved = {(m.item, m.side): m.stored for m in draft.measurements.all()}
    assert saved == {("hip_flexion", "left"): Decimal(104), ("pain_now", ""): Decimal(3)}
    # Saved, the section holds a value: it comes back open.
    assert "rom" not in _folded_on(_edit(as_therapist, draft))


def test_quick_screen_opens_a_folded_section_with_an_error(
    as_therapist: HttpClient, quick: Clinic, draft: Assessment
) -> None:
    response = as_therapist.post(
        reverse("assessment_edit", args=[draft.pk]),
        {"version": "1", "visit_date": DAY.isoformat(), "save": "1", "hip_flexion__left": "200"},
    )
    page = response.content.decode()
    assert response.context["form"].errors["hip_flexion__left"]
    assert _folded_on(page) == [
        "posture",
        "special_tests",
        "strength",
        "palpation",
        "history",
        "function",
        "outcomes",
    ]
    assert 'value="200"' in page


def test_quick_screen_opens_a_folded_section_with_carried_values(
    as_therapist: HttpClient, therapist: User, quick: Clinic, client_record: Client
) -> None:
    first = assessment_start(actor=therapist, client=client_record, visit_date=DAY)
    first = assessment_save(
        actor=therapist,
        assessment=first,
        expected_version=1,
        narrative={},
        values={("faber", "left"): "positive", ("pain_now", ""): Decimal(5)},
    )
    assessment_finalise(actor=therapist, assessment=first, expected_version=first.version)
    follow_up = assessment_start(
        actor=therapist,
        client=client_record,
        visit_date=DAY + datetime.timedelta(days=14),
        copy_forward=True,
    )
    page = _edit(as_therapist, follow_up)
    assert _folded_on(page) == [
        "posture",
        "rom",
        "strength",
        "palpation",
        "history",
        "function",
        "outcomes",
    ]
    special = page.split('id="section-special_tests"')[1].split("</section>")[0]
    assert "1 carried over" in special


def test_preset_adds_no_query_to_the_entry_page(
    as_therapist: HttpClient, clinic: Clinic, draft: Assessment
) -> None:
    url = reverse("assessment_edit", args=[draft.pk])
    as_therapist.get(url)  # warm the session
    counts = []
    for preset in ("full", "quick"):
        Clinic.objects.filter(pk=clinic.pk).update(assessment_preset=preset)
        with CaptureQueriesContext(connection) as queries:
            assert as_therapist.get(url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]

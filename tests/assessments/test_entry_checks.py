"""The assessment page's checks of typed numbers: a slip is an error at its field and
survives the failed save; a plausible value outside the norm is saved and marked."""

import datetime

import pytest
from django.contrib.auth.models import User
from django.test import Client as HttpClient
from django.urls import reverse

from assessments.models import Assessment
from assessments.services import assessment_start
from clinic.models import Client

DAY = datetime.date(2026, 11, 2)


@pytest.fixture
def draft(therapist: User, client_record: Client) -> Assessment:
    return assessment_start(actor=therapist, client=client_record, visit_date=DAY)


def _form(**fields: str) -> dict[str, str]:
    return {"version": "1", "visit_date": DAY.isoformat(), "save": "1", **fields}


def _mark(field: str, text: str = "") -> str:
    badge = f'<span class="badge text-bg-info">{text}</span>' if text else ""
    return f'<span id="id_{field}-norm" class="norm-mark">{badge}</span>'


@pytest.mark.parametrize(("typed", "other"), [("7o", "12a"), ("abc", "1,500")])
def test_edit_slips_are_field_errors_and_what_was_typed_survives(
    as_therapist: HttpClient, draft: Assessment, typed: str, other: str
) -> None:
    response = as_therapist.post(
        reverse("assessment_edit", args=[draft.pk]),
        _form(slr_angle__left=typed, slr_angle__right=other, pain_now="4"),
    )
    assert response.status_code == 200
    assert response.context["form"].errors == {
        "slr_angle__left": ["Straight leg raise (left): enter a number."],
        "slr_angle__right": ["Straight leg raise (right): enter a number."],
    }
    page = response.content.decode()
    assert f'value="{typed}"' in page
    assert f'value="{other}"' in page
    assert 'value="4"' in page
    assert (
        '<div class="invalid-feedback d-block" id="id_slr_angle__left-error">'
        "Straight leg raise (left): enter a number.</div>"
    ) in page
    assert 'aria-describedby="id_slr_angle__left-error"' in page
    draft.refresh_from_db()
    assert (draft.version, draft.measurements.count()) == (1, 0)


def test_preview_takes_no_finding_from_a_slip(as_therapist: HttpClient, draft: Assessment) -> None:
    """ "7o" once became 7 degrees and at once a marked tight hamstring finding."""
    url = reverse("assessment_preview", args=[draft.pk])
    slip = as_therapist.post(url, _form(slr_angle__left="7o"), HTTP_HX_REQUEST="true")
    typo_free = as_therapist.post(url, _form(slr_angle__left="70"), HTTP_HX_REQUEST="true")
    assert 'data-code="tight_hamstrings"' not in slip.content.decode()
    assert 'data-code="tight_hamstrings"' in typo_free.content.decode()


def test_value_outside_the_norm_is_saved_and_marked_not_refused(
    as_therapist: HttpClient, draft: Assessment
) -> None:
    # Hip flexion norm 110-120° (docs/clinical.md); plausible range 0-150°.
    response = as_therapist.post(
        reverse("assessment_edit", args=[draft.pk]),
        _form(hip_flexion__left="95", hip_flexion__right="128", hip_abduction__left="40"),
    )
    assert response.status_code == 302
    page = as_therapist.get(reverse("assessment_edit", args=[draft.pk])).content.decode()
    assert _mark("hip_flexion__left", "below norm") in page
    assert _mark("hip_flexion__right", "above norm") in page
    assert _mark("hip_abduction__left") in page  # within 30-50°: no mark
    assert 'id="id_hip_flexion__left-error"' not in page


def test_failed_save_still_marks_typed_values_outside_the_norm(
    as_therapist: HttpClient, draft: Assessment
) -> None:
    response = as_therapist.post(
        reverse("assessment_edit", args=[draft.pk]),
        _form(hip_flexion__left="95", hip_flexion__right="7o"),
    )
    page = response.content.decode()
    assert _mark("hip_flexion__left", "below norm") in page
    assert _mark("hip_flexion__right") in page  # not a number: no norm to be outside


def test_preview_swaps_the_norm_marks_by_their_fields(
    as_therapist: HttpClient, draft: Assessment
) -> None:
    response = as_therapist.post(
        reverse("assessment_preview", args=[draft.pk]),
        _form(slr_angle__right="60"),
        HTTP_HX_REQUEST="true",
    )
    page = response.content.decode()
    assert (
        '<span id="id_slr_angle__right-norm" class="norm-mark" hx-swap-oob="true">'
        '<span class="badge text-bg-info">below norm</span></span>'
    ) in page
    assert (
        '<span id="id_slr_angle__left-norm" class="norm-mark" hx-swap-oob="true"></span>' in page
    )
    # Only items with a reference range have a mark.
    assert 'id="id_thomas_knee_angle__left-norm"' not in page


def test_edit_page_loads_the_live_checks(as_therapist: HttpClient, draft: Assessment) -> None:
    page = as_therapist.get(reverse("assessment_edit", args=[draft.pk])).content.decode()
    assert '<script src="/static/js/number-check.js" defer></script>' in page
    assert '<script src="/static/js/select-keys.js" defer></script>' in page

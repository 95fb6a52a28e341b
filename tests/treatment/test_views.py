"""The visit's "Treatment given" page: errors keep what was typed; saves, conflicts, repeats."""

import pytest
from django.contrib.auth.models import User
from django.test import Client as HttpClient
from django.urls import reverse
from django.utils import timezone

from assessments.models import Assessment
from assessments.services import assessment_finalise
from clinic.models import AuditEntry
from treatment.checks import REASON_NEEDED, RowInput
from treatment.models import TreatmentRecord
from treatment.services import treatment_save

# session, user, the visit with its measurements and body-chart marks, the treatment and
# its rows, the membership (the profession, and the menu), the clinic's techniques, the
# read entry
QUERIES = 10


def _post(version: int = 0, reason: str = "", **extra: str) -> dict[str, str]:
    return {
        "version": str(version),
        "anticoagulants": "yes",
        "fever": "no",
        "form-TOTAL_FORMS": "2",
        "form-INITIAL_FORMS": "0",
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "30",
        "form-0-technique": "deep-tissue-massage",
        "form-0-region": "piriformis",
        "form-0-side": "right",
        "form-0-minutes": "10",
        "form-0-pressure": "firm",
        "form-0-client_position": "prone",
        "form-0-pain_before": "6",
        "form-0-pain_after": "3",
        "form-0-response_note": "hip IR 24 to 29",
        "form-0-precaution_reason": reason,
        "form-1-side": "both",  # the blank row, as the page sends it
        **extra,
    }


def test_precaution_warning_keeps_input_then_saves_with_a_reason(
    as_therapist: HttpClient, visit: Assessment
) -> None:
    url = reverse("treatment_edit", args=[visit.pk])
    shown = as_therapist.post(url, _post())
    html = shown.content.decode()
    assert shown.status_code == 200
    assert REASON_NEEDED in html
    assert "Light pressure only" in html  # what the precaution means, next to the row
    assert 'value="hip IR 24 to 29"' in html  # nothing typed is lost
    assert not TreatmentRecord.objects.exists()

    saved = as_therapist.post(url, _post(reason="GP agreed"))
    assert saved.status_code == 302
    row = TreatmentRecord.objects.get(assessment=visit).rows.get()
    assert (row.technique, row.flagged, row.precaution_reason) == (
        "deep-tissue-massage",
        ["anticoagulants"],
        "GP agreed",
    )
    # A repeat of the same post (a double click) saves nothing more and lands the same.
    again = as_therapist.post(url, _post(reason="GP agreed"))
    assert (again.status_code, again["Location"]) == (302, url)
    assert TreatmentRecord.objects.get().version == 1
    # Someone else's save meanwhile: the page shows what was typed, with a 409.
    stale = as_therapist.post(url, _post(reason="Changed my mind"))
    assert stale.status_code == 409
    assert 'value="Changed my mind"' in stale.content.decode()

    page = as_therapist.get(reverse("assessment_detail", args=[visit.pk])).content.decode()
    assert "Treatment given" in page
    assert "Deep tissue massage" in page
    assert "Reason: GP agreed" in page


def test_none_of_these_answers_the_rest_no(as_therapist: HttpClient, visit: Assessment) -> None:
    data = _post(anticoagulants="", precautions_none="1")
    data["anticoagulants"] = ""
    response = as_therapist.post(reverse("treatment_edit", args=[visit.pk]), data)
    assert response.status_code == 302
    record = TreatmentRecord.objects.get(assessment=visit)
    assert set(record.precautions.values()) == {"no"}
    assert len(record.precautions) == 8


def test_edit_page_saves_then_opens_the_treatment_page(
    as_therapist: HttpClient, visit: Assessment
) -> None:
    data = {"version": str(visit.version), "visit_date": "2026-11-02", "pain_now": "4"}
    response = as_therapist.post(
        reverse("assessment_edit", args=[visit.pk]), {**data, "to_treatment": "1"}
    )
    assert (response.status_code, response["Location"]) == (
        302,
        reverse("treatment_edit", args=[visit.pk]),
    )
    visit.refresh_from_db()
    assert visit.version == 2


def test_clinic_admin_sets_a_staff_members_profession(
    as_admin: HttpClient, therapist: User
) -> None:
    data = {"first_name": "T", "last_name": "Q", "role": "therapist", "is_active": "on"}
    url = reverse("staff_edit", args=[therapist.pk])
    response = as_admin.post(url, {**data, "profession": "physiotherapist"})
    assert response.status_code == 302
    therapist.membership.refresh_from_db()
    assert therapist.membership.profession == "physiotherapist"
    # A post without the field (an older page) keeps it.
    as_admin.post(url, {**data, "first_name": "Tam"})
    therapist.membership.refresh_from_db()
    assert therapist.membership.profession == "physiotherapist"
    entry = AuditEntry.objects.filter(object_type="staff").order_by("pk").first()
    assert entry is not None
    assert entry.detail == "fields: first_name, last_name, profession"


@pytest.mark.parametrize("rows", [1, 3])
def test_treatment_page_query_count_is_flat(
    as_therapist: HttpClient,
    therapist: User,
    visit: Assessment,
    rows: int,
    django_assert_num_queries: pytest.FixtureRequest,
) -> None:
    given = [
        RowInput("swedish-massage", "thigh", "left", minutes) for minutes in range(1, 1 + rows)
    ]
    treatment_save(
        actor=therapist, assessment=visit, expected_version=0, precautions={}, rows=given
    )
    with django_assert_num_queries(QUERIES):  # type: ignore[operator]
        response = as_therapist.get(reverse("treatment_edit", args=[visit.pk]))
    assert response.context["rows"].initial_form_count() == rows


def test_final_visit_treatment_is_amended_with_a_reason(
    as_therapist: HttpClient, therapist: User, visit: Assessment
) -> None:
    treatment_save(
        actor=therapist,
        assessment=visit,
        expected_version=0,
        precautions={},
        rows=[RowInput("swedish-massage", "thigh", "left", 10)],
    )
    assessment_finalise(actor=therapist, assessment=visit, expected_version=visit.version)
    url = reverse("treatment_amend", args=[visit.pk])
    edit = as_therapist.get(reverse("treatment_edit", args=[visit.pk]))
    assert (edit.status_code, edit["Location"]) == (302, url)
    # No reason and a precaution with no reason: both next to their fields, nothing lost.
    refused = as_therapist.post(url, _post(version=1))
    html = refused.content.decode()
    assert (refused.status_code, html.count(REASON_NEEDED)) == (200, 1)
    assert "Say why the treatment is being amended." in html
    assert 'value="hip IR 24 to 29"' in html
    assert TreatmentRecord.objects.get().version == 1

    saved = as_therapist.post(url, {**_post(version=1, reason="GP agreed"), "reason": "Typo"})
    assert saved.status_code == 302
    assert TreatmentRecord.objects.get().rows.get().technique == "deep-tissue-massage"
    # A second tab still on version 1: refused with what was typed, not saved over.
    stale = as_therapist.post(url, {**_post(version=1, reason="x"), "reason": "Other"})
    assert stale.status_code == 409
    page = as_therapist.get(reverse("assessment_detail", args=[visit.pk])).content.decode()
    amended = timezone.localdate().strftime("%-d %b %Y")
    assert f"Amended on {amended} by {therapist.get_full_name()}: Typo" in page
    assert "Swedish massage (effleurage, petrissage), Thigh (region), left, 10 min" in page

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client as HttpClient
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assessments.catalogue.items import ITEMS
from assessments.models import Amendment, Assessment
from assessments.services import assessment_finalise, assessment_save, assessment_start
from clinic.models import AuditEntry, Client

DAY = datetime.date(2026, 11, 2)


@pytest.fixture
def draft(therapist: User, client_record: Client) -> Assessment:
    return assessment_start(actor=therapist, client=client_record, visit_date=DAY)


@pytest.fixture
def final(therapist: User, draft: Assessment) -> Assessment:
    saved = assessment_save(
        actor=therapist,
        assessment=draft,
        expected_version=1,
        narrative={},
        values={("hip_extension", "left"): Decimal(4), ("pain_now", ""): Decimal(6)},
    )
    return assessment_finalise(actor=therapist, assessment=saved, expected_version=2)


def _form(version: int, **fields: str) -> dict[str, str]:
    return {"version": str(version), "visit_date": DAY.isoformat(), **fields}


def _values(assessment: Assessment) -> dict[tuple[str, str], object]:
    return {(m.item, m.side): m.stored for m in assessment.measurements.all()}


# --- start --------------------------------------------------------------------


def test_start_visit_offers_copy_forward_only_with_a_previous_visit(
    as_therapist: HttpClient, client_record: Client, final: Assessment
) -> None:
    page = as_therapist.get(reverse("assessment_start", args=[client_record.pk])).content.decode()
    assert "Start from the last visit" in page
    assert "Last visit: 2 Nov 2026 (final)" in page


def test_start_visit_creates_draft_copied_forward(
    as_therapist: HttpClient, client_record: Client, final: Assessment
) -> None:
    response = as_therapist.post(
        reverse("assessment_start", args=[client_record.pk]),
        {"visit_date": "2026-11-16", "copy_forward": "on"},
    )
    new = Assessment.objects.exclude(pk=final.pk).get()
    assert response["Location"] == reverse("assessment_edit", args=[new.pk])
    assert new.copied_from == final
    assert _values(new) == {("hip_extension", "left"): Decimal(4)}


def test_start_visit_rejects_future_date(as_therapist: HttpClient, client_record: Client) -> None:
    response = as_therapist.post(
        reverse("assessment_start", args=[client_record.pk]), {"visit_date": "2999-01-01"}
    )
    assert response.context["form"].errors == {
        "visit_date": ["The visit date cannot be in the future."]
    }
    assert Assessment.objects.count() == 0


# --- edit ---------------------------------------------------------------------


def test_edit_page_shows_every_section_side_by_side(
    as_therapist: HttpClient, draft: Assessment
) -> None:
    page = as_therapist.get(reverse("assessment_edit", args=[draft.pk])).content.decode()
    for title in ["Red-flag screen", "Thomas test (modified)", "Range of motion", "Strength"]:
        assert title in page
    assert 'name="hip_flexion__left"' in page
    assert 'name="hip_flexion__right"' in page
    assert 'accesskey="1"' in page


def test_edit_saves_draft(as_therapist: HttpClient, draft: Assessment) -> None:
    response = as_therapist.post(
        reverse("assessment_edit", args=[draft.pk]),
        _form(
            1,
            save="1",
            presenting_complaint="Ache after long drives",
            hip_flexion__left="105",
            faber__right="positive",
            pain_now="0",
        ),
    )
    assert response["Location"] == reverse("assessment_edit", args=[draft.pk])
    draft.refresh_from_db()
    assert draft.presenting_complaint == "Ache after long drives"
    assert _values(draft) == {
        ("hip_flexion", "left"): Decimal(105),
        ("faber", "right"): "positive",
        ("pain_now", ""): Decimal(0),
    }


def test_edit_errors_are_shown_at_fields_and_keep_everything_typed(
    as_therapist: HttpClient, draft: Assessment
) -> None:
    response = as_therapist.post(
        reverse("assessment_edit", args=[draft.pk]),
        _form(
            1,
            save="1",
            hip_flexion__left="200",
            hip_flexion__right="118",
            pain_now="seven",
            startback_total="2",
            startback_distress="4",
            goals="Run 5 km",
            ober__left="positive",
        ),
    )
    errors = response.context["form"].errors
    assert errors["hip_flexion__left"] == ["Hip flexion (left) must be between 0° and 150°."]
    assert errors["pain_now"] == ["Pain now (NPRS): enter a number."]
    assert "startback_distress" in errors
    page = response.content.decode()
    assert 'value="200"' in page
    assert 'value="118"' in page
    assert 'value="seven"' in page
    assert "Run 5 km" in page
    assert '<option value="positive" selected>' in page
    assert 'id="id_hip_flexion__left-error"' in page
    draft.refresh_from_db()
    assert (draft.version, _values(draft)) == (1, {})


def test_edit_future_visit_date_is_a_field_error(
    as_therapist: HttpClient, draft: Assessment
) -> None:
    response = as_therapist.post(
        reverse("assessment_edit", args=[draft.pk]),
        {**_form(1, goals="Run 5 km"), "visit_date": "2099-01-01"},
    )
    assert response.context["form"].errors == {
        "visit_date": ["The visit date cannot be in the future."]
    }
    assert "Run 5 km" in response.content.decode()
    draft.refresh_from_db()
    assert (draft.version, draft.visit_date) == (1, DAY)


def test_edit_pasted_notes_are_a_field_error_keeping_typing(
    as_therapist: HttpClient, draft: Assessment
) -> None:
    pasted = "x" * 200_000
    response = as_therapist.post(
        reverse("assessment_edit", args=[draft.pk]), _form(1, notes=pasted, goals="Run 5 km")
    )
    assert response.context["form"].errors == {
        "notes": ["Ensure this value has at most 4000 characters (it has 200000)."]
    }
    page = response.content.decode()
    assert (pasted in page, "Run 5 km" in page, "Up to 4,000 characters." in page) == (
        True,
        True,
        True,
    )
    draft.refresh_from_db()
    assert (draft.version, draft.notes) == (1, "")


PERCENT_ITEMS = [item for item in ITEMS.values() if "%" in item.unit + item.label]


def test_percent_items_exist() -> None:
    # The range tests below would pass vacuously without one.
    assert [item.code for item in PERCENT_ITEMS] == ["odi_percent"]


@pytest.mark.parametrize("value", ["100.5", "150", "-1"])
def test_edit_percent_out_of_range_is_a_field_error_keeping_typing(
    as_therapist: HttpClient, draft: Assessment, value: str
) -> None:
    # A "%" in the range message once went through Django's %-formatting: a 500.
    response = as_therapist.post(
        reverse("assessment_edit", args=[draft.pk]),
        _form(1, odi_percent=value, goals="Run 5 km", pain_now="3"),
    )
    assert response.context["form"].errors == {
        "odi_percent": ["ODI total (from your form) must be between 0% and 100%."]
    }
    page = response.content.decode()
    assert (f'value="{value}"' in page, "Run 5 km" in page) == (True, True)
    draft.refresh_from_db()
    assert (draft.version, _values(draft)) == (1, {})


@pytest.mark.parametrize("value", ["100.5", "150", "-1"])
def test_amend_percent_out_of_range_is_a_field_error_keeping_typing(
    as_therapist: HttpClient, final: Assessment, value: str
) -> None:
    response = as_therapist.post(
        reverse("assessment_amend", args=[final.pk]),
        _form(3, odi_percent=value, pain_now="6", reason="Copied the form total"),
    )
    assert response.context["form"].errors == {
        "odi_percent": ["ODI total (from your form) must be between 0% and 100%."]
    }
    assert "Copied the form total" in response.content.decode()
    assert Amendment.objects.count() == 0


def test_edit_finalise_then_page_redirects_to_detail(
    as_therapist: HttpClient, draft: Assessment
) -> None:
    response = as_therapist.post(
        reverse("assessment_edit", args=[draft.pk]), _form(1, finalise="1", pain_now="3")
    )
    assert response["Location"] == reverse("assessment_detail", args=[draft.pk])
    draft.refresh_from_db()
    assert draft.status == "final"
    again = as_therapist.get(reverse("assessment_edit", args=[draft.pk]))
    assert again["Location"] == reverse("assessment_detail", args=[draft.pk])


def test_edit_finalise_blocked_by_unconfirmed_carried_values(
    as_therapist: HttpClient, therapist: User, client_record: Client, final: Assessment
) -> None:
    second = assessment_start(
        actor=therapist, client=client_record, visit_date=DAY, copy_from=final
    )
    response = as_therapist.post(
        reverse("assessment_edit", args=[second.pk]),
        _form(1, finalise="1", hip_extension__left="4"),
    )
    assert "1 value carried over from the last visit is not confirmed" in response.content.decode()
    second.refresh_from_db()
    assert second.status == "draft"
    confirmed = as_therapist.post(
        reverse("assessment_edit", args=[second.pk]),
        _form(2, finalise="1", hip_extension__left="4", confirm_carried="on"),
    )
    assert confirmed["Location"] == reverse("assessment_detail", args=[second.pk])


def test_edit_conflict_keeps_typed_values(
    as_therapist: HttpClient, as_colleague: HttpClient, draft: Assessment
) -> None:
    url = reverse("assessment_edit", args=[draft.pk])
    as_colleague.post(url, _form(1, save="1", pain_now="4"))
    response = as_therapist.post(url, _form(1, save="1", pain_now="7", goals="Garden again"))
    assert response.status_code == 409
    page = response.content.decode()
    assert "Someone else saved this assessment while you were editing" in page
    assert 'value="7"' in page
    assert "Garden again" in page
    draft.refresh_from_db()
    assert _values(draft) == {("pain_now", ""): Decimal(4)}
    assert response.context["form"]["version"].value() == "2"
    retry = as_therapist.post(url, _form(2, save="1", pain_now="7", goals="Garden again"))
    assert retry.status_code == 302
    draft.refresh_from_db()
    assert (_values(draft), draft.goals) == ({("pain_now", ""): Decimal(7)}, "Garden again")


def test_preview_shows_findings_for_typed_values_without_saving(
    as_therapist: HttpClient, draft: Assessment
) -> None:
    response = as_therapist.post(
        reverse("assessment_preview", args=[draft.pk]),
        _form(1, thomas_hip_angle__left="12", rf_saddle_numbness="yes"),
        HTTP_HX_REQUEST="true",
    )
    page = response.content.decode()
    assert 'data-code="red_flag_cauda_equina"' in page
    assert 'data-code="tight_hip_flexors_one_joint"' in page
    assert 'id="norm-thomas_hip_angle" hx-swap-oob="true"' in page
    assert "<html" not in page
    assert draft.measurements.count() == 0


# --- detail and amend ---------------------------------------------------------


def test_detail_shows_values_and_audits_view(as_therapist: HttpClient, final: Assessment) -> None:
    page = as_therapist.get(reverse("assessment_detail", args=[final.pk])).content.decode()
    assert "4°" in page
    assert "Amend" in page
    entry = AuditEntry.objects.filter(action="view").get()
    assert (entry.object_type, entry.object_id) == ("assessment", final.pk)


def test_amend_requires_reason_and_records_change(
    as_therapist: HttpClient, final: Assessment
) -> None:
    url = reverse("assessment_amend", args=[final.pk])
    missing = as_therapist.post(url, _form(3, hip_extension__left="14", pain_now="6"))
    assert missing.context["form"].errors == {"reason": ["This field is required."]}
    assert Amendment.objects.count() == 0
    done = as_therapist.post(
        url, _form(3, hip_extension__left="14", pain_now="6", reason="Misread goniometer")
    )
    assert done["Location"] == reverse("assessment_detail", args=[final.pk])
    amendment = Amendment.objects.get()
    assert amendment.changes == [
        {"field": "hip_extension", "side": "left", "old": "4", "new": "14"}
    ]
    page = as_therapist.get(reverse("assessment_detail", args=[final.pk])).content.decode()
    assert "Misread goniometer" in page


def test_client_page_lists_visits(
    as_therapist: HttpClient, client_record: Client, final: Assessment
) -> None:
    page = as_therapist.get(reverse("client_detail", args=[client_record.pk])).content.decode()
    assert reverse("assessment_detail", args=[final.pk]) in page
    assert "New visit" in page


@pytest.mark.parametrize("visits", [1, 3, 12])
def test_client_page_query_count_is_flat(
    as_therapist: HttpClient, therapist: User, client_record: Client, visits: int
) -> None:
    for day in range(visits):
        assessment_start(
            actor=therapist, client=client_record, visit_date=DAY - datetime.timedelta(days=day)
        )
    with CaptureQueriesContext(connection) as queries:
        as_therapist.get(reverse("client_detail", args=[client_record.pk]))
    # session, user, client, audit insert, membership, finalised pain scores (progress
    # panel), the history's stamp (plans/panels.py), visit count, visits with therapists,
    # their measurements, their plans (no plans here, so no plan-version query)
    # 11, the home program panel's one (plans/program/panel.py; no link issued here), the
    # episode panel's one (episodes/panel.py; no episode here), and two for body charts:
    # the history's marks, the latest visit's chart (progress panel).
    assert len(queries) == 15, [q["sql"] for q in queries]


# --- access -------------------------------------------------------------------

# Each URL with the methods it accepts; an outsider gets 404 for every one of them.
URL_METHODS = {
    "assessment_detail": ["get"],
    "assessment_edit": ["get", "post"],
    "assessment_amend": ["get", "post"],
    "assessment_preview": ["post"],
}
URLS = list(URL_METHODS)


@pytest.mark.parametrize("name", URLS)
def test_outsider_gets_404(as_outsider: HttpClient, final: Assessment, name: str) -> None:
    url = reverse(name, args=[final.pk])
    for method in URL_METHODS[name]:
        response = getattr(as_outsider, method)(url, _form(3, reason="x", pain_now="1"))
        assert response.status_code == 404, method
    final.refresh_from_db()
    assert _values(final)[("pain_now", "")] == Decimal(6)
    assert AuditEntry.objects.filter(action="view").count() == 0


def test_outsider_cannot_start_visit(as_outsider: HttpClient, client_record: Client) -> None:
    url = reverse("assessment_start", args=[client_record.pk])
    assert as_outsider.get(url).status_code == 404
    assert as_outsider.post(url, {"visit_date": "2026-11-01"}).status_code == 404
    assert Assessment.objects.count() == 0


@pytest.mark.parametrize("name", [*URLS, "assessment_start"])
def test_anonymous_is_sent_to_login(client: HttpClient, db: None, name: str) -> None:
    url = reverse(name, args=[1])
    response = client.get(url)
    assert (response.status_code, response["Location"]) == (302, f"/accounts/login/?next={url}")

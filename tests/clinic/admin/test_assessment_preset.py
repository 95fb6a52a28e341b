"""The clinic's assessment preset: chosen by a clinic admin on the Branding page."""

import re

import pytest
from django.db import IntegrityError, transaction
from django.test import Client as HttpClient

from clinic.models import AssessmentPreset, AuditEntry, Clinic
from clinic.services.branding import BRANDING_FIELDS
from tests.factories import ClinicFactory, MembershipFactory, UserFactory

URL = "/clinic/branding/"


def _data(clinic: Clinic, preset: str) -> dict[str, str]:
    """The branding form as the page shows it, with `preset` chosen."""
    return {
        **{name: getattr(clinic, name) for name in BRANDING_FIELDS},
        "assessment_preset": preset,
    }


def test_new_clinic_defaults_to_full_examination(db: None) -> None:
    assert ClinicFactory().assessment_preset == AssessmentPreset.FULL == "full"


def test_database_refuses_unknown_preset(clinic: Clinic) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        Clinic.objects.filter(pk=clinic.pk).update(assessment_preset="brief")


def test_branding_page_offers_both_presets(as_admin: HttpClient, clinic: Clinic) -> None:
    page = as_admin.get(URL).content.decode()
    assert "<legend>Assessment page</legend>" in page
    radios = re.findall(r'type="radio"[^>]*name="assessment_preset" value="(\w+)"[^>]*', page)
    assert radios == ["full", "quick"]
    assert re.search(r'value="full"[^>]* checked>', page)


def test_admin_chooses_quick_screen_and_it_is_audited(
    as_admin: HttpClient, clinic: Clinic
) -> None:
    response = as_admin.post(URL, _data(clinic, "quick"))
    assert (response.status_code, response["Location"]) == (302, URL)
    clinic.refresh_from_db()
    assert clinic.assessment_preset == AssessmentPreset.QUICK
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.object_type, entry.object_id, entry.client_id, entry.detail) == (
        "change",
        "clinic",
        clinic.pk,
        None,
        "fields: assessment_preset",
    )


def test_unknown_preset_is_an_error_at_the_field(as_admin: HttpClient, clinic: Clinic) -> None:
    response = as_admin.post(URL, _data(clinic, "brief"))
    assert response.status_code == 200
    assert response.context["form"].errors["assessment_preset"] == [
        "Select a valid choice. brief is not one of the available choices."
    ]
    clinic.refresh_from_db()
    assert (clinic.assessment_preset, AuditEntry.objects.count()) == ("full", 0)


def test_therapist_cannot_change_the_preset(as_therapist: HttpClient, clinic: Clinic) -> None:
    response = as_therapist.post(URL, _data(clinic, "quick"))
    clinic.refresh_from_db()
    assert (response.status_code, clinic.assessment_preset) == (403, "full")


def test_account_outside_every_clinic_gets_404(client: HttpClient, clinic: Clinic) -> None:
    client.force_login(UserFactory(username="nobody"))
    response = client.post(URL, _data(clinic, "quick"))
    clinic.refresh_from_db()
    assert (response.status_code, clinic.assessment_preset) == (404, "full")
    assert AuditEntry.objects.count() == 0


def test_other_clinics_admin_changes_only_their_own(clinic: Clinic, other_clinic: Clinic) -> None:
    http = HttpClient()
    http.force_login(MembershipFactory(clinic=other_clinic, role="admin").user)
    http.post(URL, _data(other_clinic, "quick"))
    clinic.refresh_from_db()
    other_clinic.refresh_from_db()
    assert (clinic.assessment_preset, other_clinic.assessment_preset) == ("full", "quick")

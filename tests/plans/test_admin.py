from django.test import Client as HttpClient
from django.urls import reverse

from clinic.models import Clinic
from plans.clinic_library import library_for
from plans.library import BY_SLUG
from plans.models import ClinicIntervention

NEW = {
    "slug": "clamshell",
    "name": "Clam (our way)",
    "kind": "strengthen",
    "steps": "Lie on your side.\nOpen your knees.",
    "sets": "2",
    "repetitions": "15",
    "days_per_week": "3",
    "active": "on",
    "illustration": "clamshell.svg",
}


def test_clinic_admin_copies_a_built_in_for_their_clinic(
    as_admin: HttpClient, clinic: Clinic, other_clinic: Clinic
) -> None:
    response = as_admin.post(reverse("admin:plans_clinicintervention_add"), NEW)
    assert response.status_code == 302
    row = ClinicIntervention.objects.get()
    assert row.clinic == clinic
    assert library_for(clinic)["clamshell"].name == "Clam (our way)"
    assert library_for(other_clinic)["clamshell"].name == BY_SLUG["clamshell"].name
    assert BY_SLUG["clamshell"].name == "Clamshell"


def test_clinic_admin_duplicate_slug_is_a_field_error(
    as_admin: HttpClient, clinic: Clinic
) -> None:
    as_admin.post(reverse("admin:plans_clinicintervention_add"), NEW)
    again = as_admin.post(reverse("admin:plans_clinicintervention_add"), NEW)
    assert again.context["adminform"].form.errors == {
        "slug": ["Your clinic already has an intervention with this slug."]
    }


def test_clinic_admin_sees_only_own_interventions(
    as_admin: HttpClient, clinic: Clinic, other_clinic: Clinic
) -> None:
    theirs = ClinicIntervention.objects.create(
        clinic=other_clinic, slug="their-thing", name="Theirs", kind="advice", steps="x"
    )
    listing = as_admin.get(reverse("admin:plans_clinicintervention_changelist"))
    assert list(listing.context["cl"].queryset) == []
    change = as_admin.get(reverse("admin:plans_clinicintervention_change", args=[theirs.pk]))
    assert change.status_code == 302


def test_inactive_copy_hides_the_built_in(clinic: Clinic) -> None:
    ClinicIntervention.objects.create(
        clinic=clinic, slug="pigeon-pose", name="Pigeon", kind="stretch", steps="x", active=False
    )
    assert "pigeon-pose" not in library_for(clinic)


def test_therapist_cannot_edit_library(as_therapist: HttpClient) -> None:
    response = as_therapist.get(reverse("admin:plans_clinicintervention_changelist"))
    assert response.status_code == 302

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.test import Client as HttpClient
from django.urls import reverse

from clinic.models import AuditEntry, Clinic
from plans.library import BY_SLUG
from plans.library.clinic import library_for
from plans.library.services import clinic_intervention_delete
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


# --- audit: the admin writes through the library services ------------------------------


def _rows() -> list[tuple[str, str, str, int, int | None, str]]:
    entries = AuditEntry.objects.order_by("pk")
    return [
        (e.actor_username, e.action, e.object_type, e.object_id, e.client_id, e.detail)
        for e in entries
    ]


def _listed(as_admin: HttpClient) -> list[tuple[str, str, int]]:
    response = as_admin.get(reverse("audit_log"))
    return [(e.action, e.object_type, e.object_id) for e, _name in response.context["rows"]]


def _own(clinic: Clinic, slug: str = "clamshell") -> ClinicIntervention:
    return ClinicIntervention.objects.create(
        clinic=clinic, slug=slug, name="Clam", kind="strengthen", steps="Lie down."
    )


def test_admin_add_is_audited_like_the_library_page(as_admin: HttpClient, clinic: Clinic) -> None:
    as_admin.post(reverse("admin:plans_clinicintervention_add"), NEW)
    row = ClinicIntervention.objects.get()
    assert _rows() == [("boss", "create", "intervention", row.pk, None, "clamshell")]
    assert _listed(as_admin) == [("create", "intervention", row.pk)]


def test_admin_change_is_audited_with_field_names(as_admin: HttpClient, clinic: Clinic) -> None:
    row = _own(clinic)
    url = reverse("admin:plans_clinicintervention_change", args=[row.pk])
    same = {"slug": "clamshell", "kind": "strengthen", "steps": "Lie down.", "active": "on"}
    response = as_admin.post(url, {**same, "name": "Clam (our way)"})
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert _rows() == [("boss", "change", "intervention", row.pk, None, "clamshell: fields: name")]


def test_admin_delete_is_audited(as_admin: HttpClient, clinic: Clinic) -> None:
    row = _own(clinic)
    url = reverse("admin:plans_clinicintervention_delete", args=[row.pk])
    assert as_admin.post(url, {"post": "yes"}).status_code == 302
    assert not ClinicIntervention.objects.exists()
    assert _rows() == [("boss", "erase", "intervention", row.pk, None, "clamshell deleted")]
    assert _listed(as_admin) == [("erase", "intervention", row.pk)]


def test_admin_bulk_delete_audits_each_row(as_admin: HttpClient, clinic: Clinic) -> None:
    rows = [_own(clinic, "clamshell"), _own(clinic, "side-plank")]
    response = as_admin.post(
        reverse("admin:plans_clinicintervention_changelist"),
        {"action": "delete_selected", "_selected_action": [r.pk for r in rows], "post": "yes"},
    )
    assert response.status_code == 302
    assert not ClinicIntervention.objects.exists()
    assert sorted(_rows()) == [
        ("boss", "erase", "intervention", rows[0].pk, None, "clamshell deleted"),
        ("boss", "erase", "intervention", rows[1].pk, None, "side-plank deleted"),
    ]


def test_superuser_add_is_audited_in_the_chosen_clinic(
    as_admin: HttpClient, clinic: Clinic
) -> None:
    root = User.objects.create_superuser("root", "root@example.com", "Lantern-orchard-42")
    http = HttpClient()
    http.force_login(root)
    response = http.post(
        reverse("admin:plans_clinicintervention_add"), {**NEW, "clinic": clinic.pk}
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    row = ClinicIntervention.objects.get()
    assert _rows() == [("root", "create", "intervention", row.pk, None, "clamshell")]
    assert _listed(as_admin) == [("create", "intervention", row.pk)]


def test_intervention_delete_by_therapist_is_refused(therapist: User, clinic: Clinic) -> None:
    row = _own(clinic)
    with pytest.raises(PermissionDenied):
        clinic_intervention_delete(actor=therapist, intervention=row)
    assert (ClinicIntervention.objects.filter(pk=row.pk).exists(), _rows()) == (True, [])


# --- pictures: the maintenance area takes an upload through the same checks ------------


def test_clinic_admin_uploads_a_picture_in_the_maintenance_area(
    as_admin: HttpClient, clinic: Clinic
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from plans.models import ClinicPicture

    svg = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4" onload="x()"><rect/></svg>'
    upload = SimpleUploadedFile("clam.svg", svg, content_type="image/svg+xml")
    response = as_admin.post(
        reverse("admin:plans_clinicintervention_add"), {**NEW, "picture_upload": upload}
    )
    assert response.status_code == 302
    row = ClinicIntervention.objects.select_related("picture").get()
    assert row.picture is not None
    cleaned = b'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 4 4">'
    cleaned += b"<rect></rect></svg>"
    assert (row.picture.clinic, bytes(row.picture.data)) == (clinic, cleaned)
    change = reverse("admin:plans_clinicintervention_change", args=[row.pk])
    response = as_admin.post(change, {**NEW, "remove_picture": "on"})
    row.refresh_from_db()
    assert (response.status_code, row.picture_id, ClinicPicture.objects.count()) == (302, None, 1)

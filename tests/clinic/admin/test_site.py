import io

import pytest
from django.contrib.auth.models import User
from django.test import Client as HttpClient
from django.urls import reverse
from django.utils.html import escape
from PIL import Image

from clinic.models import AuditEntry, Clinic
from clinic.services.audit import audit_record
from tests.factories import TEST_PASSWORD


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "navy").save(buffer, format="PNG")
    return buffer.getvalue()


def test_therapist_cannot_use_maintenance(as_therapist: HttpClient) -> None:
    response = as_therapist.get(reverse("admin:index"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_therapist_cannot_sign_in_to_maintenance(client: HttpClient, therapist: User) -> None:
    response = client.post(
        reverse("admin:login"), {"username": "therapist", "password": TEST_PASSWORD}
    )
    assert "This account cannot use the maintenance area." in response.content.decode()


def test_clinic_admin_sees_only_own_clinic(
    as_admin: HttpClient, clinic: Clinic, other_clinic: Clinic
) -> None:
    response = as_admin.get(reverse("admin:clinic_clinic_changelist"))
    assert list(response.context["cl"].queryset) == [clinic]
    other = reverse("admin:clinic_clinic_change", args=[other_clinic.pk])
    assert as_admin.get(other).status_code == 302  # admin redirects a missing object home
    assert Clinic.objects.get(pk=other_clinic.pk).name == "Elsewhere Test Clinic"


def test_clinic_admin_uploads_logo_and_edits_branding(
    as_admin: HttpClient, clinic: Clinic
) -> None:
    url = reverse("admin:clinic_clinic_change", args=[clinic.pk])
    logo = io.BytesIO(_png())
    logo.name = "logo.png"
    response = as_admin.post(
        url,
        {
            "name": clinic.name,
            "paper_size": "letter",
            "handout_footer": "Call us any weekday.",
            "cutoff_overrides": "{}",
            "logo_upload": logo,
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    clinic.refresh_from_db()
    assert (clinic.paper_size, clinic.logo_content_type, bytes(clinic.logo)) == (
        "letter",
        "image/png",
        _png(),
    )


def test_logo_upload_rejects_non_images(as_admin: HttpClient, clinic: Clinic) -> None:
    fake = io.BytesIO(b"<svg onload=alert(1)>")
    fake.name = "logo.png"
    response = as_admin.post(
        reverse("admin:clinic_clinic_change", args=[clinic.pk]),
        {"name": clinic.name, "paper_size": "A4", "cutoff_overrides": "{}", "logo_upload": fake},
    )
    assert response.context["adminform"].form.errors == {
        "logo_upload": ["The file is not a readable PNG or JPEG image."]
    }


def test_clinic_admin_cannot_add_or_delete_clinics(as_admin: HttpClient, clinic: Clinic) -> None:
    assert as_admin.get(reverse("admin:clinic_clinic_add")).status_code == 403
    assert as_admin.get(reverse("admin:clinic_clinic_delete", args=[clinic.pk])).status_code == 403


def test_audit_log_is_read_only_and_scoped(
    as_admin: HttpClient, clinic: Clinic, other_clinic: Clinic, clinic_admin: User
) -> None:
    mine = audit_record(
        actor=clinic_admin,
        clinic=clinic,
        action="view",
        object_type="client",
        object_id=1,
        client_id=1,
    )
    audit_record(
        actor=clinic_admin,
        clinic=other_clinic,
        action="view",
        object_type="client",
        object_id=2,
        client_id=2,
    )
    listing = as_admin.get(reverse("admin:clinic_auditentry_changelist"))
    assert list(listing.context["cl"].queryset) == [mine]
    change_url = reverse("admin:clinic_auditentry_change", args=[mine.pk])
    page = as_admin.get(change_url)
    assert page.status_code == 200
    assert not page.context["has_change_permission"]
    as_admin.post(change_url, {"detail": "tampered"})
    assert AuditEntry.objects.get(pk=mine.pk).detail == ""
    assert as_admin.get(reverse("admin:clinic_auditentry_add")).status_code == 403


def test_clinic_admin_does_not_see_client_records_or_users(as_admin: HttpClient) -> None:
    index = as_admin.get(reverse("admin:index")).content.decode()
    assert "Audit entries" in index
    assert "Clients" not in index
    assert "Users" not in index


@pytest.mark.parametrize("role_field", ["user", "clinic"])
def test_clinic_admin_cannot_reassign_membership(
    as_admin: HttpClient, therapist: User, role_field: str
) -> None:
    url = reverse("admin:clinic_membership_change", args=[therapist.membership.pk])
    response = as_admin.get(url)
    assert role_field in response.context["adminform"].readonly_fields


HOSTILE_OVERRIDES = {
    # Each once raised out of the form (RecursionError, ValueError): a 500.
    "deep-nesting": ("[" * 50_000 + "]" * 50_000, "At most 5,000 characters (it has 100,000)."),
    "deep-nesting-short": ("[" * 1_000 + "]" * 1_000, "Nested too deeply: at most 4 levels."),
    "huge-integer": (
        '{"slr_reduced_below": ' + "9" * 3_000 + "}",
        "A number has too many digits: at most 30.",
    ),
}


@pytest.mark.parametrize("who", ["as_superuser", "as_admin"])
@pytest.mark.parametrize("case", list(HOSTILE_OVERRIDES))
def test_clinic_admin_hostile_cutoff_overrides_are_a_field_error(
    request: pytest.FixtureRequest, clinic: Clinic, who: str, case: str
) -> None:
    http: HttpClient = request.getfixturevalue(who)
    typed, message = HOSTILE_OVERRIDES[case]
    url = reverse("admin:clinic_clinic_change", args=[clinic.pk])
    response = http.post(url, {"name": "Renamed", "paper_size": "A4", "cutoff_overrides": typed})
    form = response.context["adminform"].form
    assert (response.status_code, form.errors) == (200, {"cutoff_overrides": [message]})
    assert escape(typed) in response.content.decode()  # what was typed is shown again
    clinic.refresh_from_db()
    assert (clinic.name, clinic.cutoff_overrides) == ("Riverside Test Clinic", {})

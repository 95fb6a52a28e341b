"""Clinic admins edit their clinic's branding in the app (issue 7, roles)."""

import io
from typing import Any

from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client as HttpClient
from django.urls import reverse
from PIL import Image

from clinic.access import NOT_CLINIC_ADMIN
from clinic.models import AuditEntry, Clinic, Role
from tests.factories import MembershipFactory, UserFactory

URL = "/clinic/branding/"


def _png(size: int = 4) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (size, size), "navy").save(buffer, format="PNG")
    return SimpleUploadedFile("logo.png", buffer.getvalue(), content_type="image/png")


def _data(clinic: Clinic, **changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "name": clinic.name,
        "address": clinic.address,
        "phone": clinic.phone,
        "email": clinic.email,
        "website": clinic.website,
        "handout_footer": clinic.handout_footer,
        "paper_size": clinic.paper_size,
        "assessment_preset": clinic.assessment_preset,
        "program_weeks": clinic.program_weeks,
    }
    data.update(changes)
    return data


def test_branding_url_is_under_clinic() -> None:
    assert reverse("clinic_branding") == URL


def test_branding_page_shows_current_values(as_admin: HttpClient, clinic: Clinic) -> None:
    response = as_admin.get(URL)
    form = response.context["form"]
    assert (form["name"].value(), form["paper_size"].value()) == ("Riverside Test Clinic", "A4")
    assert "No logo is stored" in response.content.decode()
    assert "remove_logo" not in form.fields


def test_branding_admin_saves_details_and_audits(as_admin: HttpClient, clinic: Clinic) -> None:
    data = _data(
        clinic,
        phone="020 7946 0000",
        handout_footer="Call us any weekday.",
        paper_size="letter",
        website="riverside.example.org",
    )
    response = as_admin.post(URL, data)
    assert (response.status_code, response["Location"]) == (302, URL)
    clinic.refresh_from_db()
    assert (clinic.phone, clinic.handout_footer, clinic.paper_size, clinic.website) == (
        "020 7946 0000",
        "Call us any weekday.",
        "letter",
        "https://riverside.example.org",
    )
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.object_type, entry.object_id, entry.client_id, entry.detail) == (
        "change",
        "clinic",
        clinic.pk,
        None,
        "fields: handout_footer, paper_size, phone, website",
    )


def test_branding_unchanged_save_writes_no_audit_entry(
    as_admin: HttpClient, clinic: Clinic
) -> None:
    response = as_admin.post(URL, _data(clinic))
    assert (response.status_code, AuditEntry.objects.count()) == (302, 0)


def test_branding_logo_upload_then_remove(as_admin: HttpClient, clinic: Clinic) -> None:
    as_admin.post(URL, {**_data(clinic), "logo_upload": _png()})
    clinic.refresh_from_db()
    assert (clinic.has_logo, clinic.logo_content_type) == (True, "image/png")
    page = as_admin.get(URL)
    assert "A logo is stored (PNG)" in page.content.decode()
    assert "remove_logo" in page.context["form"].fields
    as_admin.post(URL, {**_data(clinic), "remove_logo": "on"})
    clinic.refresh_from_db()
    assert (clinic.has_logo, bytes(clinic.logo)) == (False, b"")
    details = list(AuditEntry.objects.order_by("pk").values_list("detail", flat=True))
    assert details == ["fields: logo", "fields: logo removed"]


def test_branding_bad_logo_is_field_error_and_keeps_typing(
    as_admin: HttpClient, clinic: Clinic
) -> None:
    bad = SimpleUploadedFile("logo.png", b"not an image", content_type="image/png")
    typed = _data(clinic, handout_footer="Typed footer", phone="0161 496 0000")
    response = as_admin.post(URL, {**typed, "logo_upload": bad})
    form = response.context["form"]
    assert form.errors == {"logo_upload": ["The file is not a readable PNG or JPEG image."]}
    assert (form["handout_footer"].value(), form["phone"].value()) == (
        "Typed footer",
        "0161 496 0000",
    )
    assert "choose the logo again" in response.content.decode()
    clinic.refresh_from_db()
    assert (clinic.handout_footer, clinic.has_logo, AuditEntry.objects.count()) == ("", False, 0)


def test_branding_logo_over_the_limit_names_the_limit(
    as_admin: HttpClient, clinic: Clinic, settings: Any
) -> None:
    settings.CLINIC_LOGO_MAX_BYTES = 1024
    response = as_admin.get(URL)
    assert "PNG or JPEG, up to 1 KB." in response.content.decode()
    response = as_admin.post(URL, {**_data(clinic), "logo_upload": _png(size=400)})
    assert response.context["form"].errors == {
        "logo_upload": ["The logo is larger than 1 KB; please use a smaller file."]
    }


def test_branding_upload_and_remove_together_is_an_error(
    as_admin: HttpClient, clinic: Clinic
) -> None:
    as_admin.post(URL, {**_data(clinic), "logo_upload": _png()})
    response = as_admin.post(URL, {**_data(clinic), "logo_upload": _png(), "remove_logo": "on"})
    assert response.context["form"].errors == {
        "remove_logo": ["Either upload a new logo or remove it, not both."]
    }


def test_branding_bad_values_are_field_errors(
    as_admin: HttpClient, clinic: Clinic, other_clinic: Clinic
) -> None:
    data = _data(clinic, name=other_clinic.name, email="nope", paper_size="A0", website="x y")
    response = as_admin.post(URL, data)
    errors = response.context["form"].errors
    assert sorted(errors) == ["email", "name", "paper_size", "website"]
    assert errors["name"] == ["Clinic with this Name already exists."]
    clinic.refresh_from_db()
    assert clinic.name == "Riverside Test Clinic"


def test_branding_overlong_footer_is_a_field_error(as_admin: HttpClient, clinic: Clinic) -> None:
    response = as_admin.post(URL, _data(clinic, handout_footer="x" * 501, phone="0161 496 0000"))
    form = response.context["form"]
    assert form.errors == {
        "handout_footer": ["Ensure this value has at most 500 characters (it has 501)."]
    }
    assert form["phone"].value() == "0161 496 0000"
    assert "Printed at the foot of every handout page. Up to 500 characters." in (
        response.content.decode()
    )
    clinic.refresh_from_db()
    assert (clinic.handout_footer, clinic.phone) == ("", "")


def test_branding_therapist_gets_403(as_therapist: HttpClient, clinic: Clinic) -> None:
    response = as_therapist.get(URL)
    assert (response.status_code, NOT_CLINIC_ADMIN in response.content.decode()) == (403, True)
    response = as_therapist.post(URL, _data(clinic, handout_footer="Sneaky"))
    clinic.refresh_from_db()
    assert (response.status_code, clinic.handout_footer) == (403, "")


def test_branding_anonymous_redirects_to_login(client: HttpClient) -> None:
    response = client.get(URL)
    assert (response.status_code, response["Location"]) == (302, f"/accounts/login/?next={URL}")


def test_branding_account_outside_every_clinic_gets_404(client: HttpClient, db: None) -> None:
    client.force_login(UserFactory(username="nobody"))
    assert client.get(URL).status_code == 404


def test_branding_other_clinics_admin_changes_only_their_own(
    clinic: Clinic, other_clinic: Clinic, therapist: User
) -> None:
    theirs = HttpClient()
    theirs.force_login(MembershipFactory(clinic=other_clinic, role=Role.ADMIN).user)
    assert theirs.get(URL).context["form"].instance == other_clinic
    theirs.post(URL, _data(other_clinic, handout_footer="Theirs"))
    clinic.refresh_from_db()
    other_clinic.refresh_from_db()
    assert (clinic.handout_footer, other_clinic.handout_footer) == ("", "Theirs")

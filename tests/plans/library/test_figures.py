"""A clinic poses its own exercise or uploads its own picture, on the library pages."""

import base64
import io
import re

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client as HttpClient
from django.urls import reverse
from PIL import Image

from clinic.models import AuditEntry, Clinic, Role
from plans.figures import PoseChoice, PosePair
from plans.library.clinic import library_for
from plans.library.figure_forms import NEED_BASE, NEED_END
from plans.library.forms import BOTH_PICTURE
from plans.models import ClinicIntervention, ClinicPicture
from plans.pictures import read_picture
from tests.factories import MembershipFactory

OWN = {
    "slug": "wall-sit",
    "name": "Wall sit",
    "kind": "strengthen",
    "steps": "Lean your back on a wall.\nSlide down until your knees bend a little.",
    "safety": "Stop if your knees hurt.",
    "repetitions": "3",
    "active": "on",
}
POSED = {"start_base": "standing", "end_base": "sitting_chair", "end_hip": "100", "end_knee": "95"}
POSE_DATA = {
    "start": {"base": "standing", "hip": None, "knee": None, "hip_out": None, "shoulder": None},
    "end": {"base": "sitting_chair", "hip": 100, "knee": 95, "hip_out": None, "shoulder": None},
}
LIMIT_MESSAGE = "The picture is larger than 512 KB; please use a smaller file."
HOSTILE_SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 10" onload="alert(1)">'
    b"<script>alert(2)</script><rect width='5' height='5' fill='url(https://evil.example/x)'/>"
    b'<circle cx="12" cy="5" r="4"/></svg>'
)


def _jpeg_with_exif() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "Clinic phone"
    exif[0x8825] = {1: "N", 2: (51.0, 30.0, 0.0)}
    out = io.BytesIO()
    Image.new("RGB", (120, 60), (0, 90, 200)).save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


def _gif() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (4, 4)).save(out, "GIF")
    return out.getvalue()


def _upload(data: bytes, name: str = "picture.jpg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


def _row(clinic: Clinic, **fields: object) -> ClinicIntervention:
    values: dict[str, object] = {"slug": "wall-sit", "name": "Wall sit", "kind": "strengthen"}
    values.update(steps="Sit.", **fields)
    return ClinicIntervention.objects.create(clinic=clinic, **values)


def _stored_picture(clinic: Clinic, data: bytes = HOSTILE_SVG) -> ClinicPicture:
    picture = read_picture(data, max_bytes=512 * 1024)
    return ClinicPicture.objects.create(
        clinic=clinic, digest=picture.digest, content_type=picture.content_type, data=picture.data
    )


def _svg_of(data_uri: str) -> str:
    prefix = "data:image/svg+xml;base64,"
    assert data_uri.startswith(prefix)
    return base64.b64decode(data_uri.removeprefix(prefix)).decode()


# --- Posing ----------------------------------------------------------------------------------


def test_library_create_with_pose_stores_it_for_the_plan_builder(
    as_admin: HttpClient, clinic: Clinic
) -> None:
    response = as_admin.post(reverse("library_create"), {**OWN, **POSED})
    assert (response.status_code, response["Location"]) == (302, reverse("library_list"))
    row = ClinicIntervention.objects.get()
    assert row.pose == POSE_DATA
    entry = library_for(clinic)["wall-sit"]
    assert entry.pose == PosePair(
        PoseChoice("standing"), PoseChoice("sitting_chair", hip=100, knee=95)
    )
    assert AuditEntry.objects.get().detail == "wall-sit"


def test_library_edit_changes_the_pose_and_audits_it(as_admin: HttpClient, clinic: Clinic) -> None:
    row = _row(clinic, pose=POSE_DATA)
    url = reverse("library_edit", args=[row.pk])
    page = as_admin.get(url)
    form = page.context["form"]
    assert (form["start_base"].value(), form["end_hip"].value()) == ("standing", 100)
    assert _svg_of(page.context["pose_src"]).count("<circle") == 2
    # What the handout prints now, with the entry's name as the picture's title.
    pair = PosePair.from_data(POSE_DATA)
    assert _svg_of(page.context["current_src"]) == pair.draw(title="Wall sit")
    response = as_admin.post(url, {**OWN, "start_base": "", "end_base": ""})
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.pose == {}
    assert AuditEntry.objects.get().detail == "wall-sit: fields: pose, repetitions, safety, steps"


@pytest.mark.parametrize(
    ("typed", "field", "message"),
    [
        ({"start_base": "standing"}, "end_base", NEED_END),
        ({"end_base": "standing"}, "start_base", "Choose the start pose too"),
        ({"start_hip": "45"}, "start_hip", NEED_BASE),
        ({**POSED, "end_hip": "200"}, "end_hip", "less than or equal to 150."),
        ({**POSED, "end_knee": "-5"}, "end_knee", "greater than or equal to 0."),
        ({**POSED, "start_shoulder": "ninety"}, "start_shoulder", "Enter a whole number."),
        ({**POSED, "end_base": "flying"}, "end_base", "Select a valid choice."),
    ],
)
def test_library_pose_errors_sit_next_to_the_field_and_keep_typing(
    as_admin: HttpClient, clinic: Clinic, typed: dict[str, str], field: str, message: str
) -> None:
    response = as_admin.post(reverse("library_create"), {**OWN, **typed, "name": "Typed"})
    form = response.context["form"]
    assert list(form.errors) == [field]
    assert message in form.errors[field][0]
    assert form["name"].value() == "Typed"
    for name, value in typed.items():
        assert str(form[name].value()) == value
    page = response.content.decode()
    assert f'id="error_1_id_{field}"' in page  # crispy puts the message under the field
    assert not ClinicIntervention.objects.exists()


def test_library_pose_preview_draws_the_figure(as_admin: HttpClient) -> None:
    response = as_admin.get(reverse("library_pose_preview"), POSED)
    src = re.search(r'src="([^"]+)"', response.content.decode())
    assert src is not None
    svg = _svg_of(src.group(1))
    assert svg == PosePair.from_data(POSE_DATA).draw(title="Your figure")


def test_library_pose_preview_says_what_is_missing(as_admin: HttpClient) -> None:
    response = as_admin.get(reverse("library_pose_preview"), {"start_base": "standing"})
    page = response.content.decode()
    assert "<img" not in page
    assert f"End pose: {NEED_END}" in page
    empty = as_admin.get(reverse("library_pose_preview")).content.decode()
    assert "Choose a start and an end pose to see your figure." in empty


def test_library_pose_preview_is_for_clinic_admins(as_therapist: HttpClient) -> None:
    assert as_therapist.get(reverse("library_pose_preview"), POSED).status_code == 403


# --- Uploads -------------------------------------------------------------------------------


def test_library_upload_jpeg_is_reencoded_without_exif_and_stored(
    as_admin: HttpClient, clinic: Clinic
) -> None:
    data = _jpeg_with_exif()
    response = as_admin.post(reverse("library_create"), {**OWN, "picture_upload": _upload(data)})
    assert response.status_code == 302
    row = ClinicIntervention.objects.select_related("picture").get()
    assert row.picture is not None
    stored = bytes(row.picture.data)
    image = Image.open(io.BytesIO(stored))
    assert (row.picture.clinic, row.picture.content_type, image.size) == (
        clinic,
        "image/jpeg",
        (120, 60),
    )
    assert dict(image.getexif()) == {}
    assert b"Clinic phone" not in stored
    assert library_for(clinic)["wall-sit"].picture == row.picture.digest


def test_library_upload_hostile_svg_is_stored_clean(as_admin: HttpClient) -> None:
    response = as_admin.post(
        reverse("library_create"), {**OWN, "picture_upload": _upload(HOSTILE_SVG, "x.svg")}
    )
    assert response.status_code == 302
    stored = bytes(ClinicPicture.objects.get().data).decode()
    assert stored == (
        '<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 20 10">'
        '<rect width="5" height="5"></rect><circle cx="12" cy="5" r="4"></circle></svg>'
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\xff\xd8" + b"\0" * (512 * 1024), LIMIT_MESSAGE),
        (_gif(), "Please upload the picture as a PNG, JPEG or SVG file."),
        (b"%PDF-1.7 not a picture", "not a readable PNG, JPEG or SVG picture"),
        (b'<!DOCTYPE svg [<!ENTITY x "y">]><svg/>', "document type declaration"),
    ],
)
def test_library_upload_refused_with_a_message_next_to_the_field(
    as_admin: HttpClient, data: bytes, message: str
) -> None:
    response = as_admin.post(
        reverse("library_create"), {**OWN, **POSED, "picture_upload": _upload(data)}
    )
    form = response.context["form"]
    assert list(form.errors) == ["picture_upload"]
    assert message in form.errors["picture_upload"][0]
    assert form["end_hip"].value() == "100"  # the typing stays
    assert 'id="error_1_id_picture_upload"' in response.content.decode()
    assert not ClinicPicture.objects.exists()
    assert not ClinicIntervention.objects.exists()


def test_library_picture_help_names_the_limit(as_admin: HttpClient) -> None:
    page = as_admin.get(reverse("library_create")).content.decode()
    assert "PNG, JPEG or SVG, up to 512 KB" in page
    assert 'enctype="multipart/form-data"' in page


def test_library_remove_picture_keeps_the_stored_bytes(
    as_admin: HttpClient, clinic: Clinic
) -> None:
    picture = _stored_picture(clinic)
    row = _row(clinic, picture=picture, **{k: v for k, v in OWN.items() if k in {"safety"}})
    url = reverse("library_edit", args=[row.pk])
    both = {**OWN, "remove_picture": "on", "picture_upload": _upload(HOSTILE_SVG)}
    assert as_admin.post(url, both).context["form"].errors == {"remove_picture": [BOTH_PICTURE]}
    response = as_admin.post(url, {**OWN, "remove_picture": "on"})
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.picture is None
    # Plans built with it still name it: it stays stored.
    assert ClinicPicture.objects.filter(pk=picture.pk).exists()
    assert AuditEntry.objects.get().detail == "wall-sit: fields: picture, repetitions, steps"


def test_library_same_picture_twice_is_stored_once(as_admin: HttpClient, clinic: Clinic) -> None:
    as_admin.post(reverse("library_create"), {**OWN, "picture_upload": _upload(HOSTILE_SVG)})
    other = {**OWN, "slug": "wall-sit-2", "picture_upload": _upload(HOSTILE_SVG)}
    as_admin.post(reverse("library_create"), other)
    assert ClinicPicture.objects.count() == 1
    assert ClinicIntervention.objects.filter(picture__isnull=False).count() == 2


def test_library_upload_to_another_clinics_row_is_404(
    clinic: Clinic, other_clinic: Clinic
) -> None:
    row = _row(clinic)
    theirs = HttpClient()
    theirs.force_login(MembershipFactory(clinic=other_clinic, role=Role.ADMIN).user)
    response = theirs.post(
        reverse("library_edit", args=[row.pk]), {**OWN, "picture_upload": _upload(HOSTILE_SVG)}
    )
    assert response.status_code == 404
    assert not ClinicPicture.objects.exists()


# --- Showing pictures ------------------------------------------------------------------------


def test_library_picture_is_served_to_the_clinics_staff_only(
    as_therapist: HttpClient, as_outsider: HttpClient, clinic: Clinic, other_clinic: Clinic
) -> None:
    picture = _stored_picture(clinic)
    url = reverse("library_picture", args=[picture.digest])
    response = as_therapist.get(url)
    assert (response.status_code, response["Content-Type"], response.content) == (
        200,
        "image/svg+xml",
        bytes(picture.data),
    )
    assert response["Content-Security-Policy"] == (
        "default-src 'none'; style-src 'unsafe-inline'; sandbox"
    )
    assert "no-store" in response["Cache-Control"]
    assert as_outsider.get(url).status_code == 404
    theirs = _stored_picture(other_clinic, HOSTILE_SVG.replace(b'r="4"', b'r="3"'))
    assert as_therapist.get(reverse("library_picture", args=[theirs.digest])).status_code == 404
    assert as_therapist.get(reverse("library_picture", args=["0" * 63 + "g"])).status_code == 404


def test_library_list_shows_each_entrys_thumbnail(as_admin: HttpClient, clinic: Clinic) -> None:
    picture = _stored_picture(clinic)
    _row(clinic, slug="own-picture", name="A picture", picture=picture)
    _row(clinic, slug="own-pose", name="B pose", pose=POSE_DATA)
    _row(clinic, slug="own-nothing", name="C nothing")
    response = as_admin.get(reverse("library_list"))
    sources = [src for _row, _replaces, src in response.context["own"]]
    assert sources[0] == reverse("library_picture", args=[picture.digest])
    assert _svg_of(sources[1]) == PosePair.from_data(POSE_DATA).draw(title="B pose")
    assert sources[2] == ""
    page = response.content.decode()
    assert f'src="{sources[0]}"' in page
    assert page.count('class="library-thumbnail') == 2 + 51  # own, and every built-in picture


@pytest.mark.parametrize("rows", [1, 3])
def test_library_list_with_pictures_query_count_is_flat(
    as_admin: HttpClient,
    clinic: Clinic,
    rows: int,
    django_assert_num_queries: pytest.FixtureRequest,
) -> None:
    picture = _stored_picture(clinic)
    for number in range(rows):
        _row(clinic, slug=f"own-{number}", picture=picture, pose=POSE_DATA)
    # session, user, membership, the clinic's rows with their pictures' digests
    with django_assert_num_queries(4):  # type: ignore[operator]
        response = as_admin.get(reverse("library_list"))
    assert len(response.context["own"]) == rows


def test_library_admin_form_keeps_the_pose(clinic: Clinic, clinic_admin: User) -> None:
    """The maintenance area edits the wording; the pose set on the app's page stays."""
    from plans.admin import ClinicInterventionAdminForm

    row = _row(clinic, pose=POSE_DATA)
    form = ClinicInterventionAdminForm(
        {**OWN, "name": "Renamed", "clinic": str(clinic.pk)}, instance=row
    )
    assert form.is_valid(), form.errors
    assert "pose" not in form.intervention_fields()
    assert "start_base" not in form.fields

"""Clinic admins keep their clinic's intervention library in the app (issue 7, roles)."""

import pytest
from django.contrib.auth.models import User
from django.test import Client as HttpClient
from django.urls import reverse
from django.utils.html import escape

from clinic.access import NOT_CLINIC_ADMIN
from clinic.models import AuditEntry, Clinic, Role
from plans.library import BY_SLUG, LIBRARY, Intervention
from plans.library.clinic import library_for
from plans.library.forms import (
    NAME_BUILT_IN,
    NAME_NO_SLUG,
    NAME_TAKEN,
    SLUG_FORM,
    SLUG_TAKEN,
    ClinicInterventionForm,
)
from plans.library.forms import initial_from_built_in as built_in_initial
from plans.models import ClinicIntervention
from tests.factories import MembershipFactory, UserFactory

OWN = {
    "slug": "wall-sit",
    "name": "Wall sit",
    "kind": "strengthen",
    "targets": "quadriceps, glutes",
    "steps": "Lean your back on a wall.\nSlide down until your knees bend a little.",
    "safety": "Stop if your knees hurt.",
    "hold_seconds": "20",
    "repetitions": "3",
    "days_per_week": "5",
    "active": "on",
}
CHOICE = "Select a valid choice. {} is not one of the available choices."
AT_LEAST = "Ensure this value is greater than or equal to"
AT_MOST = "Ensure this value has at most"


def _row(clinic: Clinic, slug: str = "wall-sit", **fields: object) -> ClinicIntervention:
    values: dict[str, object] = {"name": "Wall sit", "kind": "strengthen", "steps": "Sit."}
    values.update(fields)
    return ClinicIntervention.objects.create(clinic=clinic, slug=slug, **values)


def _urls(row: ClinicIntervention) -> list[str]:
    return [
        reverse("library_list"),
        reverse("library_create"),
        reverse("library_edit", args=[row.pk]),
    ]


def test_library_urls_are_under_clinic() -> None:
    assert (reverse("library_list"), reverse("library_create")) == (
        "/clinic/library/",
        "/clinic/library/new/",
    )


def test_library_lists_own_rows_and_built_ins(
    as_admin: HttpClient, clinic: Clinic, other_clinic: Clinic
) -> None:
    copy = _row(clinic, "clamshell", name="Clam (our way)")
    own = _row(clinic)
    _row(other_clinic, "their-thing", name="Theirs")
    response = as_admin.get(reverse("library_list"))
    # Each row with its thumbnail: the copy of a built-in shows the built-in's drawing.
    assert response.context["own"] == [
        (copy, True, "/static/plans/illustrations/clamshell.svg"),
        (own, False, ""),
    ]
    built_in = response.context["built_in"]
    assert [entry.slug for entry, _kind, _copy, _src in built_in] == [
        entry.slug for entry in LIBRARY
    ]
    sources = {entry.slug: src for entry, _kind, _copy, src in built_in}
    assert sources["plank"] == "/static/plans/illustrations/plank.svg"
    assert sources["walking"] == ""
    copies = {entry.slug: row for entry, _kind, row, _src in built_in if row is not None}
    assert copies == {"clamshell": copy}
    page = response.content.decode()
    assert "Theirs" not in page
    assert f"{reverse('library_create')}?from=pigeon-pose" in page


def test_library_create_adds_row_to_clinic_library_and_audits(
    as_admin: HttpClient, clinic: Clinic, other_clinic: Clinic
) -> None:
    response = as_admin.post(reverse("library_create"), OWN)
    assert (response.status_code, response["Location"]) == (302, reverse("library_list"))
    row = ClinicIntervention.objects.get()
    assert (row.clinic, row.name, row.hold_seconds, row.repetitions, row.sets) == (
        clinic,
        "Wall sit",
        20,
        3,
        None,
    )
    assert library_for(clinic)["wall-sit"].steps == (
        "Lean your back on a wall.",
        "Slide down until your knees bend a little.",
    )
    assert "wall-sit" not in library_for(other_clinic)
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.object_type, entry.object_id, entry.client_id, entry.detail) == (
        "create",
        "intervention",
        row.pk,
        None,
        "wall-sit",
    )


def test_library_customise_starts_from_the_built_in(as_admin: HttpClient, clinic: Clinic) -> None:
    response = as_admin.get(reverse("library_create"), {"from": "clamshell"})
    form = response.context["form"]
    built_in = BY_SLUG["clamshell"]
    assert (form["slug"].value(), form["name"].value(), form["steps"].value()) == (
        "clamshell",
        built_in.name,
        "\n".join(built_in.steps),
    )
    unknown = as_admin.get(reverse("library_create"), {"from": "no-such-thing"})
    assert unknown.context["form"]["slug"].value() is None


@pytest.mark.parametrize("entry", LIBRARY, ids=lambda entry: entry.slug)
def test_library_every_built_in_copy_is_valid(clinic: Clinic, entry: Intervention) -> None:
    data = {k: v for k, v in built_in_initial(entry).items() if v not in (None, False)}
    form = ClinicInterventionForm(data, clinic=clinic)
    assert form.errors == {}


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"slug": "Wall_Sit"}, "slug", SLUG_FORM),
        ({"slug": "wall--sit"}, "slug", SLUG_FORM),
        ({"sets": "11"}, "sets", "Ensure this value is less than or equal to 10."),
        ({"hold_seconds": "2"}, "hold_seconds", f"{AT_LEAST} 5."),
        ({"kind": "magic"}, "kind", CHOICE.format("magic")),
        ({"steps": ""}, "steps", "This field is required."),
        ({"steps": "x" * 2001}, "steps", f"{AT_MOST} 2000 characters (it has 2001)."),
        ({"illustration": "../../etc/passwd"}, "illustration", CHOICE.format("../../etc/passwd")),
    ],
)  # fmt: skip
def test_library_create_bad_values_are_field_errors(
    as_admin: HttpClient, changes: dict[str, str], field: str, message: str
) -> None:
    response = as_admin.post(reverse("library_create"), {**OWN, **changes})
    form = response.context["form"]
    assert form.errors == {field: [message]}
    assert form["name"].value() == "Wall sit"
    assert (ClinicIntervention.objects.count(), AuditEntry.objects.count()) == (0, 0)


def test_library_duplicate_slug_is_a_field_error(as_admin: HttpClient, clinic: Clinic) -> None:
    _row(clinic)
    response = as_admin.post(reverse("library_create"), OWN)
    assert response.context["form"].errors == {"slug": [SLUG_TAKEN]}


def test_library_slug_used_by_another_clinic_is_fine(
    as_admin: HttpClient, clinic: Clinic, other_clinic: Clinic
) -> None:
    _row(other_clinic)
    response = as_admin.post(reverse("library_create"), OWN)
    assert (response.status_code, ClinicIntervention.objects.filter(clinic=clinic).count()) == (
        302,
        1,
    )


def test_library_edit_saves_and_audits_changed_fields(
    as_admin: HttpClient, clinic: Clinic
) -> None:
    row = _row(clinic, **{k: v for k, v in OWN.items() if k in {"targets", "safety"}})
    url = reverse("library_edit", args=[row.pk])
    assert as_admin.get(url).context["form"]["name"].value() == "Wall sit"
    data = {**OWN, "name": "Wall squat hold", "active": ""}
    response = as_admin.post(url, {k: v for k, v in data.items() if v})
    assert response.status_code == 302
    row.refresh_from_db()
    assert (row.name, row.active, row.hold_seconds) == ("Wall squat hold", False, 20)
    assert "wall-sit" not in library_for(clinic)
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.object_type, entry.object_id, entry.client_id) == (
        "change",
        "intervention",
        row.pk,
        None,
    )
    assert entry.detail == (
        "wall-sit: fields: active, days_per_week, hold_seconds, name, repetitions, steps"
    )


def test_library_edit_error_keeps_typing_and_saved_title(
    as_admin: HttpClient, clinic: Clinic
) -> None:
    row = _row(clinic)
    url = reverse("library_edit", args=[row.pk])
    response = as_admin.post(url, {**OWN, "name": "Typed name", "sets": "99"})
    form = response.context["form"]
    assert (sorted(form.errors), form["name"].value()) == (["sets"], "Typed name")
    assert '<h1 class="h3 mb-3">Edit Wall sit</h1>' in response.content.decode()
    row.refresh_from_db()
    assert row.name == "Wall sit"


def test_library_pages_therapist_gets_403(as_therapist: HttpClient, clinic: Clinic) -> None:
    row = _row(clinic)
    for url in _urls(row):
        response = as_therapist.get(url)
        assert (response.status_code, NOT_CLINIC_ADMIN in response.content.decode()) == (
            403,
            True,
        )
    response = as_therapist.post(reverse("library_edit", args=[row.pk]), {**OWN, "name": "X"})
    row.refresh_from_db()
    assert (response.status_code, row.name) == (403, "Wall sit")


def test_library_pages_anonymous_redirects_to_login(client: HttpClient, clinic: Clinic) -> None:
    for url in _urls(_row(clinic)):
        response = client.get(url)
        assert (response.status_code, response["Location"]) == (
            302,
            f"/accounts/login/?next={url}",
        )


def test_library_pages_account_outside_every_clinic_gets_404(
    client: HttpClient, clinic: Clinic
) -> None:
    client.force_login(UserFactory(username="nobody"))
    assert [client.get(url).status_code for url in _urls(_row(clinic))] == [404, 404, 404]


def test_library_edit_other_clinics_row_is_404(
    clinic: Clinic, other_clinic: Clinic, therapist: User
) -> None:
    row = _row(clinic)
    theirs = HttpClient()
    theirs.force_login(MembershipFactory(clinic=other_clinic, role=Role.ADMIN).user)
    url = reverse("library_edit", args=[row.pk])
    assert theirs.get(url).status_code == 404
    response = theirs.post(url, {**OWN, "name": "Taken over"})
    row.refresh_from_db()
    assert (response.status_code, row.name) == (404, "Wall sit")


@pytest.mark.parametrize("rows", [1, 3, 12])
def test_library_list_query_count_is_flat(
    as_admin: HttpClient,
    clinic: Clinic,
    rows: int,
    django_assert_num_queries: pytest.FixtureRequest,
) -> None:
    for number in range(rows):
        _row(clinic, f"own-{number}")
    # session, user, membership, the clinic's rows
    with django_assert_num_queries(4):  # type: ignore[operator]
        response = as_admin.get(reverse("library_list"))
    assert len(response.context["own"]) == rows


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Wall sit", "wall-sit"),
        ("Wall sit (easy)  ", "wall-sit-easy"),
        ("Étirement du psoas", "etirement-du-psoas"),
        ("Hip_hinge -- drill", "hip-hinge-drill"),
    ],
)
def test_library_blank_slug_is_made_from_the_name(
    as_admin: HttpClient, clinic: Clinic, name: str, slug: str
) -> None:
    response = as_admin.post(reverse("library_create"), {**OWN, "slug": "", "name": name})
    assert response.status_code == 302
    assert ClinicIntervention.objects.get(clinic=clinic).slug == slug


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("Wall sit", NAME_TAKEN.format(slug="wall-sit")),
        ("Clamshell", NAME_BUILT_IN.format(slug="clamshell")),
        ("!!!", NAME_NO_SLUG),
    ],
)
def test_library_name_whose_slug_cannot_be_used_is_an_error_by_the_name(
    as_admin: HttpClient, clinic: Clinic, name: str, message: str
) -> None:
    _row(clinic)
    response = as_admin.post(reverse("library_create"), {**OWN, "slug": "", "name": name})
    form = response.context["form"]
    assert form.errors == {"name": [message]}
    assert (form["name"].value(), form["steps"].value()) == (name, OWN["steps"])
    assert ClinicIntervention.objects.filter(clinic=clinic).count() == 1
    assert escape(message) in response.content.decode()  # shown on the page, by the name


def test_library_customised_copy_keeps_the_built_in_slug_when_cleared(
    as_admin: HttpClient, clinic: Clinic
) -> None:
    copy = _row(clinic, "clamshell", name="Clamshell")
    data = {**OWN, "slug": "", "name": "Clamshell"}
    response = as_admin.post(reverse("library_edit", args=[copy.pk]), data)
    assert response.status_code == 302
    copy.refresh_from_db()
    assert (copy.slug, copy.steps) == ("clamshell", OWN["steps"])

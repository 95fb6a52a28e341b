"""A client's record pages: add, view, edit (conflicts and errors keep what was typed),
and the same pages for another clinic's user and the anonymous."""

import pytest
from django.contrib.auth.models import User
from django.test import Client as HttpClient
from django.urls import reverse

from clinic.models import AuditEntry, Client, Clinic
from tests.factories import ClientFactory, UserFactory

VALID = {
    "given_name": "Mei",
    "family_name": "Chen",
    "preferred_name": "",
    "date_of_birth": "1992-08-08",
    "sex": "female",
    "email": "mei.chen@example.com",
    "phone": "07700 900 111",
    "occupation": "Violinist",
    "activities": "Yoga",
    "referral_source": "GP",
    "consent_date": "2026-11-02",
    "notes": "Left-sided buttock pain after long rehearsals.",
}


def _edit_data(client: Client, **changes: str) -> dict[str, str]:
    data = {
        "given_name": client.given_name,
        "family_name": client.family_name,
        "preferred_name": client.preferred_name,
        "date_of_birth": client.date_of_birth.isoformat(),
        "sex": client.sex,
        "email": client.email,
        "phone": client.phone,
        "occupation": client.occupation,
        "activities": client.activities,
        "referral_source": client.referral_source,
        "consent_date": "",
        "notes": client.notes,
        "version": str(client.version),
    }
    data.update(changes)
    return data


# --- list -------------------------------------------------------------------


def test_client_create_saves_and_redirects(as_therapist: HttpClient, therapist: User) -> None:
    response = as_therapist.post(reverse("client_create"), VALID)
    client = Client.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("client_detail", args=[client.pk])
    assert (client.full_name, client.clinic, client.consent_recorded_by) == (
        "Mei Chen",
        therapist.membership.clinic,
        therapist,
    )


def test_client_create_error_keeps_everything_typed(as_therapist: HttpClient) -> None:
    data = {**VALID, "date_of_birth": "2999-01-01", "email": "mei at example"}
    response = as_therapist.post(reverse("client_create"), data)
    body = response.content.decode()
    assert response.status_code == 200
    assert Client.objects.count() == 0
    assert response.context["form"].errors == {
        "date_of_birth": ["The date of birth cannot be in the future."],
        "email": ["Enter a valid email address."],
    }
    for typed in [
        "Mei",
        "Chen",
        "Violinist",
        "Left-sided buttock pain after long rehearsals.",
        "mei at example",
        "2999-01-01",
    ]:
        assert typed in body
    assert "Nothing you typed has been lost." in body


def test_client_create_pasted_notes_are_a_field_error_keeping_typing(
    as_therapist: HttpClient,
) -> None:
    response = as_therapist.post(reverse("client_create"), {**VALID, "notes": "x" * 200_000})
    form = response.context["form"]
    assert form.errors == {
        "notes": ["Ensure this value has at most 10000 characters (it has 200000)."]
    }
    assert (form["family_name"].value(), len(form["notes"].value())) == ("Chen", 200_000)
    assert "Up to 10,000 characters." in response.content.decode()
    assert Client.objects.count() == 0


def test_client_create_rejects_consent_before_birth(as_therapist: HttpClient) -> None:
    response = as_therapist.post(reverse("client_create"), {**VALID, "consent_date": "1990-01-01"})
    assert response.context["form"].errors == {
        "consent_date": ["Consent cannot predate the date of birth."]
    }


def test_client_create_blank_names_are_required(as_therapist: HttpClient) -> None:
    response = as_therapist.post(
        reverse("client_create"), {**VALID, "given_name": "   ", "family_name": ""}
    )
    assert response.context["form"].errors == {
        "given_name": ["This field is required."],
        "family_name": ["This field is required."],
    }


def test_client_create_without_membership_is_forbidden(db: None) -> None:
    http = HttpClient()
    http.force_login(User.objects.create_user("loner", password="x" * 12))
    response = http.post(reverse("client_create"), VALID)
    assert response.status_code == 403
    assert "not a member of any clinic" in response.content.decode()
    assert Client.objects.count() == 0


# --- detail -----------------------------------------------------------------


def test_client_detail_shows_record_and_audits_the_view(
    as_therapist: HttpClient, client_record: Client
) -> None:
    response = as_therapist.get(reverse("client_detail", args=[client_record.pk]))
    assert response.status_code == 200
    assert "Priya Sharma" in response.content.decode()
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.client_id, entry.actor_username) == (
        "view",
        client_record.pk,
        "therapist",
    )


def test_client_detail_visible_to_colleague(
    as_colleague: HttpClient, client_record: Client
) -> None:
    response = as_colleague.get(reverse("client_detail", args=[client_record.pk]))
    assert response.context["client"] == client_record


def test_client_detail_escapes_user_text(as_therapist: HttpClient, clinic: Clinic) -> None:
    client = ClientFactory(clinic=clinic, given_name="<script>alert(1)</script>", notes="<b>x</b>")
    body = as_therapist.get(reverse("client_detail", args=[client.pk])).content.decode()
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "&lt;b&gt;x&lt;/b&gt;" in body


# --- edit -------------------------------------------------------------------


def test_client_edit_saves_changes(as_therapist: HttpClient, client_record: Client) -> None:
    response = as_therapist.post(
        reverse("client_edit", args=[client_record.pk]),
        _edit_data(client_record, phone="07700 900 999"),
    )
    client_record.refresh_from_db()
    assert response.status_code == 302
    assert (client_record.phone, client_record.version) == ("07700 900 999", 2)


def test_client_edit_conflict_keeps_typed_values_and_shows_both(
    as_therapist: HttpClient, as_colleague: HttpClient, client_record: Client
) -> None:
    url = reverse("client_edit", args=[client_record.pk])
    stale = _edit_data(client_record, phone="07700 900 001", notes="Therapist's note")
    as_colleague.post(url, _edit_data(client_record, phone="07700 900 002"))

    response = as_therapist.post(url, stale)

    client_record.refresh_from_db()
    body = response.content.decode()
    assert response.status_code == 200
    assert client_record.phone == "07700 900 002"
    assert "Someone else saved this client while you were editing" in body
    assert "07700 900 001" in body
    assert "Therapist&#x27;s note" in body
    assert response.context["conflict"] == [
        {"label": "Phone", "saved": "07700 900 002", "typed": "07700 900 001"},
        {"label": "Notes", "saved": "", "typed": "Therapist's note"},
    ]
    # Saving again from the conflict page applies the therapist's values.
    resubmitted = dict(stale, version=response.context["form"]["version"].value())
    assert as_therapist.post(url, resubmitted).status_code == 302
    client_record.refresh_from_db()
    assert (client_record.phone, client_record.version) == ("07700 900 001", 3)


def test_client_edit_error_keeps_typed_values(
    as_therapist: HttpClient, client_record: Client
) -> None:
    response = as_therapist.post(
        reverse("client_edit", args=[client_record.pk]),
        _edit_data(client_record, date_of_birth="1850-01-01", occupation="Harpist"),
    )
    assert response.context["form"].errors == {
        "date_of_birth": ["Check the year: dates before 1900 are not accepted."]
    }
    assert "Harpist" in response.content.decode()
    client_record.refresh_from_db()
    assert client_record.occupation == ""


# --- access -----------------------------------------------------------------


CLIENT_URLS = ["client_detail", "client_edit"]


@pytest.mark.parametrize("name", CLIENT_URLS)
def test_other_clinics_client_is_404(
    as_outsider: HttpClient, client_record: Client, name: str
) -> None:
    url = reverse(name, args=[client_record.pk])
    assert as_outsider.get(url).status_code == 404
    assert AuditEntry.objects.count() == 0


def test_client_page_for_an_account_in_no_clinic_is_404(
    client: HttpClient, client_record: Client
) -> None:
    # The client page scopes its read by the membership (client_of_membership).
    client.force_login(UserFactory(username="nobody"))
    assert client.get(reverse("client_detail", args=[client_record.pk])).status_code == 404
    assert AuditEntry.objects.count() == 0


def test_outsider_cannot_edit_by_post(as_outsider: HttpClient, client_record: Client) -> None:
    response = as_outsider.post(
        reverse("client_edit", args=[client_record.pk]), _edit_data(client_record, phone="666")
    )
    client_record.refresh_from_db()
    assert (response.status_code, client_record.phone) == (404, "")


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("client_list", []),
        ("client_create", []),
        ("client_detail", [1]),
        ("client_edit", [1]),
        ("password_change", []),
    ],
)
def test_anonymous_is_sent_to_login(
    client: HttpClient, db: None, name: str, args: list[int]
) -> None:
    url = reverse(name, args=args)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={url}"

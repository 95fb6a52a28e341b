import datetime
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client as HttpClient
from django.test.utils import CaptureQueriesContext
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


def _listed(response: Any) -> list[str]:
    """The family names of the page's clients."""
    return [client.family_name for client in response.context["page"].object_list]


def _rows(response: Any) -> list[str]:
    """The table body's rows, each as one line without the template's indentation."""
    body = response.content.decode()
    table = body[body.index("<tbody>") + len("<tbody>") : body.index("</tbody>")]
    rows = table.split("</tr>")[:-1]  # what follows the last row is only whitespace
    return ["".join(line.strip() for line in row.splitlines()) for row in rows]


def test_client_list_shows_only_own_clinic(
    as_therapist: HttpClient, client_record: Client, other_clinic: Clinic
) -> None:
    ClientFactory(clinic=other_clinic, given_name="Oliver", family_name="Hughes")
    response = as_therapist.get(reverse("client_list"))
    assert response.status_code == 200
    assert _listed(response) == ["Sharma"]
    assert b"Hughes" not in response.content


def test_client_list_search_by_name(as_therapist: HttpClient, clinic: Clinic) -> None:
    ClientFactory(clinic=clinic, given_name="Priya", family_name="Sharma")
    ClientFactory(clinic=clinic, given_name="Daniel", family_name="Kowalski")
    response = as_therapist.get(reverse("client_list"), {"q": "kowal"})
    assert _listed(response) == ["Kowalski"]
    assert "1 client matching" in response.content.decode()


def test_client_list_htmx_request_returns_only_rows(
    as_therapist: HttpClient, client_record: Client
) -> None:
    response = as_therapist.get(reverse("client_list"), {"q": "pri"}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert "Priya" in body
    assert "<html" not in body


def test_client_list_paginates(as_therapist: HttpClient, clinic: Clinic, settings: object) -> None:
    settings.CLIENTS_PER_PAGE = 2  # type: ignore[attr-defined]
    for name in ["Adams", "Baker", "Clark"]:
        ClientFactory(clinic=clinic, family_name=name)
    first = as_therapist.get(reverse("client_list"))
    second = as_therapist.get(reverse("client_list"), {"page": 2})
    assert _listed(first) == ["Adams", "Baker"]
    assert _listed(second) == ["Clark"]
    assert "Page 1 of 2" in first.content.decode()


@pytest.mark.parametrize("query", ["", "a"])  # the plain list; a search (every name has an a)
@pytest.mark.parametrize(
    ("asked", "shown"),
    [("2", 2), ("3", 3), ("4", 3), ("99999999999999999999", 3), ("abc", 1), ("0", 3), ("", 1)],
)
def test_client_list_page_numbers(
    as_therapist: HttpClient,
    clinic: Clinic,
    settings: object,
    query: str,
    asked: str,
    shown: int,
) -> None:
    settings.CLIENTS_PER_PAGE = 2  # type: ignore[attr-defined]
    for name in ["Adams", "Baker", "Clark", "Davis", "Evans"]:
        ClientFactory(clinic=clinic, family_name=name, given_name="Sam")
    response = as_therapist.get(reverse("client_list"), {"page": asked, "q": query})
    expected = {1: ["Adams", "Baker"], 2: ["Clark", "Davis"], 3: ["Evans"]}[shown]
    assert _listed(response) == expected
    assert f"Page {shown} of 3" in response.content.decode()
    assert "5 clients" in response.content.decode()


def test_client_list_shows_last_visit_date(as_therapist: HttpClient, clinic: Clinic) -> None:
    client = ClientFactory(clinic=clinic)
    Client.objects.filter(pk=client.pk).update(last_visit_on=datetime.date(2026, 10, 3))
    assert "3 Oct 2026" in as_therapist.get(reverse("client_list")).content.decode()


def test_client_list_row_links_the_name_and_formats_the_dates(
    as_therapist: HttpClient, client_record: Client
) -> None:
    Client.objects.filter(pk=client_record.pk).update(last_visit_on=datetime.date(2026, 10, 3))
    link = reverse("client_detail", args=[client_record.pk])
    assert _rows(as_therapist.get(reverse("client_list"))) == [
        f'<tr><td><a href="{link}">Sharma, Priya</a></td>'
        "<td>12 Apr 1988</td><td>3 Oct 2026</td><td>Active</td>"
    ]


def test_client_list_row_shows_a_different_preferred_name_no_visits_and_archived(
    as_therapist: HttpClient, clinic: Clinic
) -> None:
    client = ClientFactory(
        clinic=clinic,
        family_name="Chen",
        given_name="Mei",
        preferred_name="May",
        date_of_birth=datetime.date(1985, 3, 7),
        archived=True,
    )
    response = as_therapist.get(reverse("client_list"), {"archived": "on"})
    assert _rows(response) == [
        f'<tr><td><a href="/clients/{client.pk}/">Chen, Mei</a> '
        '<span class="text-secondary">(May)</span></td><td>7 Mar 1985</td>'
        '<td>No visits yet</td><td><span class="badge text-bg-secondary">Archived</span></td>'
    ]


def test_client_list_row_omits_a_preferred_name_equal_to_the_given_name(
    as_therapist: HttpClient, clinic: Clinic
) -> None:
    ClientFactory(clinic=clinic, family_name="Chen", given_name="Mei", preferred_name="Mei")
    (row,) = _rows(as_therapist.get(reverse("client_list")))
    assert ">Chen, Mei</a></td>" in row
    assert "text-secondary" not in row


def test_client_list_row_escapes_what_users_typed(
    as_therapist: HttpClient, clinic: Clinic
) -> None:
    hostile = '<img src=x onerror="alert(1)">'
    ClientFactory(clinic=clinic, family_name=hostile, given_name="A&B", preferred_name=hostile)
    body = as_therapist.get(reverse("client_list")).content.decode()
    assert "<img" not in body
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;, A&amp;B</a>" in body
    assert "(&lt;img src=x onerror=&quot;alert(1)&quot;&gt;)" in body


def test_client_list_rows_in_name_order(as_therapist: HttpClient, clinic: Clinic) -> None:
    second = ClientFactory(clinic=clinic, family_name="Young", given_name="<b>Zoe</b>")
    first = ClientFactory(clinic=clinic, family_name="Abbott", given_name="Ann", archived=True)
    rows = _rows(as_therapist.get(reverse("client_list"), {"archived": "on"}))
    assert len(rows) == 2
    assert rows[0].startswith(f'<tr><td><a href="/clients/{first.pk}/">Abbott, Ann</a>')
    assert rows[1].startswith(f'<tr><td><a href="/clients/{second.pk}/">Young, &lt;b&gt;Zoe')


def test_client_list_without_clients_has_no_table(
    as_therapist: HttpClient, clinic: Clinic
) -> None:
    body = as_therapist.get(reverse("client_list")).content.decode()
    assert "<table" not in body
    assert "No clients yet." in body


@pytest.mark.parametrize("count", [1, 3])
def test_client_list_query_count_is_flat(
    as_therapist: HttpClient, clinic: Clinic, count: int
) -> None:
    ClientFactory.create_batch(count, clinic=clinic)
    # session, user, membership+clinic (navbar), count, page of clients, the page's marks
    # (one query each: low adherence, reassessment due)
    with CaptureQueriesContext(connection) as queries:
        response = as_therapist.get(reverse("client_list"))
    assert len(response.context["page"].object_list) == count
    assert response.context["page"].paginator.count == count
    assert len(queries) == 7, [q["sql"] for q in queries]


@pytest.mark.parametrize("count", [1, 3])
def test_client_search_reads_rows_and_count_in_one_query(
    as_therapist: HttpClient, clinic: Clinic, count: int
) -> None:
    ClientFactory.create_batch(count, clinic=clinic, family_name="Okafor")
    ClientFactory(clinic=clinic, family_name="Adams")
    # session, user, membership+clinic (navbar), the matching page with the number of
    # matches, the page's marks (plans/program/selectors.py: low adherence;
    # episodes/selectors.py: reassessment due)
    with CaptureQueriesContext(connection) as queries:
        response = as_therapist.get(reverse("client_list"), {"q": "oka"})
    assert _listed(response) == ["Okafor"] * count
    assert response.context["page"].paginator.count == count
    assert len(queries) == 6, [q["sql"] for q in queries]


# --- create -----------------------------------------------------------------


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

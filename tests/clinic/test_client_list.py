"""The client list: only the clinic's own clients, search, pages, what each row shows, and
its query counts."""

import datetime
from typing import Any

import pytest
from django.db import connection
from django.test import Client as HttpClient
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from clinic.models import Client, Clinic
from tests.factories import ClientFactory


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

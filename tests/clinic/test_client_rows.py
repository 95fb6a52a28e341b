"""The client list's rows, built in Python (clinic/client_rows.py)."""

import datetime

from django.test import Client as HttpClient
from django.urls import reverse

from clinic.client_rows import client_rows
from clinic.models import Clinic
from tests.factories import ClientFactory

BORN = datetime.date(1985, 3, 7)


def test_row_links_the_name_and_formats_the_dates() -> None:
    html = client_rows([(42, "Sharma", "Priya", "", BORN, datetime.date(2026, 10, 3), False)])
    assert html == (
        f'<tr><td><a href="{reverse("client_detail", args=[42])}">Sharma, Priya</a></td>'
        "<td>7 Mar 1985</td><td>3 Oct 2026</td><td>Active</td></tr>\n"
    )


def test_row_shows_a_different_preferred_name_no_visits_and_archived() -> None:
    html = client_rows([(7, "Chen", "Mei", "May", BORN, None, True)])
    assert '<a href="/clients/7/">Chen, Mei</a> <span class="text-secondary">(May)</span>' in html
    assert "<td>No visits yet</td>" in html
    assert '<span class="badge text-bg-secondary">Archived</span>' in html


def test_row_omits_a_preferred_name_equal_to_the_given_name() -> None:
    assert "text-secondary" not in client_rows([(7, "Chen", "Mei", "Mei", BORN, None, False)])


def test_row_escapes_what_users_typed() -> None:
    hostile = '<img src=x onerror="alert(1)">'
    html = client_rows([(7, hostile, "A&B", hostile, BORN, None, False)])
    assert "<img" not in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;, A&amp;B" in html


def test_no_clients_no_rows() -> None:
    assert client_rows([]) == ""


def test_list_page_shows_the_rows_in_name_order(as_therapist: HttpClient, clinic: Clinic) -> None:
    second = ClientFactory(clinic=clinic, family_name="Young", given_name="<b>Zoe</b>")
    first = ClientFactory(clinic=clinic, family_name="Abbott", given_name="Ann", archived=True)
    body = as_therapist.get(reverse("client_list"), {"archived": "on"}).content.decode()
    assert body.index(f'href="/clients/{first.pk}/"') < body.index(f'href="/clients/{second.pk}/"')
    assert "Young, &lt;b&gt;Zoe&lt;/b&gt;" in body
    assert body.count("<tr>") == 3  # the header and one per client

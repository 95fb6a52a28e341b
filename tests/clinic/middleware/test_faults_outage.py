"""The database unreachable for a whole request: the 503 page, never a 500, nothing written.

Unlike tests/clinic/test_faults.py (a connection dropped in the middle of a save), here the
database cannot be reached at all, so the first query of the request fails: the session
read before any view runs. Nothing is mocked: between sign-in and the request, Django's
connection is pointed at an address where no database answers (a closed port for
PostgreSQL, a file in a directory that does not exist for SQLite), and every connection
attempt really fails.
"""

import logging
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from django.contrib.auth.models import User
from django.db import OperationalError, connection
from django.http import HttpResponse
from django.test import Client as HttpClient
from django.urls import reverse

from clinic.models import AuditEntry, Client

# Where no database answers: port 1 refuses connections; SQLite cannot create a file in a
# directory that does not exist.
UNREACHABLE = {
    "postgresql": {"HOST": "127.0.0.1", "PORT": 1},
    "sqlite": {"NAME": "/nonexistent-hipplan-dir/db.sqlite3"},
}
NO_STORE = "no-store"


@contextmanager
def database_unreachable() -> Iterator[None]:
    """Every new connection fails until the block ends; then the test database is back."""
    saved = dict(connection.settings_dict)
    # Set the open connection aside rather than close it: SQLite's in-memory test database
    # lives only while a connection holds it (so Django never closes one).
    held = connection.connection
    connection.connection = None
    connection.settings_dict.update(UNREACHABLE[connection.vendor])
    try:
        yield
    finally:
        connection.settings_dict.clear()
        connection.settings_dict.update(saved)
        connection.connection = held


@pytest.fixture
def signed_in(therapist: User) -> HttpClient:
    """The therapist, signed in, with errors answered as a server would (not raised)."""
    http = HttpClient(raise_request_exception=False)
    http.force_login(therapist)
    return http


def _assert_unavailable(response: HttpResponse, title: str) -> str:
    """The 503 page with its retry and no-store headers; returns its text."""
    assert response.status_code == 503
    assert (response["Retry-After"], response["Cache-Control"]) == ("5", NO_STORE)
    body = response.content.decode()
    assert f"<title>{title}: try again</title>" in body
    return body


@pytest.mark.django_db(transaction=True)
def test_page_with_database_unreachable_answers_503(
    signed_in: HttpClient, client_record: Client, caplog: pytest.LogCaptureFixture
) -> None:
    url = reverse("client_detail", args=[client_record.pk])
    with (
        database_unreachable(),
        caplog.at_level(logging.ERROR, logger="django.request"),
    ):
        response = signed_in.get(url)

    body = _assert_unavailable(response, "Page not available")
    assert "This page is not available right now" in body
    assert "Not saved" not in body
    # The outage is still logged with its cause, for whoever runs the server.
    [record] = caplog.records
    assert record.exc_info is not None
    assert isinstance(record.exc_info[1], OperationalError)
    # The database back: the same page answers again.
    again = signed_in.get(url)
    assert (again.status_code, "Priya Sharma" in again.content.decode()) == (200, True)


@pytest.mark.django_db(transaction=True)
def test_save_with_database_unreachable_answers_not_saved(
    signed_in: HttpClient, client_record: Client
) -> None:
    url = reverse("client_edit", args=[client_record.pk])
    audit_before = AuditEntry.objects.count()
    form = {
        "given_name": "Priya",
        "family_name": "Changed",
        "date_of_birth": "1988-04-12",
        "version": str(client_record.version),
    }
    with database_unreachable():
        response = signed_in.post(url, form)

    body = _assert_unavailable(response, "Not saved")
    assert "Not saved: please try again" in body
    assert "<strong>Nothing\n  was saved</strong>" in body
    client_record.refresh_from_db()
    assert (client_record.family_name, client_record.version) == ("Sharma", 1)
    assert AuditEntry.objects.count() == audit_before


@pytest.mark.django_db(transaction=True)
def test_health_with_database_unreachable_answers_503_plain_text() -> None:
    probe = HttpClient(raise_request_exception=False)
    with database_unreachable():
        response = probe.get(reverse("health"))

    assert (response.status_code, response.content) == (503, b"database unavailable")
    assert response["Content-Type"] == "text/plain"
    assert (response["Retry-After"], response["Cache-Control"]) == ("5", NO_STORE)
    back = probe.get(reverse("health"))
    assert (back.status_code, back.content) == (200, b"ok")

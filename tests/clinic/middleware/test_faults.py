"""The database dropping mid-request: a 503 "not saved, try again" page, nothing half-written.

The PostgreSQL tests kill the request's own backend with pg_terminate_backend from a
second connection, just before a chosen write of our real save path runs (Django's
execute_wrapper hook), then look at the tables through a fresh connection.
"""

import datetime
import logging
from collections.abc import Callable
from typing import Any

import psycopg
import pytest
from django.contrib.auth.models import User
from django.db import InterfaceError, OperationalError, connection
from django.http import HttpResponse
from django.test import Client as HttpClient
from django.test import RequestFactory
from django.urls import reverse

from assessments.models import Assessment, Measurement
from assessments.services import assessment_start
from clinic.middleware.faults import (
    DatabaseUnavailableMiddleware,
    server_error,
    unavailable_response,
)
from clinic.models import AuditEntry, Client

AUDIT_TABLE = AuditEntry._meta.db_table
# Table names come from our models, never from input.
COUNT_AUDIT = f'SELECT count(*) FROM "{AUDIT_TABLE}"'  # noqa: S608
COUNT_MEASUREMENTS = (
    f'SELECT count(*) FROM "{Measurement._meta.db_table}" WHERE assessment_id = %s'  # noqa: S608
)
ASSESSMENT_ROW = (
    f'SELECT version, presenting_complaint FROM "{Assessment._meta.db_table}" WHERE id = %s'  # noqa: S608
)
on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="pg_terminate_backend needs PostgreSQL; SQLite has no server connection to drop",
)


def _fresh() -> psycopg.Connection[Any]:
    """A connection of our own to the test database, outside Django's."""
    settings = connection.settings_dict
    params = {
        "dbname": settings["NAME"],
        "user": settings["USER"],
        "password": settings["PASSWORD"],
        "host": settings["HOST"],
        "port": settings["PORT"],
    }
    return psycopg.connect(**{k: str(v) for k, v in params.items() if v}, autocommit=True)


def _one(sql: str, *params: object) -> tuple[Any, ...]:
    with _fresh() as fresh:
        row = fresh.execute(sql, params).fetchone()  # type: ignore[arg-type]
    assert row is not None
    return tuple(row)


class KillBefore:
    """An execute wrapper that terminates the backend right before a matching statement.

    Kills once; records the tables written before the kill, to prove there was something
    to roll back.
    """

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.killed_pid: int | None = None
        self.written: list[str] = []

    def __call__(
        self, execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any
    ) -> Any:
        if self.killed_pid is None:
            if sql.startswith(self.prefix):
                self.killed_pid = context["connection"].connection.info.backend_pid
                with _fresh() as killer:
                    # The timeout makes it wait until the backend has really gone.
                    killer.execute("SELECT pg_terminate_backend(%s, 5000)", (self.killed_pid,))
            elif sql.startswith(("INSERT INTO", "UPDATE", "DELETE FROM")):
                self.written.append(sql.split('"')[1])
        return execute(sql, params, many, context)


def _save_form(draft: Assessment) -> dict[str, str]:
    return {
        "version": str(draft.version),
        "visit_date": draft.visit_date.isoformat(),
        "save": "1",
        "presenting_complaint": "Ache after long drives",
        "hip_flexion__left": "105",
        "pain_now": "4",
    }


@pytest.fixture
def draft(therapist: User, client_record: Client) -> Assessment:
    return assessment_start(
        actor=therapist, client=client_record, visit_date=datetime.date(2026, 11, 2)
    )


# --- on PostgreSQL: a real dropped connection ---------------------------------


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_save_interrupted_by_dropped_connection_keeps_nothing(
    as_therapist: HttpClient, draft: Assessment
) -> None:
    url = reverse("assessment_edit", args=[draft.pk])
    audit_before = _one(COUNT_AUDIT)
    kill = KillBefore(f'INSERT INTO "{AUDIT_TABLE}"')  # the save's last write

    with connection.execute_wrapper(kill):
        response = as_therapist.post(url, _save_form(draft))

    assert kill.killed_pid is not None
    assert Measurement._meta.db_table in kill.written  # written, then rolled back
    assert Assessment._meta.db_table in kill.written
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    body = response.content.decode()
    assert "Not saved: please try again" in body
    assert "Go back and try again" in body
    assert "the form still holds what you typed" in body
    assert _one(COUNT_MEASUREMENTS, draft.pk) == (0,)
    assert _one(ASSESSMENT_ROW, draft.pk) == (1, "")
    assert _one(COUNT_AUDIT) == audit_before

    # Going back and saving again works, on a new connection.
    retry = as_therapist.post(url, _save_form(draft))
    assert retry.status_code == 302
    assert _one(ASSESSMENT_ROW, draft.pk) == (2, "Ache after long drives")
    assert _one(COUNT_MEASUREMENTS, draft.pk) == (2,)


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_page_interrupted_outside_a_transaction_closes_the_broken_connection(
    as_therapist: HttpClient, client_record: Client
) -> None:
    url = reverse("client_detail", args=[client_record.pk])
    kill = KillBefore(f'INSERT INTO "{AUDIT_TABLE}"')  # the "record viewed" audit entry

    with connection.execute_wrapper(kill):
        response = as_therapist.get(url)

    assert kill.killed_pid is not None
    assert response.status_code == 503
    body = response.content.decode()
    assert "This page is not available right now" in body
    assert "Not saved" not in body
    # The middleware closed the dead connection (the test client, unlike a server, does
    # not close connections between requests), so the next request reconnects.
    assert connection.connection is None
    again = as_therapist.get(url)
    assert again.status_code == 200
    assert "Priya Sharma" in again.content.decode()
    assert connection.connection.info.backend_pid != kill.killed_pid  # type: ignore[union-attr]


# --- the page itself (any database) --------------------------------------------


def _middleware() -> DatabaseUnavailableMiddleware:
    return DatabaseUnavailableMiddleware(lambda request: HttpResponse("unused"))


def test_unavailable_page_renders_with_database_access_blocked() -> None:
    # pytest-django blocks the database in a test without the db mark: any query raises.
    response = unavailable_response(saving=True)
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert response["Cache-Control"] == "no-store"
    assert "<title>Not saved: try again</title>" in response.content.decode()


@pytest.mark.parametrize(
    ("error", "method", "title"),
    [
        (OperationalError("server closed the connection unexpectedly"), "post", "Not saved"),
        (InterfaceError("connection already closed"), "post", "Not saved"),
        (OperationalError("terminating connection"), "get", "Page not available"),
    ],
)
def test_database_error_in_view_answers_503_without_queries(
    db: None,
    django_assert_num_queries: Any,
    caplog: pytest.LogCaptureFixture,
    error: Exception,
    method: str,
    title: str,
) -> None:
    request = getattr(RequestFactory(), method)("/assessments/1/edit/")
    with (
        caplog.at_level(logging.ERROR, logger="clinic.middleware.faults"),
        django_assert_num_queries(0),
    ):
        response = _middleware().process_exception(request, error)
    assert response is not None
    assert response.status_code == 503
    assert f"<title>{title}: try again</title>" in response.content.decode()
    [record] = caplog.records
    assert record.getMessage() == (
        f"Database unavailable during {method.upper()} /assessments/1/edit/; answered 503"
    )
    assert record.exc_info is not None
    assert record.exc_info[1] is error


def test_other_errors_are_left_to_django() -> None:
    request = RequestFactory().post("/clients/1/edit/")
    assert _middleware().process_exception(request, ValueError("a bug")) is None


def _handled(error: Exception, method: str) -> HttpResponse:
    """The 500 handler's answer while `error` is being handled, as Django calls it."""
    request = getattr(RequestFactory(), method)("/clients/1/")
    try:
        raise error
    except Exception:
        return server_error(request)


@pytest.mark.parametrize(
    ("error", "method", "title"),
    [
        (OperationalError("connection refused"), "post", "Not saved: try again"),
        (InterfaceError("connection already closed"), "get", "Page not available: try again"),
        (ValueError("a bug"), "post", "Something went wrong"),
    ],
)
def test_server_error_answers_503_only_for_database_errors(
    error: Exception, method: str, title: str
) -> None:
    response = _handled(error, method)
    expected = 500 if isinstance(error, ValueError) else 503
    assert (response.status_code, f"<title>{title}</title>" in response.content.decode()) == (
        expected,
        True,
    )

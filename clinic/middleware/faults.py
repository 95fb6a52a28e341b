"""When the database stops answering: a clear 503 "not saved, try again" page, never a 500.

OperationalError and InterfaceError are the DB-API's errors for a database that failed
to do its work: a dropped connection, a server that is down or restarting, a lock or
statement timeout. The transaction they interrupt is rolled back (services are atomic), so
nothing half-written stays; the user is told exactly that. The page is rendered without a
request context, so no context processor can touch the database that just failed.

Two entry points answer with that page, because Django sees these errors in two places:
- server_error, the project's handler500, is the root. An outage fails first outside any
  view: the session and the user are read by middleware before the view runs. Django
  turns an exception raised there (a middleware's __call__, process_view or
  process_response) into a response on the spot, so process_exception never sees it. The
  500 handler is the one hook Django calls for every uncaught exception, wherever it was
  raised, while that exception is being handled (so sys.exc_info() names it).
- DatabaseUnavailableMiddleware.process_exception answers for views (and their templates)
  first: under DEBUG, Django shows its technical 500 page and never calls handler500, so
  catching a view's error earlier keeps the page the same in development and in tests,
  and logs the method and path. Django logs what reaches handler500 itself ("Service
  Unavailable: <path>", with the traceback), so server_error adds no log line of its own.
"""

import logging
import sys
from collections.abc import Callable

from django.db import InterfaceError, OperationalError, connections
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.views.defaults import server_error as django_server_error

logger = logging.getLogger(__name__)

# Seconds the browser (or a proxy) should wait before retrying: a restart or failover
# usually takes a few seconds, and conn_health_checks reconnects on the next request.
RETRY_AFTER_SECONDS = 5
TEMPLATE = "503.html"
# Methods that may have changed data: their page says "not saved" rather than "not shown".
WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
# The errors that mean "the database did not answer", as opposed to a bug in a query.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)


class DatabaseUnavailableMiddleware:
    """Turn a lost database connection in a view into the 503 page, and drop the connection."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, DATABASE_UNAVAILABLE):
            return None  # anything else is a bug: Django's 500 page and error report
        logger.error(
            "Database unavailable during %s %s; answered 503",
            request.method,
            request.path,
            exc_info=exception,
        )
        close_broken_connections()
        return unavailable_response(saving=request.method in WRITE_METHODS)


def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 handler: the 503 page when the error being handled is a database outage."""
    if not isinstance(sys.exc_info()[1], DATABASE_UNAVAILABLE):
        return django_server_error(request)  # a bug: templates/500.html, reported as 500
    close_broken_connections()
    return unavailable_response(saving=request.method in WRITE_METHODS)


def close_broken_connections() -> None:
    """Close every connection that no longer answers, so the next request opens a new one.

    A connection inside an atomic block belongs to that block's owner (a test, or
    ATOMIC_REQUESTS), which rolls it back or closes it itself.
    """
    for conn in connections.all(initialized_only=True):
        if conn.connection is None or conn.in_atomic_block:
            continue
        if not conn.is_usable():
            conn.close()


def unavailable_response(*, saving: bool) -> HttpResponse:
    """The 503 page, built from a plain template: no request context, no query."""
    body = render_to_string(TEMPLATE, {"saving": saving, "retry_after": RETRY_AFTER_SECONDS})
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response

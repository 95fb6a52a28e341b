"""The request type our views receive: signed in (LoginRequiredMiddleware) and htmx-aware."""

from django.contrib.auth.models import User
from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails


class AuthedRequest(HttpRequest):
    user: User
    htmx: HtmxDetails


def whole_number(raw: str | None) -> int | None:
    """A posted id or version number: ASCII digits only, at most 18 of them; else None.

    int() also reads other scripts' digits ("٣" is 3), which would name a real row; "²"
    it refuses outright. 18 digits stay within a 64-bit id.
    """
    if raw is None or not (raw.isascii() and raw.isdigit()) or len(raw) > 18:
        return None
    return int(raw)

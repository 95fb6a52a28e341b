"""A shared cache of rendered client-page panels, keyed per client and checked by a stamp.

The visit history and the pain chart are the client page's slowest parts (interpreting
and drawing every visit on the page), yet they change only when a visit or plan changes.
A panel stores its HTML under `client-panel:<client id>:<name>` together with the stamp
of what the panels are made from (settings.CLIENT_PAGE_STAMP: counts, last change, lock
numbers; one query per request, shared by every panel) and the page; a request whose
stamp differs renders again. `client_value` keeps a value the same way under its own stamp
(the plan builder's findings: assessments/interpretation.py). One key per client and
name, so erasing a client removes them all (`client_panels_forget`), and nothing
health-related outlives the record in the cache.
With a per-process cache (the `locmem://` default) other processes' copies cannot be
reached once the client is gone (the page is a 404 first) and expire within
PANEL_CACHE_SECONDS; a shared cache (`CACHE_URL=redis://...`) drops them at once.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.module_loading import import_string
from django.utils.safestring import SafeString, mark_safe

from clinic.models import Client
from clinic.panels.registry import Panel

# Names and changes the stamp cannot see (a therapist renamed, a cut-off changed in the
# maintenance admin) show after this at the latest.
PANEL_CACHE_SECONDS = 300

_T = TypeVar("_T")


def _key(client_id: int, name: str) -> str:
    return f"client-panel:{client_id}:{name}"


def _digest(stamp: Any) -> str:
    return hashlib.sha256(json.dumps(stamp, default=str, sort_keys=True).encode()).hexdigest()


def client_value(client_id: int, name: str, stamp: Any, compute: Callable[[], _T]) -> _T:
    """What `compute()` gives for this stamp: from the cache, or computed and stored.

    Kept under the client's key `name`, which settings.CLIENT_PAGE_CACHED_PANELS lists so
    that erasing the client drops it. One value per client and name: a different stamp
    (another visit, an edit) replaces it.
    """
    digest = _digest(stamp)
    stored: dict[str, Any] | None = cache.get(_key(client_id, name))
    if stored and stored.get("stamp") == digest:
        value: _T = stored["value"]
        return value
    value = compute()
    cache.set(_key(client_id, name), {"stamp": digest, "value": value}, PANEL_CACHE_SECONDS)
    return value


def panel_html(
    client_id: int, name: str, stamp: Any, page: str, render: Callable[[], str]
) -> SafeString:
    """The panel's HTML for this stamp and page: from the cache, or `render()` and store it.

    `render` must return HTML our templates rendered (escaped); it is marked safe.
    """
    digest = _digest(stamp)
    stored: dict[str, Any] | None = cache.get(_key(client_id, name))
    if stored and stored.get("stamp") == digest and page in stored["pages"]:
        return mark_safe(stored["pages"][page])  # noqa: S308 - rendered by our templates
    html = render()
    pages = stored["pages"] if stored and stored.get("stamp") == digest else {}
    pages[page] = html
    cache.set(_key(client_id, name), {"stamp": digest, "pages": pages}, PANEL_CACHE_SECONDS)
    return mark_safe(html)  # noqa: S308 - rendered by our templates


def client_page_stamp(request: HttpRequest, client: Client) -> Any:
    """settings.CLIENT_PAGE_STAMP for this client, read once per request."""
    stamps: dict[int, Any] = request.__dict__.setdefault("_client_page_stamps", {})
    if client.pk not in stamps:
        stamps[client.pk] = import_string(settings.CLIENT_PAGE_STAMP)(client)
    return stamps[client.pk]


def cached_panel(
    request: HttpRequest, client: Client, name: str, *, page: str, fresh: Callable[[], Panel]
) -> Panel:
    """The panel `fresh()` would give, rendered once per stamp and page and then cached."""

    def render() -> str:
        panel = fresh()
        return render_to_string(panel.template, {"panel": panel.context}, request=request)

    html = panel_html(client.pk, name, client_page_stamp(request, client), page, render)
    return Panel("clinic/_html_panel.html", {"html": html})


def client_panels_forget(client_id: int, names: Iterable[str] | None = None) -> None:
    """Drop the client's cached values named (by default every one: on erase)."""
    listed = settings.CLIENT_PAGE_CACHED_PANELS if names is None else names
    cache.delete_many([_key(client_id, name) for name in listed])

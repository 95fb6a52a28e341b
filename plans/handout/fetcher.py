"""The only way WeasyPrint may load anything while rendering a handout.

The handout template addresses its own resources under a host that does not exist
(`https://handout.invalid/`): `static/<path>` is read from the project's static
directories on disk, `logo` is the clinic's logo from the database, `figure/<n>` is an
exercise's own picture frozen in the handout's snapshot. Every other URL
(any other host, any other scheme, `file://`, `data:`, a path outside the static roots)
raises, so WeasyPrint skips the resource: a handout never embeds a server file or calls
out to the network, even if user text somehow became markup (it does not: it is escaped).
"""

from __future__ import annotations

import mimetypes
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from weasyprint.urls import URLFetcher, URLFetcherResponse

BASE_URL = "https://handout.invalid/"
STATIC_PREFIX = BASE_URL + "static/"
LOGO_URL = BASE_URL + "logo"
FIGURE_PREFIX = BASE_URL + "figure/"
# The program link's QR code (plans/program/qr.py), handed to the fetcher with the figures.
PROGRAM_QR_URL = BASE_URL + "program-qr.svg"
# Only what a handout uses; never fonts (DejaVu comes from the system, see docs/handout.md).
ALLOWED_SUFFIXES = {".css": "text/css", ".svg": "image/svg+xml", ".png": "image/png"}


class RefusedURL(ValueError):
    """WeasyPrint asked for something a handout may not load."""


@cache
def static_roots() -> tuple[tuple[str, Path], ...]:
    """(URL prefix, directory) for STATICFILES_DIRS and each installed app's static dir."""
    roots: list[tuple[str, Path]] = []
    for entry in settings.STATICFILES_DIRS:
        prefix, directory = entry if isinstance(entry, tuple) else ("", entry)
        roots.append((str(prefix).strip("/"), Path(directory).resolve()))
    for config in apps.get_app_configs():
        directory = Path(config.path) / "static"
        if directory.is_dir():
            roots.append(("", directory.resolve()))
    return tuple(roots)


def static_file(relative: str) -> Path:
    """The file on disk for a static path, or RefusedURL (no traversal, known types only)."""
    if "\\" in relative or "\x00" in relative or relative.startswith("/"):
        raise RefusedURL(f"Not a static path: {relative!r}")
    parts = relative.split("/")
    if any(part in {"", ".", ".."} for part in parts):
        raise RefusedURL(f"Not a static path: {relative!r}")
    if Path(relative).suffix.lower() not in ALLOWED_SUFFIXES:
        raise RefusedURL(f"Not a handout resource type: {relative!r}")
    for prefix, root in static_roots():
        rest = parts
        if prefix:
            prefix_parts = prefix.split("/")
            if parts[: len(prefix_parts)] != prefix_parts:
                continue
            rest = parts[len(prefix_parts) :]
        candidate = root.joinpath(*rest).resolve()
        # resolve() follows symlinks: a link pointing out of the root is refused too.
        if candidate.is_relative_to(root) and candidate.is_file():
            return candidate
    raise RefusedURL(f"No such static file: {relative!r}")


@cache
def _read(path: Path) -> bytes:
    """Static files do not change while a process runs; read each once."""
    return path.read_bytes()


class HandoutFetcher(URLFetcher):
    """Serves static files, the clinic logo and the snapshot's pictures; refuses the rest.

    `figures` maps each `figure/<n>` URL to its bytes and content type
    (plans.handout.figures.handout_figures). `requested` records every URL WeasyPrint asked
    for, in order (tests read it).
    """

    def __init__(
        self,
        *,
        logo: bytes = b"",
        logo_content_type: str = "",
        figures: Mapping[str, tuple[bytes, str]] | None = None,
    ) -> None:
        super().__init__(allowed_protocols={"https"}, allow_redirects=False)
        self._logo = logo
        self._logo_content_type = logo_content_type
        self._figures = dict(figures or {})
        self.requested: list[str] = []

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        self.requested.append(url)
        if url == LOGO_URL and self._logo and self._logo_content_type:
            return URLFetcherResponse(url, self._logo, {"Content-Type": self._logo_content_type})
        if url in self._figures:
            data, content_type = self._figures[url]
            return URLFetcherResponse(url, data, {"Content-Type": content_type})
        if url.startswith(STATIC_PREFIX) and "?" not in url and "#" not in url:
            path = static_file(url.removeprefix(STATIC_PREFIX))
            content_type = ALLOWED_SUFFIXES.get(path.suffix.lower()) or (
                mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            )
            return URLFetcherResponse(url, _read(path), {"Content-Type": content_type})
        raise RefusedURL(f"A handout may not load {url[:200]!r}")

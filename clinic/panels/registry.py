"""Sections that other apps contribute to the client page (visits, plans, ...).

The clinic app cannot import the apps built on top of it, so they are named in
settings.CLIENT_PAGE_PANELS as dotted paths to callables taking (request, client)
and returning a Panel.
"""

from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.module_loading import import_string

from clinic.models import Client


@dataclass(frozen=True)
class Panel:
    template: str
    context: dict[str, Any] = field(default_factory=dict)


def client_panels(request: HttpRequest, client: Client) -> list[Panel]:
    return [import_string(path)(request, client) for path in settings.CLIENT_PAGE_PANELS]

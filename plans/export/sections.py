"""Sections the apps built on plans add to a client's record exports (the JSON record and
the FHIR Bundle): the extension point, settings.CLIENT_RECORD_SECTIONS.

plans cannot import the apps built on it (episodes imports plans), so each names a
`RecordSection` by its dotted path there. A section loads its rows with the record in a
fixed number of queries (`load`; the export's query count stays flat), then writes its
key of the JSON document and its JSON Schema, and its FHIR entries, from what was loaded
and the record's visits, with no queries of its own.
"""

import datetime
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.utils.module_loading import import_string

from assessments.models import Assessment
from clinic.models import Client


@dataclass(frozen=True)
class FhirContext:
    """What a section's FHIR entries refer to: the entries' `fullUrl`s and the visits."""

    clinic_id: int
    patient: str
    organization: str
    visits: Sequence[Assessment]
    exported_at: datetime.datetime


@dataclass(frozen=True)
class RecordSection:
    # The document's key, after "visits"; its value is what `document` returns.
    key: str
    # The client's rows of this section (a fixed number of queries, whatever their number).
    load: Callable[[Client], Any]
    # (loaded, visits oldest first, the export's day) -> the key's value.
    document: Callable[[Any, Sequence[Assessment], datetime.date], Any]
    # The JSON Schema (draft 2020-12) of the key's value.
    schema: Callable[[], dict[str, Any]]
    # (loaded, context) -> Bundle entries ({"fullUrl", "resource"}), after the visits'.
    fhir: Callable[[Any, FhirContext], Iterator[dict[str, Any]]]


def record_sections() -> list[RecordSection]:
    """The sections named in settings.CLIENT_RECORD_SECTIONS, in that order."""
    found: list[RecordSection] = [import_string(path) for path in settings.CLIENT_RECORD_SECTIONS]
    return found

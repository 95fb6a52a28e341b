"""What a handout download needs, in one query: the inputs of the PDF and the stored copy.

A download usually serves a PDF rendered earlier. To know whether the stored copy is still
right it needs every input of the handout (docs/handout.md, "Caching"), and to answer it
needs the clinic and client ids (audit) and the client's name (file name). `handout_stamp_get`
reads all of that, scoped to the user's clinic, together with the version's stored PDF of
the asked kind, as one row of plain values: no model instances, no second query.

The version's items are not read: an issued version never changes (the plan services
refuse every change to it, `plans.services._locked`; a change is a new version with its
own id), so its id, number, status and lock stand for its items, message and override.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime
from typing import Any, NamedTuple
from weakref import WeakKeyDictionary

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import FilteredRelation, Q, QuerySet
from django.db.models.sql.compiler import SQLCompiler
from django.http import Http404

from clinic.selectors import AnyUser
from plans.handout.context import TEMPLATE_VERSION, HandoutNotReady, Progress, issuer_label
from plans.handout.progress import progress_key_inputs
from plans.models import PlanVersion, VersionStatus


class HandoutStamp(NamedTuple):
    """One issued version's handout inputs, with its stored PDF of one kind (or None)."""

    version_id: int
    number: int
    status: str
    lock: int
    message: str
    override_reason: str
    issued_at: datetime | None
    issued_by_id: int | None
    issuer_first_name: str | None
    issuer_last_name: str | None
    issuer_username: str | None
    issuer_title: str | None
    assessment_id: int
    assessment_version: int
    assessment_updated_at: datetime
    visit_date: date
    client_id: int
    given_name: str
    family_name: str
    date_of_birth: date | None
    sex: str
    clinic_id: int
    clinic_name: str
    clinic_address: str
    clinic_phone: str
    clinic_email: str
    clinic_website: str
    clinic_footer: str
    paper_size: str
    logo_content_type: str
    clinic_updated_at: datetime
    cutoff_overrides: Any
    cached_key: str | None
    cached_pdf: bytes | memoryview | None
    cached_pages: int | None
    with_progress: bool

    @property
    def therapist(self) -> tuple[str, str]:
        """(name, title) of who issued it, as the handout prints them."""
        if self.issued_by_id is None:
            return "", ""
        return issuer_label(
            self.issuer_first_name or "",
            self.issuer_last_name or "",
            self.issuer_username or "",
            self.issuer_title or "",
        )


_CLIENT = "plan__assessment__client__"
_CLINIC = _CLIENT + "clinic__"
# The ORM path of each HandoutStamp field in order, but the last (with_progress, the ask).
COLUMNS = (
    *("id", "number", "status", "lock", "message", "override_reason", "issued_at"),
    *("issued_by_id", "issued_by__first_name", "issued_by__last_name"),
    *("issued_by__username", "issued_by__membership__title"),
    *("plan__assessment_id", "plan__assessment__version", "plan__assessment__updated_at"),
    "plan__assessment__visit_date",
    *("plan__assessment__client_id", f"{_CLIENT}given_name", f"{_CLIENT}family_name"),
    *(f"{_CLIENT}date_of_birth", f"{_CLIENT}sex", "plan__assessment__client__clinic_id"),
    *(f"{_CLINIC}{name}" for name in ("name", "address", "phone", "email", "website")),
    *(f"{_CLINIC}{name}" for name in ("handout_footer", "paper_size", "logo_content_type")),
    *(f"{_CLINIC}updated_at", f"{_CLINIC}cutoff_overrides"),
    *("cached__key", "cached__pdf", "cached__pages"),
)
if len(COLUMNS) != len(HandoutStamp._fields) - 1:  # pragma: no cover - a typing slip
    raise RuntimeError("plans.handout.stamp: COLUMNS and HandoutStamp disagree")


# Stand-ins for the user and the version while the query is compiled (never real ids:
# ids are positive); each request puts its own values in their places.
_USER, _VERSION = -7_000_001, -7_000_002
_MAX_ID = 2**63 - 1  # BigAutoField: a larger number in the URL names no version


def _stamp_queryset(user_id: int, pk: int, with_progress: bool) -> QuerySet[PlanVersion]:
    """The stamp's query, in the ORM, scoped to the user's clinic like every plan read."""
    from plans.selectors import plan_versions_of_user_id

    stored = FilteredRelation(
        "handout_pdfs", condition=Q(handout_pdfs__with_progress=with_progress)
    )
    return (
        plan_versions_of_user_id(user_id)
        .annotate(cached=stored)
        .filter(pk=pk)
        .order_by()
        .values_list(*COLUMNS)
    )


class _Compiled(NamedTuple):
    sql: str
    params: tuple[Any, ...]
    compiler: SQLCompiler
    converters: dict[int, Any]


# Compiling a 35-column, 8-join query cost a download more Python than the rest of the
# request together (docs/handout.md, "Cached download"), and its SQL is the same every
# time: compile it once per connection object (one a thread) and kind, keep Django's own
# converters for the values (dates on SQLite, JSON), and run it with each request's ids.
_COMPILED: WeakKeyDictionary[BaseDatabaseWrapper, dict[bool, _Compiled]] = WeakKeyDictionary()


def _compiled(db: BaseDatabaseWrapper, with_progress: bool) -> _Compiled:
    by_kind = _COMPILED.setdefault(db, {})
    if with_progress not in by_kind:
        query = _stamp_queryset(_USER, _VERSION, with_progress).query
        compiler = query.get_compiler(connection=db)
        sql, params = compiler.as_sql()
        if list(params).count(_USER) != 1 or list(params).count(_VERSION) != 1:
            raise RuntimeError("plans.handout.stamp: unexpected query parameters")
        converters = compiler.get_converters([column for column, _, _ in compiler.select])
        by_kind[with_progress] = _Compiled(sql, tuple(params), compiler, converters)
    return by_kind[with_progress]


def _stamp_row(user_id: int, pk: int, with_progress: bool) -> list[Any] | None:
    db = connections[DEFAULT_DB_ALIAS]  # this thread's connection object
    compiled = _compiled(db, with_progress)
    ids = {_USER: user_id, _VERSION: pk}
    params = [ids.get(param, param) if type(param) is int else param for param in compiled.params]
    with db.cursor() as cursor:
        cursor.execute(compiled.sql, params)
        row = cursor.fetchone()
    if row is None:
        return None
    return next(iter(compiled.compiler.apply_converters([row], compiled.converters)))


def handout_stamp_get(user: AnyUser, pk: int, *, with_progress: bool = False) -> HandoutStamp:
    """The stamp of an issued version of the user's clinic; 404 for any other version.

    One query. `with_progress` picks which stored PDF comes along (a version keeps at most
    one of each kind: plans.models.handout).
    """
    row = None
    if user.is_authenticated and 0 < pk <= _MAX_ID:
        row = _stamp_row(user.pk, pk, with_progress)
    if row is None:
        raise Http404("No such plan version in your clinic.")
    stamp = HandoutStamp._make((*row, with_progress))
    if stamp.status != VersionStatus.ISSUED:
        raise HandoutNotReady
    return stamp


def handout_key(stamp: HandoutStamp, progress: Progress = None) -> str:
    """SHA-256 of every input of the handout.

    `progress`: the charts of the optional progress page, or None for a handout without it.
    """
    inputs: dict[str, Any] = {
        "template": TEMPLATE_VERSION,
        "progress": None if progress is None else progress_key_inputs(progress),
        "version": [stamp.version_id, stamp.number, stamp.status, stamp.lock],
        "issued": [str(stamp.issued_at), stamp.issued_by_id, *stamp.therapist],
        "message": stamp.message,
        "override": stamp.override_reason,
        # Findings (and so the referral) follow from the assessment's values, its clinic's
        # cut-offs and the client's age and sex: keyed by those, not interpreted again.
        "assessment": [
            stamp.assessment_id,
            stamp.assessment_version,
            str(stamp.assessment_updated_at),
        ],
        "visit": str(stamp.visit_date),
        "cutoffs": stamp.cutoff_overrides,
        "client": [
            stamp.client_id,
            stamp.given_name,
            stamp.family_name,
            str(stamp.date_of_birth),
            stamp.sex,
        ],
        "clinic": [
            stamp.clinic_id,
            stamp.clinic_name,
            stamp.clinic_address,
            stamp.clinic_phone,
            stamp.clinic_email,
            stamp.clinic_website,
            stamp.clinic_footer,
            stamp.paper_size,
            stamp.logo_content_type,
            # The logo changes only through a save (the clinic admin), which moves
            # updated_at; keying on it spares every download the logo's bytes.
            str(stamp.clinic_updated_at),
        ],
    }
    encoded = json.dumps(inputs, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(encoded.encode()).hexdigest()

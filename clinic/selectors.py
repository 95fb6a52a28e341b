"""Reads, always scoped to what the requesting user may see."""

import datetime
import re
from collections.abc import Sequence
from typing import TypeAlias

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.core.paginator import Page, Paginator
from django.db.models import Count, Q, QuerySet, Subquery, Window
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from clinic.models import AuditEntry, Client, Clinic, Membership

_YEAR = re.compile(r"^(19|20)\d\d$")
_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y")

AnyUser: TypeAlias = AbstractBaseUser | AnonymousUser


def membership_for(user: AnyUser) -> Membership | None:
    """The user's clinic membership (with the clinic), or None for users outside any clinic."""
    if not user.is_authenticated:
        return None
    # Every page reads this (the navigation). The logo (up to CLINIC_LOGO_MAX_BYTES) is
    # used only by handouts and the branding page: loading it here cost 2.8 ms a page
    # for a 400 KB logo (docs/performance.md).
    return (
        Membership.objects.select_related("clinic")
        .defer("clinic__logo")
        .filter(user_id=user.pk)
        .first()
    )


def clients_for(user: AnyUser) -> QuerySet[Client]:
    """Every client of the user's clinic; empty for anyone without a membership."""
    if not user.is_authenticated:
        return Client.objects.none()
    return Client.objects.filter(clinic__memberships__user_id=user.pk)


def client_get(user: AnyUser, pk: int) -> Client:
    """One client of the user's clinic; another clinic's client is a 404, like a missing one."""
    return get_object_or_404(
        clients_for(user).select_related("clinic", "consent_recorded_by").defer("clinic__logo"),
        pk=pk,
    )


def client_of_membership(membership: Membership | None, pk: int) -> Client:
    """client_get for a view that has the user's membership already (the client page):
    the query needs no join through the memberships, and the client's clinic is the
    membership's, not a second copy. Another clinic's client is a 404, like a missing one."""
    if membership is None:
        raise Http404("No client found.")
    client = get_object_or_404(
        Client.objects.select_related("consent_recorded_by"), pk=pk, clinic_id=membership.clinic_id
    )
    client.clinic = membership.clinic
    return client


def parse_birth_date(text: str) -> datetime.date | None:
    """Read a date of birth typed as 1985-03-07, 07/03/1985 or 07.03.1985."""
    for fmt in _DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def client_search(
    user: AnyUser, *, query: str = "", include_archived: bool = False
) -> QuerySet[Client]:
    """Clients matching every word of the query by name, or a date or year of birth."""
    clients = clients_for(user)
    if not include_archived:
        clients = clients.filter(archived=False)
    query = query.strip()
    if not query:
        return clients
    birth_date = parse_birth_date(query)
    if birth_date is not None:
        return clients.filter(date_of_birth=birth_date)
    if _YEAR.match(query):
        return clients.filter(date_of_birth__year=int(query))
    for word in query.split()[:5]:
        clients = clients.filter(
            Q(given_name__icontains=word)
            | Q(family_name__icontains=word)
            | Q(preferred_name__icontains=word)
        )
    return clients


# Past the last page anyway (25 x 10^6 clients), and keeps OFFSET within a bigint.
_MAX_PAGE = 1_000_000


def _page_number(text: str | None) -> int:
    """The page asked for, as Paginator.get_page reads it: anything that is not a number is
    the first page; a number below 1, like one past the end, the last (_MAX_PAGE)."""
    try:
        number = int(text or 1)
    except ValueError:
        return 1
    return _MAX_PAGE if number < 1 else min(number, _MAX_PAGE)


# What the client list shows of each client (its link also needs the id, always read).
LIST_COLUMNS = (
    "family_name",
    "given_name",
    "preferred_name",
    "date_of_birth",
    "last_visit_on",
    "archived",
)


def client_list_page(
    clients: QuerySet[Client], number: str | None, per_page: int, *, searched: bool
) -> Page:
    """One page of `clients`, reading only LIST_COLUMNS, with the number of matches.

    The plain list reads its page in index order (clinic, archived, names) and counts from
    the same index: two cheap queries. A search has to look at every client of the clinic
    anyway, so its rows and count come from one query (`COUNT(*) OVER ()`) rather than
    two scans; for the plain list that would read and sort every client instead of 25.
    A page past the end shows the last page, as Paginator.get_page does.
    """
    rows = clients.only(*LIST_COLUMNS)
    if not searched:
        return Paginator(rows, per_page).get_page(number)
    wanted = _page_number(number)

    def fetch(page: int) -> tuple[Sequence[Client], int]:
        """The page's clients and the number of matches."""
        start = (page - 1) * per_page
        found = list(rows.annotate(matches=Window(Count("pk")))[start : start + per_page])
        return found, found[0].matches if found else 0

    found, matches = fetch(wanted)
    if not found and wanted > 1:
        wanted = max(1, -(-rows.count() // per_page))  # the last page
        found, matches = fetch(wanted)
    paginator = Paginator(rows, per_page)
    paginator.count = matches  # known: Paginator need not count
    return Page(found, wanted, paginator)


def staff_for(user: AnyUser) -> QuerySet[Membership]:
    """The memberships (with their users) of the user's clinic, by name."""
    if not user.is_authenticated:
        return Membership.objects.none()
    return (
        Membership.objects.filter(clinic__memberships__user_id=user.pk)
        .select_related("user", "clinic")
        .order_by("user__last_name", "user__first_name", "user__username")
    )


def staff_get(user: AnyUser, user_pk: int) -> Membership:
    """One staff member of the user's clinic, by user id; any other user is a 404."""
    # user__pk, not user_id: the primary key's lookup treats an id beyond the column's
    # range as no match (user_id passed it through to SQLite, which raised OverflowError).
    return get_object_or_404(staff_for(user), user__pk=user_pk)


def clinic_for(user: AnyUser) -> Clinic:
    """The user's own clinic (without the logo's bytes); 404 for anyone in no clinic."""
    if not user.is_authenticated:
        raise Http404("Not a member of any clinic.")
    return get_object_or_404(Clinic.objects.defer("logo"), memberships__user_id=user.pk)


def client_names_for(user: AnyUser) -> list[tuple[int, str]]:
    """(id, "Family, Given") of every client of the user's clinic, archived ones too."""
    rows = (
        clients_for(user)
        .order_by("family_name", "given_name", "pk")
        .values_list("pk", "family_name", "given_name")
    )
    return [(pk, f"{family}, {given}") for pk, family, given in rows]


def _day_start(day: datetime.date) -> datetime.datetime:
    """Midnight at the start of the day in the current time zone (keeps the index usable)."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def audit_entries_for(
    user: AnyUser,
    *,
    client_id: int | None = None,
    actor_id: int | None = None,
    date_from: datetime.date | None = None,
    date_to: datetime.date | None = None,
) -> QuerySet[AuditEntry]:
    """The audit entries of the user's clinic, newest first, narrowed by the filters given.

    Dates are whole days in the current time zone, both ends included.
    """
    if not user.is_authenticated:
        return AuditEntry.objects.none()
    # The clinic as a value (a one-row subquery), not a join through memberships, so the
    # (clinic, -at, -id) index serves "newest first" directly (docs/performance.md).
    clinic = Membership.objects.filter(user_id=user.pk).values("clinic_id")[:1]
    entries = AuditEntry.objects.filter(clinic_id=Subquery(clinic))
    if client_id is not None:
        entries = entries.filter(client_id=client_id)
    if actor_id is not None:
        entries = entries.filter(actor_id=actor_id)
    if date_from is not None:
        entries = entries.filter(at__gte=_day_start(date_from))
    if date_to is not None:
        entries = entries.filter(at__lt=_day_start(date_to + datetime.timedelta(days=1)))
    return entries.order_by("-at", "-pk")

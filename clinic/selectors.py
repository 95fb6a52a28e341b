"""Reads, always scoped to what the requesting user may see."""

import datetime
import re
from typing import TypeAlias

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from clinic.models import Client, Membership

_YEAR = re.compile(r"^(19|20)\d\d$")
_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y")

AnyUser: TypeAlias = AbstractBaseUser | AnonymousUser


def membership_for(user: AnyUser) -> Membership | None:
    """The user's clinic membership (with the clinic), or None for users outside any clinic."""
    if not user.is_authenticated:
        return None
    return Membership.objects.select_related("clinic").filter(user_id=user.pk).first()


def clients_for(user: AnyUser) -> QuerySet[Client]:
    """Every client of the user's clinic; empty for anyone without a membership."""
    if not user.is_authenticated:
        return Client.objects.none()
    return Client.objects.filter(clinic__memberships__user_id=user.pk)


def client_get(user: AnyUser, pk: int) -> Client:
    """One client of the user's clinic; another clinic's client is a 404, like a missing one."""
    return get_object_or_404(
        clients_for(user).select_related("clinic", "consent_recorded_by"), pk=pk
    )


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

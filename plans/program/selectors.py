"""Reads for the program link: the link behind a token, its program as the client sees it,
and what the therapist sees (scoped to the clinic)."""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.db.models import Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from clinic.models import Client
from plans.models import ProgramDay, ProgramLink, ProgramTick
from plans.program import tokens
from plans.program.adherence import (
    WEEK,
    Adherence,
    Exercise,
    Pain,
    adherence,
    followed_between,
    is_low,
    pain,
)

RELATED = ("version__plan__assessment__client__clinic", "version__snapshot", "reminder")
# The logos (clinic and snapshot, up to 512 KB each) are not shown on the program page.
UNREAD = ("version__plan__assessment__client__clinic__logo", "version__snapshot__logo")


def link_for_token(token: str) -> ProgramLink | None:
    """The link a token opens, ended or not; None for any other text (one lookup either way)."""
    found = ProgramLink.objects.select_related(*RELATED).defer(*UNREAD)
    found = found.filter(digest=tokens.digest_of(token))
    return found.first()


def token_of(link: ProgramLink) -> str:
    return tokens.token_for(link.salt, settings.SECRET_KEY)


def is_open(link: ProgramLink, now: datetime.datetime | None = None) -> bool:
    return link.ended_at is None and (now or timezone.now()) < link.expires_at


def content(link: ProgramLink) -> dict[str, Any]:
    """The version's handout as issued (its snapshot): what the program page shows."""
    return dict(link.version.snapshot.content)


def exercises(link: ProgramLink) -> list[Exercise]:
    return [
        Exercise(
            str(ex.get("slug", "")),
            str(ex.get("name", "")),
            ex.get("times_per_day"),
            ex.get("days_per_week"),
        )
        for ex in content(link).get("exercises", [])
        if ex.get("slug")
    ]


def open_days(link: ProgramLink, today: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The first and last day the client can record: from the issue to today, while open."""
    first = timezone.localdate(link.created_at)
    ended = link.ended_at or link.expires_at
    last = min(today, timezone.localdate(ended))
    return first, max(first, last)


@dataclass(frozen=True)
class ProgramSummary:
    """One version's program for the therapist: the link's state, adherence, pain, notes."""

    link: ProgramLink
    open: bool
    adherence: Adherence
    days: list[tuple[datetime.date, int | None, str]]  # newest first


def summary(link: ProgramLink, today: datetime.date | None = None) -> ProgramSummary:
    today = today or timezone.localdate()
    first, last = open_days(link, today)
    ticks = [(tick.slug, tick.day) for tick in link.ticks.all()]
    days = sorted(((d.day, d.pain, d.note) for d in link.days.all()), reverse=True)
    return ProgramSummary(
        link, is_open(link), adherence(exercises(link), ticks, first, last), days
    )


LOW_MARK = "Home program under half done"


def low_adherence_marks(client_ids: Sequence[int]) -> dict[int, str]:
    """The client list's marks (settings.CLIENT_LIST_MARKS): of these clients, those whose
    open program has been done under half as often as planned so far. One query, counting
    ticks against the link's planned sessions a week (no snapshot read)."""
    if not client_ids:
        return {}
    now = timezone.now()
    today = timezone.localdate(now)
    rows = (
        ProgramLink.objects.filter(
            version__plan__assessment__client_id__in=list(client_ids),
            ended_at__isnull=True,
            expires_at__gt=now,
            planned_per_week__gt=0,
        )
        .annotate(done=Count("ticks"))
        .values_list(
            "version__plan__assessment__client_id", "created_at", "planned_per_week", "done"
        )
    )
    marks = {}
    for client_id, created_at, per_week, done in rows:
        days = (today - timezone.localdate(created_at)).days + 1
        if is_low(done, per_week * days / WEEK, days):
            marks[client_id] = LOW_MARK
    return marks


def links_for_client(user: User, client: Client) -> QuerySet[ProgramLink]:
    """A client's program links, newest first, in the user's clinic (client already scoped)."""
    return (
        ProgramLink.objects.filter(
            version__plan__assessment__client=client,
            version__plan__assessment__client__clinic__memberships__user=user,
        )
        .select_related(*RELATED)
        .defer(*UNREAD)
        .prefetch_related("ticks", "days")
        .order_by("-created_at")
    )


def link_get(user: User, pk: int) -> ProgramLink:
    """A link in the user's clinic; 404 otherwise."""
    scoped = ProgramLink.objects.filter(
        version__plan__assessment__client__clinic__memberships__user=user
    ).select_related(*RELATED)
    return get_object_or_404(scoped.defer(*UNREAD), pk=pk)


@dataclass(frozen=True)
class FollowedProgram:
    """A program the client followed between two visits, over the days it was followed."""

    link: ProgramLink
    first: datetime.date
    last: datetime.date
    adherence: Adherence
    pain: Pain
    notes: list[tuple[datetime.date, str]]  # newest first


def programs_between(
    user: User,
    client: Client,
    since: datetime.date,
    until: datetime.date,
    today: datetime.date | None = None,
) -> list[FollowedProgram]:
    """The programs the client followed from the day of one visit (`since`) to the day
    before the next (`until`), oldest first (adherence.followed_between has the rule).

    Three queries whatever the number of ticks (one when there is no link): the links
    issued before `until` that did not end before `since`, with their snapshots, and their
    ticks and days within those dates.
    """
    today = today or timezone.localdate()
    within = Q(day__gte=since, day__lt=until)
    ticks = ProgramTick.objects.filter(within).only("link", "slug", "day")
    links = (
        ProgramLink.objects.filter(
            version__plan__assessment__client=client,
            version__plan__assessment__client__clinic__memberships__user=user,
            created_at__date__lt=until,
        )
        .exclude(ended_at__date__lt=since)
        .exclude(ended_at__isnull=True, expires_at__date__lt=since)
        .select_related("version__snapshot")
        .defer("version__snapshot__logo")
        .prefetch_related(
            Prefetch("ticks", queryset=ticks),
            Prefetch("days", queryset=ProgramDay.objects.filter(within)),
        )
        .order_by("created_at", "pk")
    )
    followed = []
    for link in links:
        days = followed_between(*open_days(link, today), since, until)
        if days is None:
            continue
        first, last = days
        done = [(tick.slug, tick.day) for tick in link.ticks.all()]
        rows = sorted(((d.day, d.pain, d.note) for d in link.days.all()), reverse=True)
        followed.append(
            FollowedProgram(
                link,
                first,
                last,
                adherence(exercises(link), done, first, last),
                pain(((day, rating) for day, rating, _ in rows), first, last),
                [(day, note) for day, _, note in rows if note and first <= day <= last],
            )
        )
    return followed

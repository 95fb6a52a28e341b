"""Reads of episodes, scoped to the requesting user's clinic, and the visits each holds."""

import datetime
from collections.abc import Sequence

from django.db.models import Count, F, Q, QuerySet
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils import timezone

from assessments.models import Assessment, Status
from clinic.models import Client
from clinic.selectors import AnyUser
from episodes.due import DUE_MARK, reassessment_due
from episodes.models import Episode, EpisodeStatus


def episodes_for(user: AnyUser) -> QuerySet[Episode]:
    """Every episode of the user's clinic's clients."""
    if not user.is_authenticated:
        return Episode.objects.none()
    return Episode.objects.filter(client__clinic__memberships__user_id=user.pk)


def episode_get(user: AnyUser, pk: int) -> Episode:
    """One episode of the user's clinic with its client and goals; else 404."""
    return get_object_or_404(
        episodes_for(user)
        .select_related("client__clinic")
        .defer("client__clinic__logo")  # only the letter shows it (letter_clinic)
        .prefetch_related("goals"),
        pk=pk,
    )


def current_episode(client: Client) -> Episode | None:
    """The client's open episode, else their latest discharged one (client already scoped)."""
    return (
        client.episodes.prefetch_related("goals")
        .order_by(F("discharged_on").desc(nulls_first=True), "-started_on", "-pk")
        .first()
    )


def latest_discharge(client: Client) -> datetime.date | None:
    found = client.episodes.filter(status=EpisodeStatus.DISCHARGED).order_by("-discharged_on")
    return found.values_list("discharged_on", flat=True).first()


def episode_visits(episode: Episode) -> list[Assessment]:
    """The episode's finalised visits, oldest first: the client's visits dated from the
    episode's start to its discharge (docs/episodes.md, "Which visits belong")."""
    visits = Assessment.objects.filter(
        client_id=episode.client_id, status=Status.FINAL, visit_date__gte=episode.started_on
    )
    if episode.discharged_on is not None:
        visits = visits.filter(visit_date__lte=episode.discharged_on)
    visits = visits.select_related("client", "therapist").order_by("visit_date", "pk")
    return list(visits)


def sessions_since_assessment(episode: Episode, visits: Sequence[Assessment]) -> int:
    """Visits after the last reassessment, or after the first assessment (the start date)."""
    since = episode.reassessed_on or episode.started_on
    return sum(1 for visit in visits if visit.visit_date > since)


def reassessment_marks(client_ids: Sequence[int]) -> dict[int, str]:
    """The client list's marks (settings.CLIENT_LIST_MARKS): of these clients, those whose
    open episode is due a reassessment. One query: each open episode with the number of
    finalised visits since its last assessment."""
    if not client_ids:
        return {}
    after = Coalesce(F("reassessed_on"), F("started_on"))
    since = Count(
        "client__assessments",
        filter=Q(
            client__assessments__status=Status.FINAL,
            client__assessments__visit_date__gt=after,
        ),
    )
    rows = (
        Episode.objects.filter(client_id__in=list(client_ids), status=EpisodeStatus.OPEN)
        .annotate(since=since)
        .values_list("client_id", "since", "reassess_every", "reassess_on", "reassessed_on")
    )
    today = timezone.localdate()
    marks = {}
    for client_id, count, every, on, reassessed_on in rows:
        due = reassessment_due(
            sessions_since=count, every=every, on=on, reassessed_on=reassessed_on, today=today
        )
        if due.due:
            marks[client_id] = DUE_MARK
    return marks

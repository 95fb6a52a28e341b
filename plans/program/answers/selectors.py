"""Reads for the client's answers: what the program page's form asks and holds, and the
answers a therapist is offered (scoped to the clinic)."""

import datetime
from typing import Any

from django.contrib.auth.models import User
from django.db.models import Exists, QuerySet

from assessments.models import Measurement
from clinic.models import Client
from plans.models import ProgramAnswers, ProgramLink
from plans.program.answers.forms import PSFS_MAX, AnswersForm

PSFS_CODES = [f"psfs_activity_{n}" for n in range(1, PSFS_MAX + 1)]


def activities_of(link: ProgramLink) -> list[str]:
    """The client's PSFS activities as recorded at the visit the program was issued at, in
    their order (one query): the client scores these, without typing them again."""
    rows = Measurement.objects.filter(
        assessment_id=link.version.plan.assessment_id, item__in=PSFS_CODES
    ).values_list("item", "text")
    named = dict(rows.order_by())
    return [named[code] for code in PSFS_CODES if named.get(code, "").strip()]


def open_answers(link: ProgramLink) -> ProgramAnswers | None:
    """The link's answers not yet used in a visit, if the client sent some (one query)."""
    return ProgramAnswers.objects.filter(link=link, used_at__isnull=True).first()


def _initial(answers: ProgramAnswers | None, activities: list[str]) -> dict[str, Any]:
    if answers is None:
        return {}
    initial: dict[str, Any] = {
        "pain_now": answers.pain_now,
        "pain_worst": answers.pain_worst,
        "since_last_visit": answers.since_last_visit,
    }
    slots = {name.casefold(): n for n, name in enumerate(activities, 1)}
    for entry in answers.psfs:
        n = slots.get(str(entry["activity"]).casefold())
        if n is None:
            initial["new_activity"], initial["new_score"] = entry["activity"], entry["score"]
        else:
            initial[f"psfs_{n}"] = entry["score"]
    return initial


def answers_context(link: ProgramLink, form: AnswersForm | None) -> dict[str, Any]:
    """The program page's "Before your next visit" section: the form (as sent, if it had
    errors; else holding the answers already sent) and when they were sent."""
    answers = open_answers(link)
    if form is None:
        activities = activities_of(link)
        form = AnswersForm(initial=_initial(answers, activities), activities=activities)
    return {"answers": answers, "answers_form": form}


def answers_for_client(user: User, client: Client) -> QuerySet[ProgramAnswers]:
    """A client's answers sent through any of their links, newest first, in the user's
    clinic (the client already scoped by the caller)."""
    return (
        ProgramAnswers.objects.filter(
            link__version__plan__assessment__client=client,
            link__version__plan__assessment__client__clinic__memberships__user=user,
        )
        .select_related("link__version__plan__assessment__client", "used_in")
        .defer("link__version__plan__assessment__client__notes")
        .order_by("-submitted_at", "-pk")
    )


def client_answered(client: Client) -> Exists:
    """Whether the client ever sent answers, as an annotation for a query the page runs
    anyway (the home program panel's link): the answers' own query, which joins five
    tables, then runs only for a client who answered."""
    return Exists(ProgramAnswers.objects.filter(link__version__plan__assessment__client=client))


def answers_to_offer(
    user: User, client: Client, since: datetime.date | None
) -> ProgramAnswers | None:
    """The newest answers not yet used in a visit and sent on or after the last visit's
    day (`since`; any when there is none): what the next visit is offered. One query."""
    found = answers_for_client(user, client).filter(used_at__isnull=True)
    if since is not None:
        found = found.filter(submitted_at__date__gte=since)
    return found.first()

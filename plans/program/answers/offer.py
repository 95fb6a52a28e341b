"""The client's answers offered to the therapist's next visit (settings.VISIT_START_OFFERS;
assessments/start_offers.py), and the client page's panel of them.

Design: the assessments app must not import this app, so it names an extension point, as
the client page does for its panels: the "New visit" page asks each registered provider
for a StartOffer and shows it as a checkbox, ticked by default; starting the visit with it
ticked calls the offer's `accept` on the new draft inside the start's own transaction. The
values go in through the assessments app's own write (assessments/from_client.py), which
marks each one "from the client on <day>" as copy-forward marks what it carries; this app
only decides which catalogue items the answers are and marks them used.
"""

import datetime
from decimal import Decimal
from typing import cast

from django.contrib.auth.models import User
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.dateformat import format as date_format

from assessments.from_client import assessment_fill_from_client
from assessments.models import Assessment
from assessments.start_offers import StartOffer
from assessments.values import Key, Value
from clinic.models import Client
from clinic.panels.registry import Panel
from plans.models import SINCE_CHOICES, ProgramAnswers
from plans.models.answers import PSFS_MAX
from plans.program.answers import selectors, services

FIELD = "client_answers"
TEMPLATE = "plans/program/_answers_offer.html"


def answers_values(answers: ProgramAnswers, draft: dict[Key, str]) -> dict[Key, Value]:
    """The answers as catalogue values for a draft holding `draft`: each PSFS activity
    scored in the slot holding the same activity (its name as the client saw it), else in
    the first free slot; an activity with no slot left is not filled."""
    values: dict[Key, Value] = {}
    if answers.pain_now is not None:
        values[("pain_now", "")] = Decimal(answers.pain_now)
    if answers.pain_worst is not None:
        values[("pain_worst_24h", "")] = Decimal(answers.pain_worst)
    if answers.since_last_visit:
        values[("since_last_visit", "")] = answers.since_last_visit
    slots = {
        str(draft.get((f"psfs_activity_{n}", ""), "")).strip().casefold(): n
        for n in range(1, PSFS_MAX + 1)
    }
    free = [n for n in range(1, PSFS_MAX + 1) if not draft.get((f"psfs_activity_{n}", ""))]
    for entry in answers.psfs:
        activity = str(entry["activity"])
        n = slots.get(activity.strip().casefold()) or (free.pop(0) if free else None)
        if n is not None:
            values[(f"psfs_activity_{n}", "")] = activity
            values[(f"psfs_score_{n}", "")] = Decimal(str(entry["score"]))
    return values


def _accept(actor: User, answers_pk: int, assessment: Assessment) -> None:
    """Fill the new draft with the answers and mark them used (once: a second start that
    finds them used fills nothing)."""
    with transaction.atomic():
        answers = (
            ProgramAnswers.objects.select_for_update()
            .select_related("link__version__plan__assessment__client")
            .get(pk=answers_pk)
        )
        if not answers.is_open:
            return
        draft = {(m.item, m.side): str(m.stored) for m in assessment.measurements.all()}
        assessment_fill_from_client(
            actor=actor,
            assessment=assessment,
            values=answers_values(answers, draft),
            reported_on=timezone.localdate(answers.submitted_at),
        )
        services.program_answers_use(actor=actor, answers=answers, assessment=assessment)


def answers_rows(answers: ProgramAnswers) -> list[tuple[str, str]]:
    """The answers as the therapist reads them: (question, answer)."""
    rows = []
    if answers.pain_now is not None:
        rows.append(("Pain now", f"{answers.pain_now}/10"))
    if answers.pain_worst is not None:
        rows.append(("Worst pain, last 24 hours", f"{answers.pain_worst}/10"))
    if answers.since_last_visit:
        rows.append(("Since the last visit", dict(SINCE_CHOICES)[answers.since_last_visit]))
    rows += [(f"PSFS: {entry['activity']}", f"{entry['score']}/10") for entry in answers.psfs]
    return rows


def answers_offer(
    request: HttpRequest, client: Client, previous: Assessment | None
) -> StartOffer | None:
    """The client's newest answers sent since the last visit and not yet used, if any."""
    actor = cast(User, request.user)  # a signed-in page
    since = previous.visit_date if previous is not None else None
    answers = selectors.answers_to_offer(actor, client, since)
    if answers is None:
        return None
    day: datetime.date = timezone.localdate(answers.submitted_at)
    return StartOffer(
        field=FIELD,
        value=str(answers.pk),
        label=f"Fill in the answers the client sent on {date_format(day, 'j M Y')}, as theirs",
        panel=Panel(TEMPLATE, {"answers": answers, "day": day, "rows": answers_rows(answers)}),
        accept=lambda assessment: _accept(actor, answers.pk, assessment),
        shown=lambda: services.program_answers_shown(
            actor=actor, answers=answers, where="start visit"
        ),
    )

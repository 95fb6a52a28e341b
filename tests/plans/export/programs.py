"""A visit whose issued plan the client followed on their phone, for the export tests."""

import datetime
import uuid

from django.contrib.auth.models import User

from assessments.models import Assessment
from clinic.models import Client
from plans.models import ProgramAnswers, ProgramDay, ProgramLink, ProgramTick
from plans.program.answers.services import program_answers_send, program_answers_use
from plans.services import plan_build, plan_issue
from tests.assessments.factories import recorded_assessment
from tests.plans.fixtures import TYPICAL

OPENED = datetime.datetime(2026, 10, 5, 10, tzinfo=datetime.UTC)
# Exported on 20 Nov: the link, open since 5 Oct, is counted over 47 days (7 weeks, the
# last one of 5 days).
DAYS_COUNTED = 47


def followed_program(therapist: User, client: Client) -> ProgramLink:
    """The link of a plan issued on 5 Oct: 3 sessions of its first exercise ticked (5, 6
    and 13 Oct), pain and a note on 6 Oct, a note alone on 13 Oct."""
    visit = recorded_assessment(
        actor=therapist, client=client, values=TYPICAL, visit_date=OPENED.date()
    )
    version = plan_build(actor=therapist, assessment=visit)
    version = plan_issue(actor=therapist, version=version, expected_lock=version.lock)
    ProgramLink.objects.filter(version=version).update(
        created_at=OPENED, expires_at=OPENED + datetime.timedelta(weeks=12)
    )
    link = ProgramLink.objects.select_related("version__snapshot").get(version=version)
    slug = link.version.snapshot.content["exercises"][0]["slug"]
    for day in (5, 6, 13):
        ProgramTick.objects.create(
            link=link, slug=slug, day=datetime.date(2026, 10, day), uid=uuid.uuid4()
        )
    ProgramDay.objects.create(
        link=link, day=datetime.date(2026, 10, 6), pain=4, note="Tight after work"
    )
    ProgramDay.objects.create(link=link, day=datetime.date(2026, 10, 13), note="Missed a day")
    return link


SENT = datetime.datetime(2026, 10, 30, 19, 5, tzinfo=datetime.UTC)


def answered(therapist: User, link: ProgramLink, later: Assessment) -> list[ProgramAnswers]:
    """Two sets of the client's answers on the link's page: the first sent on 30 Oct and
    taken into the draft `later`, the second sent a day after and not used yet."""
    first = program_answers_send(
        link=link,
        pain_now=3,
        pain_worst=5,
        since_last_visit="better",
        psfs=[{"activity": "Sitting at work", "score": 6}, {"activity": "Cycling", "score": 4}],
    )
    program_answers_use(actor=therapist, answers=first, assessment=later)
    second = program_answers_send(
        link=link, pain_now=None, pain_worst=2, since_last_visit="", psfs=[]
    )
    ProgramAnswers.objects.filter(pk=first.pk).update(submitted_at=SENT, used_at=SENT)
    ProgramAnswers.objects.filter(pk=second.pk).update(
        submitted_at=SENT + datetime.timedelta(days=1)
    )
    return [first, second]

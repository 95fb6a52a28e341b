"""A visit whose issued plan the client followed on their phone, for the export tests."""

import datetime
import uuid

from django.contrib.auth.models import User

from clinic.models import Client
from plans.models import ProgramDay, ProgramLink, ProgramTick
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

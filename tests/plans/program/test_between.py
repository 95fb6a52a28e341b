"""The comparison of two visits shows the home program the client followed between them."""

import datetime
import uuid

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client as HttpClient
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from assessments.models import Assessment
from clinic.models import Client
from plans.models import PlanVersion, ProgramDay, ProgramLink, ProgramTick
from plans.services import plan_build, plan_issue
from tests.assessments.factories import recorded_assessment
from tests.plans.fixtures import TYPICAL

FIRST = datetime.date(2026, 10, 5)
SECOND = FIRST + datetime.timedelta(days=21)  # three whole weeks between the visits


def _day(offset: int) -> datetime.date:
    return FIRST + datetime.timedelta(days=offset)


@pytest.fixture
def issued(therapist: User, client_record: Client) -> PlanVersion:
    """The first visit's plan, issued on the day of that visit."""
    visit = recorded_assessment(
        actor=therapist, client=client_record, values=TYPICAL, visit_date=FIRST
    )
    version = plan_build(actor=therapist, assessment=visit)
    version = plan_issue(actor=therapist, version=version, expected_lock=version.lock)
    at = timezone.make_aware(datetime.datetime.combine(FIRST, datetime.time(10)))
    ProgramLink.objects.filter(version=version).update(created_at=at)
    return version


@pytest.fixture
def second(therapist: User, client_record: Client, issued: PlanVersion) -> Assessment:
    return recorded_assessment(
        actor=therapist, client=client_record, values=TYPICAL, visit_date=SECOND, final=False
    )


def _tick(link: ProgramLink, slug: str, day: datetime.date) -> None:
    ProgramTick.objects.create(link=link, slug=slug, day=day, uid=uuid.uuid4())


def _compare(client: Client, issued: PlanVersion, second: Assessment) -> str:
    url = reverse("assessment_compare", args=[client.pk])
    return f"{url}?a={issued.plan.assessment_id}&b={second.pk}"


def test_compare_shows_sessions_pain_and_notes_between_the_visits(
    as_therapist: HttpClient, client_record: Client, issued: PlanVersion, second: Assessment
) -> None:
    link = ProgramLink.objects.get(version=issued)
    exercises = issued.snapshot.content["exercises"]
    slug, name = exercises[0]["slug"], exercises[0]["name"]
    for offset in (0, 1, 2, 15, 21):  # the last on the later visit's day: not between
        _tick(link, slug, _day(offset))
    ProgramDay.objects.create(link=link, day=_day(1), pain=6, note="Stiff in the morning")
    ProgramDay.objects.create(link=link, day=_day(15), pain=2, note="Easier on the stairs")
    ProgramDay.objects.create(link=link, day=_day(22), pain=9, note="After the visit")
    page = as_therapist.get(_compare(client_record, issued, second)).content
    html = page.decode()
    planned = 3 * link.planned_per_week  # three whole weeks
    assert "Home program between these visits" in html
    assert "Version 1, issued 5 Oct 2026: followed 5 Oct to 25 Oct 2026." in html
    assert f"Done <strong>4 of {planned}</strong> planned sessions" in html
    assert '<span class="badge text-bg-warning">under half</span>' in html
    assert f'<th scope="row" class="fw-normal">{name}</th><td>4 / ' in html
    assert [w in html for w in ("5 Oct</th>", "12 Oct</th>", "19 Oct</th>", "26 Oct</th>")] == [
        True,
        True,
        True,
        False,
    ]
    assert "mean <strong>4.0/10</strong> over 2 days; first week 6.0, last week 2.0." in html
    assert "“Easier on the stairs”" in html
    assert "“Stiff in the morning”" in html
    assert "After the visit" not in html
    assert html.index("Easier on the stairs") < html.index("Stiff in the morning")


@pytest.mark.parametrize("ticks", [1, 12])
def test_compare_query_count_with_a_program_is_flat_in_ticks(
    as_therapist: HttpClient,
    client_record: Client,
    issued: PlanVersion,
    second: Assessment,
    ticks: int,
) -> None:
    link = ProgramLink.objects.get(version=issued)
    slug = issued.snapshot.content["exercises"][0]["slug"]
    for offset in range(ticks):
        _tick(link, slug, _day(offset % 21))
        ProgramDay.objects.get_or_create(link=link, day=_day(offset % 21), pain=3)
    with CaptureQueriesContext(connection) as queries:
        response = as_therapist.get(_compare(client_record, issued, second))
    assert f"Done <strong>{ticks} of" in response.content.decode()
    # The compare page's eleven (tests/assessments/compare/test_views.py), the links' ticks
    # and days between the visits.
    assert len(queries) == 13, [q["sql"] for q in queries]

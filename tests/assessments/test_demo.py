import datetime
from collections.abc import Iterator
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from pytest_django import DjangoDbBlocker

from assessments.catalogue.items import ITEMS, RED_FLAGS, Kind
from assessments.demo import loader as demo
from assessments.demo.visits import DEMO_VISITS, GRACE, MEI, RIVERSIDE
from assessments.models import Assessment, BodyChartMark, Measurement, Status
from clinic.demo import load_demo as load_clinic_demo
from clinic.models import Client

VISITS_PER_CLIENT = {
    "Priya Sharma": 4,
    "Thomas Becker": 3,
    "Aisha Bello": 4,
    "Margaret O'Neill": 3,
    "Daniel Kowalski": 3,
    "Mei Chen": 2,
    "Rafael Ortega": 3,
    "Grace Adeyemi": 1,
    "Oliver Hughes": 3,
}
SMALL_DEMO = {(RIVERSIDE, "Grace", "Adeyemi"): GRACE, (RIVERSIDE, "Mei", "Chen"): MEI}


def _series(name: str, code: str, side: str = "") -> list[object]:
    given, family = name.split(" ", 1)
    rows = Measurement.objects.filter(
        assessment__client__given_name=given,
        assessment__client__family_name=family,
        item=code,
        side=side,
    ).order_by("assessment__visit_date")
    return [row.stored for row in rows]


def _within_catalogue(row: Measurement) -> bool:
    item = ITEMS[row.item]
    if row.side not in item.sides:
        return False
    if item.kind is Kind.NUMBER:
        low, high = Decimal(str(item.minimum)), Decimal(str(item.maximum))
        return row.value is not None and low <= row.value <= high
    if item.kind is Kind.CHOICE:
        return row.choice in dict(item.choices)
    return 0 < len(row.text) <= item.max_length


# Loading every demo visit through the services takes a while (see the report on
# Measurement.full_clean), so the loaded tests share one load, rolled back afterwards.
@pytest.fixture(scope="class")
def demo_summary(django_db_setup: None, django_db_blocker: DjangoDbBlocker) -> Iterator[str]:
    with django_db_blocker.unblock(), transaction.atomic():
        load_clinic_demo()
        yield str(demo.load_demo())
        transaction.set_rollback(True)


@pytest.mark.usefixtures("db")
class TestLoadedDemo:
    def test_load_demo_creates_every_visit(self, demo_summary: str) -> None:
        assert demo_summary == "26 visits created for 9 clients (existing kept)"
        counts = {c.full_name: c.assessments.count() for c in Client.objects.all()}
        assert counts == VISITS_PER_CLIENT

    def test_load_demo_again_changes_nothing(self, demo_summary: str) -> None:
        rows = Measurement.objects.count()
        assert str(demo.load_demo()) == "0 visits created for 0 clients (existing kept)"
        assert (Assessment.objects.count(), Measurement.objects.count()) == (26, rows)

    def test_load_demo_dates_are_fixed_and_before_mid_november(self, demo_summary: str) -> None:
        dates = sorted(Assessment.objects.values_list("visit_date", flat=True))
        assert (dates[0], dates[-1]) == (datetime.date(2026, 5, 12), datetime.date(2026, 11, 10))
        priya = Client.objects.get(given_name="Priya")
        assert priya.last_visit_on == datetime.date(2026, 10, 27)

    def test_load_demo_leaves_two_latest_visits_as_drafts(self, demo_summary: str) -> None:
        drafts = Assessment.objects.filter(status=Status.DRAFT).order_by("visit_date")
        assert [(a.client.full_name, a.visit_date) for a in drafts] == [
            ("Rafael Ortega", datetime.date(2026, 11, 3)),
            ("Oliver Hughes", datetime.date(2026, 11, 10)),
        ]
        assert Assessment.objects.filter(status=Status.FINAL).count() == 24

    def test_load_demo_copies_later_visits_forward_confirmed(self, demo_summary: str) -> None:
        visits = list(Assessment.objects.filter(client__given_name="Priya").order_by("visit_date"))
        assert [v.copied_from_id for v in visits] == [None, *[v.pk for v in visits[:-1]]]
        assert Measurement.objects.filter(carried_over=True).count() == 0
        # The story so far is carried forward; today's treatment belongs to the visit.
        assert visits[3].goals == visits[0].goals
        assert visits[3].treatment_today.startswith("Reviewed program;")
        # A value recorded at the first visit and never changed is still there at the last.
        assert _series("Priya Sharma", "hip_internal_rotation", "left") == [Decimal(35)] * 4

    def test_load_demo_margaret_latest_visit_is_the_only_red_flag(self, demo_summary: str) -> None:
        yes = Measurement.objects.filter(item__startswith="rf_", choice="yes")
        assert [(m.assessment.client.full_name, m.assessment.visit_date, m.item) for m in yes] == [
            ("Margaret O'Neill", datetime.date(2026, 10, 20), "rf_minor_trauma_bone")
        ]
        # Every visit answers the whole red-flag screen.
        assert Measurement.objects.filter(item__startswith="rf_").count() == 26 * len(RED_FLAGS)

    def test_load_demo_findings_progress(self, demo_summary: str) -> None:
        assert _series("Priya Sharma", "thomas_hip_angle", "left") == [12, 7, 3, 0]
        assert _series("Priya Sharma", "pain_now") == [5, 4, 2, 1]
        assert _series("Thomas Becker", "slr_angle", "left") == [58, 66, 72]
        assert _series("Thomas Becker", "odi_percent") == [38, 26, 16]
        assert _series("Aisha Bello", "strength_glute_med", "right") == ["3+", "4-", "4", "4+"]
        assert _series("Aisha Bello", "force_glute_med", "right") == [
            Decimal("128.5"), Decimal(142), Decimal(158), Decimal(171)
        ]  # fmt: skip
        assert _series("Daniel Kowalski", "fair", "right") == ["positive", "positive", "negative"]
        assert _series("Daniel Kowalski", "faber_pain_site", "right") == ["posterior"] * 2
        assert _series("Rafael Ortega", "thomas_knee_angle", "right") == [48, 55, 60]
        assert _series("Mei Chen", "slr_angle", "right") == [92, 92]

    def test_load_demo_palpation_and_body_chart_follow_the_story(self, demo_summary: str) -> None:
        trigger = _series("Daniel Kowalski", "palp_piriformis_trigger", "right")
        assert trigger == ["familiar", "present", "absent"]
        assert _series("Aisha Bello", "palp_glute_med_tender", "right") == ["2", "1", "0", "0"]
        # Not palpated after her fall (a suspected fracture): nothing carried either.
        assert (
            _series("Margaret O'Neill", "palp_lumbar_erectors_tone", "left") == ["increased"] * 2
        )
        marks = BodyChartMark.objects.filter(assessment__client__given_name="Daniel")
        assert [(m.assessment.visit_date.month, m.region, m.intensity) for m in marks] == [
            (7, "buttock_right", 5), (7, "thigh_back_right", 3),
            (8, "buttock_right", 3), (8, "thigh_back_right", 1),
            (9, "buttock_right", 1),
        ]  # fmt: skip
        # Every visit's chart asked anew, and none below the knee (no nerve-root flag).
        assert BodyChartMark.objects.count() == 55
        assert not BodyChartMark.objects.filter(carried_over=True).exists()
        assert not BodyChartMark.objects.filter(region__startswith="leg_").exists()

    def test_load_demo_values_fit_the_model_constraints(self, demo_summary: str) -> None:
        rows = list(Measurement.objects.all())
        assert [row for row in rows if not _within_catalogue(row)] == []
        # Thomas Becker's first STarT Back: 9 answers, not 2 totals; follow-ups carry pain
        # sites, aggravating activities and hours sitting; palpation carries like the rest.
        assert len(rows) == 1840
        for assessment in Assessment.objects.all():
            assessment.full_clean()


def test_load_demo_skips_client_with_existing_visit(
    db: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(demo, "DEMO_VISITS", SMALL_DEMO)
    load_clinic_demo()
    mei = Client.objects.get(given_name="Mei")
    assert mei.consent_recorded_by is not None
    Assessment.objects.create(
        client=mei, therapist=mei.consent_recorded_by, visit_date=datetime.date(2026, 1, 2)
    )
    assert str(demo.load_demo()) == "1 visit created for 1 client (existing kept)"
    assert (mei.assessments.count(), Assessment.objects.count()) == (1, 2)


def test_load_demo_reports_missing_clients(db: None) -> None:
    assert str(demo.load_demo()) == (
        "0 visits created for 0 clients (existing kept); "
        "9 demo clients not found (load the clinic demo first)"
    )
    assert Assessment.objects.count() == 0


def test_demo_tables_fit_the_catalogue() -> None:
    for visits in DEMO_VISITS.values():
        assert [v.on for v in visits] == sorted(v.on for v in visits)
        for visit in visits:
            assert visit.on < datetime.date(2026, 11, 15)
            assert {code for code, _ in demo.visit_values(visit)} <= set(ITEMS)
    assert sum(len(visits) for visits in DEMO_VISITS.values()) == 26


def test_demo_visit_values_expand_sides_and_red_flags() -> None:
    values = demo.visit_values(GRACE[0])
    assert (values[("hip_abduction", "left")], values[("hip_abduction", "right")]) == (
        Decimal(30),
        Decimal(36),
    )
    assert (values[("faber_pain_site", "left")], values[("faber_pain_site", "right")]) == (
        "groin",
        None,
    )
    assert values[("pain_now", "")] == Decimal(3)
    assert values[("rf_fever", "")] == "no"


def test_load_demo_command_prints_assessments_line(
    db: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(demo, "DEMO_VISITS", SMALL_DEMO)
    out = StringIO()
    call_command("load_demo", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[:2] == [
        "Clinic: 2 clinics, 3 staff, 9 clients created (existing records kept)",
        "Assessments: 3 visits created for 2 clients (existing kept)",
    ]
    assert Assessment.objects.count() == 3

"""The seed_network tool: sizes, valid values, determinism, and refusing a used database."""

import re
from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.db.models import Count

from assessments.catalogue.items import ITEMS, value_problem
from assessments.interpretation import findings
from assessments.models import Assessment, Measurement, Status
from assessments.outcomes import outcome_problems
from assessments.selectors import assessment_values
from clinic.models import AuditEntry, Client, Clinic, Membership, Role
from plans.models import Plan, PlanItem, PlanVersion, VersionStatus
from plans.rules.engine import suggest
from tests.bench.seeding.command import Command as SeedNetworkCommand
from tests.bench.seeding.network import SeedReport, seed_network
from tests.bench.seeding.spec import NetworkSpec, client_plan, clients_per_clinic, clinics

SMALL = NetworkSpec(clinics=2, clients=6, visits_per_client=3, seed=5)


def _run(*args: str) -> str:
    out = StringIO()
    call_command(SeedNetworkCommand(), *args, stdout=out)
    return out.getvalue()


def _seed(spec: NetworkSpec = SMALL, **options: object) -> SeedReport:
    return seed_network(spec=spec, **options)  # type: ignore[arg-type]


def _digest() -> list[str]:
    """Everything seeded except ids and creation times, in a stable order."""
    rows = [
        *Client.objects.values_list(
            "clinic__name", "given_name", "family_name", "date_of_birth", "email", "archived",
            "last_visit_on", "consent_recorded_by__username",
        ),
        *Assessment.objects.values_list(
            "client__email", "client__family_name", "visit_date", "status", "therapist__username",
            "treatment_today",
        ),
        *Measurement.objects.values_list(
            "assessment__client__family_name", "assessment__client__date_of_birth",
            "assessment__visit_date", "item", "side", "value", "choice", "text",
        ),
        *PlanItem.objects.values_list(
            "plan_version__plan__assessment__client__date_of_birth",
            "plan_version__plan__assessment__visit_date", "plan_version__number", "position",
            "slug", "side", "hold_seconds", "repetitions",
        ),
    ]  # fmt: skip
    return sorted(map(repr, rows))


def test_seed_network_writes_the_requested_sizes(db: None) -> None:
    report = _seed()
    finals = Assessment.objects.filter(status=Status.FINAL).count()
    assert Clinic.objects.count() == 2
    assert Client.objects.count() == 6
    assert Assessment.objects.count() == 18  # 6 clients x 3 visits on average, exactly
    assert Plan.objects.count() == finals
    assert report.counts["Client"] == 6
    assert report.counts["Assessment"] == 18
    assert report.counts["Measurement"] == Measurement.objects.count()
    assert report.counts["PlanItem"] == PlanItem.objects.count()
    assert report.counts["AuditEntry"] == AuditEntry.objects.count()
    assert report.rows == sum(report.counts.values())
    admins = Membership.objects.filter(role=Role.ADMIN).values_list("user__username", flat=True)
    assert sorted(admins) == ["site001-admin", "site002-admin"]


def test_seed_network_clients_point_at_their_latest_visit(db: None) -> None:
    _seed()
    for client in Client.objects.annotate(visits=Count("assessments")):
        latest = client.assessments.order_by("-visit_date").first()
        assert latest is not None
        assert client.last_visit_on == latest.visit_date
        assert client.consent_date == client.assessments.order_by("visit_date")[0].visit_date
        assert 1 <= client.visits <= 5  # 1 to 2 x 3 - 1


def test_seed_network_values_are_within_the_catalogue(db: None) -> None:
    _seed()
    problems = [
        value_problem(ITEMS[row.item], row.stored)
        for row in Measurement.objects.all()
        if value_problem(ITEMS[row.item], row.stored) is not None
    ]
    assert problems == []
    visits = Assessment.objects.select_related("client__clinic").prefetch_related("measurements")
    assert [outcome_problems(assessment_values(visit)) for visit in visits] == [{}] * 18


def test_seed_network_plans_follow_the_rules_engine(db: None) -> None:
    _seed()
    versions = PlanVersion.objects.filter(number=1).select_related("plan__assessment__client")
    assert versions.exists()
    for version in versions:
        assessment = version.plan.assessment
        found = findings(assessment)
        result = suggest(found, age=assessment.client.age_on(assessment.visit_date))
        expected = [s.slug for s in (*result.home, *result.advice, *result.in_clinic)]
        assert list(version.items.order_by("position").values_list("slug", flat=True)) == expected
        assert version.status == (VersionStatus.DRAFT if result.blocked else VersionStatus.ISSUED)


def test_seed_network_same_seed_gives_the_same_data(db: None) -> None:
    with transaction.atomic():
        _seed()
        first = _digest()
        transaction.set_rollback(True)
    assert Client.objects.count() == 0
    with transaction.atomic():
        _seed()
        second = _digest()
        transaction.set_rollback(True)
    _seed(NetworkSpec(clinics=2, clients=6, visits_per_client=3, seed=6))
    assert len(first) > 100
    assert first == second
    assert _digest() != first


def test_seed_network_first_clients_do_not_depend_on_network_size() -> None:
    small = NetworkSpec(clinics=2, clients=20, visits_per_client=10, seed=3)
    large = NetworkSpec(clinics=20, clients=1000, visits_per_client=10, seed=3)
    small_site, large_site = clinics(small, 1)[0], clinics(large, 1)[0]
    small_count, large_count = clients_per_clinic(small)[0], clients_per_clinic(large)[0]
    assert small_site == large_site
    assert [client_plan(small, small_site, n, small_count) for n in range(10)] == [
        client_plan(large, large_site, n, large_count) for n in range(10)
    ]


def test_seed_network_command_reports_counts_and_rate(db: None) -> None:
    out = _run("--clinics", "1", "--clients", "2", "--visits-per-client", "2", "--admin-password",
               "a-long-seed-password")  # fmt: skip
    assert re.search(r"^  Client +2 rows", out, re.MULTILINE)
    assert re.search(r"^  Assessment +4 rows", out, re.MULTILINE)
    assert re.search(r"rows in [0-9.]+ s: [0-9,]+ rows/s", out)
    assert out.endswith("Clinic sites 001 to 001. Login: site001-admin.\n")
    admin = User.objects.get(username="site001-admin")
    assert admin.check_password("a-long-seed-password")
    assert not User.objects.get(username="site001-t1").has_usable_password()


def test_seed_network_refuses_a_database_with_data(therapist: User) -> None:
    with pytest.raises(CommandError, match="already has data; use --append"):
        _run("--clinics", "1", "--clients", "2")
    assert Client.objects.count() == 0
    assert Clinic.objects.count() == 1


def test_seed_network_appends_new_sites_when_asked(therapist: User) -> None:
    out = _run("--clinics", "1", "--clients", "2", "--visits-per-client", "1", "--append")
    assert out.endswith("Clinic sites 002 to 002. Login: none (see --admin-password).\n")
    assert Client.objects.filter(clinic__name__endswith="(site 002)").count() == 2
    assert Membership.objects.filter(user__username="site002-admin").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--clients", "0"), "0 is too small"),
        (("--clinics", "two"), "'two' is not a whole number"),
        (("--clinics", "3", "--clients", "2"), "at least one client per clinic"),
    ],
)
def test_seed_network_rejects_bad_sizes(db: None, args: tuple[str, ...], message: str) -> None:
    with pytest.raises(CommandError, match=message):
        _run(*args)
    assert Clinic.objects.count() == 0

"""Fill the database with a large, realistic clinic network fast (bulk inserts).

For load and scale benchmarks and demos of a busy practice, never for real clinics: it
refuses a database that already has data unless told to append. What is written is
decided by `tests.bench.seeding.spec` (deterministic per seed); the values by
`tests.bench.seeding.values`; findings and plan items by `tests.bench.seeding.patterns`.
"""

import datetime
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import User
from django.db import connection, transaction
from django.db.models import Model
from django.utils import timezone

from assessments.models import Assessment, Measurement, Status
from clinic.models import AuditAction, AuditEntry, Client, Clinic, Membership, Role
from plans.models import Plan, PlanItem, PlanVersion, VersionStatus
from plans.rules.engine import OLDER_ADULT_AGE
from tests.bench.seeding.bulk import Row, copy_rows
from tests.bench.seeding.patterns import ITEM_COLUMNS, MEASUREMENT_COLUMNS, Pattern, Patterns
from tests.bench.seeding.people import SeedClinic
from tests.bench.seeding.spec import (
    ClientPlan,
    NetworkSpec,
    VisitPlan,
    client_plan,
    clients_per_clinic,
    clinics,
    profiles,
)

CLIENTS_PER_ROUND = 250  # clients whose rows are built and written together
TABLES = (User, Membership, Clinic, Client, Assessment, Measurement, Plan, PlanVersion,
          PlanItem, AuditEntry)  # fmt: skip
MESSAGE = "Little and often works best: a few minutes most days. Bring this sheet next time."


class SeedRefused(Exception):
    """The database already has data and appending was not asked for; nothing was written."""


@dataclass
class SeedReport:
    """What one run wrote (rows per model), how long it took, and the login it set up."""

    counts: Counter[str] = field(default_factory=Counter)
    table_seconds: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    seconds: float = 0.0
    first_site: int = 1
    patterns: int = 0
    login: str = ""

    @property
    def rows(self) -> int:
        return sum(self.counts.values())

    @property
    def rate(self) -> float:
        return self.rows / self.seconds if self.seconds else 0.0


def database_has_data() -> bool:
    """Any clinic, client or user: a database someone uses, not one to seed."""
    return Clinic.objects.exists() or Client.objects.exists() or User.objects.exists()


@dataclass
class _Site:
    clinic: Clinic
    spec: SeedClinic
    staff: list[User]


class _Writer:
    def __init__(self, report: SeedReport, batch_size: int) -> None:
        self.report, self.batch_size = report, batch_size

    def save(self, model: type[Model], rows: Sequence[Model]) -> None:
        """Insert model instances, setting their ids (the next rows point at them)."""
        started = time.perf_counter()
        model._default_manager.bulk_create(rows, batch_size=self.batch_size)
        self._count(model, len(rows), started)

    def copy(self, model: type[Model], columns: Sequence[str], rows: list[Row]) -> None:
        """Insert plain rows nothing points at (the bulk of the data)."""
        started = time.perf_counter()
        copy_rows(model, columns, rows, batch_size=self.batch_size)
        self._count(model, len(rows), started)

    def _count(self, model: type[Model], rows: int, started: float) -> None:
        self.report.counts[model.__name__] += rows
        self.report.table_seconds[model.__name__] += time.perf_counter() - started


def _at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=datetime.UTC)


def _create_sites(
    writer: _Writer, spec: NetworkSpec, first_site: int, admin_password: str
) -> list[_Site]:
    specs = clinics(spec, first_site)
    rows = [Clinic(name=s.name, email=f"site{s.site:03d}@example.org") for s in specs]
    writer.save(Clinic, rows)
    users = []
    for s in specs:
        for username, first, last, _ in s.staff:
            chosen = admin_password and username == writer.report.login
            password = make_password(admin_password) if chosen else "!"  # "!": unusable
            email = f"{username}@example.org"
            users.append(
                User(
                    username=username,
                    first_name=first,
                    last_name=last,
                    email=email,
                    password=password,
                )
            )
    writer.save(User, users)
    memberships, sites, by_name = [], [], {user.username: user for user in users}
    for clinic, s in zip(rows, specs, strict=True):
        staff = [by_name[username] for username, _, _, _ in s.staff]
        for index, (user, (_, _, _, title)) in enumerate(zip(staff, s.staff, strict=True)):
            role = Role.ADMIN if index == 0 else Role.THERAPIST
            memberships.append(Membership(user=user, clinic=clinic, role=role, title=title))
        sites.append(_Site(clinic, s, staff))
    writer.save(Membership, memberships)
    return sites


def _client(site: _Site, plan: ClientPlan) -> Client:
    person = plan.person
    first = plan.visits[0]
    return Client(
        clinic=site.clinic,
        given_name=person.given_name,
        family_name=person.family_name,
        date_of_birth=person.date_of_birth,
        sex=person.sex,
        email=person.email,
        phone=person.phone,
        occupation=person.occupation,
        activities=person.activities,
        referral_source=person.referral_source,
        consent_date=first.on,
        consent_recorded_by=site.staff[plan.therapist],
        archived=plan.archived,
        last_visit_on=plan.visits[-1].on,
    )


AUDIT_COLUMNS = ("at", "clinic_id", "actor_id", "actor_username", "action", "object_type",
                 "object_id", "client_id", "detail")  # fmt: skip


def _audit(site: _Site, actor: User, action: str, kind: str, pk: int, client: int) -> Row:
    return (timezone.now(), site.clinic.pk, actor.pk, actor.username, action, kind, pk, client, "")


def _assessment(client: Client, visit: VisitPlan, by: User) -> Assessment:
    return Assessment(
        client=client,
        therapist=by,
        visit_date=visit.on,
        status=Status.FINAL if visit.final else Status.DRAFT,
        version=3 if visit.final else 2,  # started, saved (and finalised)
        finalised_at=_at(visit.on, 17) if visit.final else None,
        finalised_by=by if visit.final else None,
        **visit.narrative,
    )


def _versions(plan: Plan, visit: VisitPlan, pattern: Pattern, by: User) -> list[PlanVersion]:
    if pattern.red_flag:  # blocked: plan_build leaves an empty draft until referral
        return [PlanVersion(plan=plan, number=1, created_by=by)]
    issued = {"status": VersionStatus.ISSUED, "issued_by": by, "lock": 2}
    first = PlanVersion(
        plan=plan, number=1, created_by=by, issued_at=_at(visit.on, 17, 15), **issued
    )
    if not visit.revised:
        return [first]
    second = PlanVersion(
        plan=plan,
        number=2,
        created_by=by,
        message=MESSAGE,
        issued_at=_at(visit.on, 17, 30),
        **issued,
    )
    return [first, second]


def _write_round(writer: _Writer, site: _Site, plans: list[ClientPlan], cache: Patterns) -> None:
    clients = [_client(site, plan) for plan in plans]
    writer.save(Client, clients)
    audits = [
        _audit(site, site.staff[p.therapist], AuditAction.CREATE, "client", c.pk, c.pk)
        for c, p in zip(clients, plans, strict=True)
    ]
    visits: list[tuple[Assessment, VisitPlan, Pattern]] = []
    for client, plan in zip(clients, plans, strict=True):
        for visit in plan.visits:
            older = client.age_on(visit.on) >= OLDER_ADULT_AGE
            pattern = cache.get(plan.profile, visit.stage, older)
            by = site.staff[visit.therapist]
            visits.append((_assessment(client, visit, by), visit, pattern))
    writer.save(Assessment, [assessment for assessment, _, _ in visits])
    measurements = [
        (assessment.pk, *row) for assessment, _, pattern in visits for row in pattern.rows
    ]
    writer.copy(Measurement, MEASUREMENT_COLUMNS, measurements)
    built = [(Plan(assessment=a, created_by=a.therapist), v, p) for a, v, p in visits if v.final]
    writer.save(Plan, [plan for plan, _, _ in built])
    versions = [
        (version, pattern)
        for plan, visit, pattern in built
        for version in _versions(plan, visit, pattern, plan.created_by)
    ]
    writer.save(PlanVersion, [version for version, _ in versions])
    items = [(version.pk, *row) for version, pattern in versions for row in pattern.items]
    writer.copy(PlanItem, ITEM_COLUMNS, items)
    for assessment, visit, _ in visits:
        client_id, by = assessment.client_id, assessment.therapist
        audits.append(_audit(site, by, AuditAction.CREATE, "assessment", assessment.pk, client_id))
        if visit.final:
            audits.append(
                _audit(site, by, AuditAction.CHANGE, "assessment", assessment.pk, client_id)
            )
    audits += [
        _audit(
            site, plan.created_by, AuditAction.CREATE, "plan", plan.pk, plan.assessment.client_id
        )
        for plan, _, _ in built
    ]
    writer.copy(AuditEntry, AUDIT_COLUMNS, audits)


def _rounds(spec: NetworkSpec, sites: list[_Site]) -> Iterator[tuple[_Site, list[ClientPlan]]]:
    for site, count in zip(sites, clients_per_clinic(spec), strict=True):
        for start in range(0, count, CLIENTS_PER_ROUND):
            numbers = range(start, min(start + CLIENTS_PER_ROUND, count))
            yield site, [client_plan(spec, site.spec, n, count) for n in numbers]


def seed_network(
    *,
    spec: NetworkSpec,
    append: bool = False,
    batch_size: int = 5000,
    admin_password: str = "",
    progress: Callable[[str], None] | None = None,
) -> SeedReport:
    """Write the network in one transaction; SeedRefused if the database has data already.

    Side effects: clinics, staff users (unusable passwords, except the first new clinic's
    admin when `admin_password` is given) with memberships, clients, assessments with
    measurements, plans with versions and items, and their audit entries. No e-mail, no
    cache. Run `analyze()` afterwards on PostgreSQL so the planner sees the new sizes.
    """
    if min(spec.clinics, spec.clients, spec.visits_per_client, batch_size) < 1:
        raise ValueError("Clinics, clients, visits per client and batch size must be 1 or more.")
    if spec.clients < spec.clinics:
        raise ValueError("Give at least one client per clinic.")
    started = time.perf_counter()
    with transaction.atomic():
        if database_has_data() and not append:
            raise SeedRefused("The database already has data; use --append to add to it.")
        first_site = Clinic.objects.count() + 1
        report = SeedReport(first_site=first_site, login=f"site{first_site:03d}-admin")
        writer = _Writer(report, batch_size)
        sites = _create_sites(writer, spec, first_site, admin_password)
        cache, done = Patterns(profiles(spec.seed)), 0
        for site, plans in _rounds(spec, sites):
            _write_round(writer, site, plans, cache)
            done += len(plans)
            if progress is not None:
                progress(f"{done} of {spec.clients} clients written")
    report.seconds = time.perf_counter() - started
    report.patterns = len(cache)
    return report


def analyze() -> None:
    """Refresh PostgreSQL's planner statistics for the seeded tables (no-op elsewhere)."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for model in TABLES:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")

"""Client search, client page, comparison and charts in a large network against a small one.

Seeds a small network (2 clinics, 400 clients, 4,000 visits), times the pages of one
client of site 001, then seeds the large network (20 clinics, 10,000 clients, 100,000
visits with measurements and plans) and times the same client's pages again. The first
clients of a site are the same whatever the network's size (tests.bench.seeding.spec), so the
pages differ only by what is around them. HIPPLAN_BENCH_SCALE=0.1 seeds a tenth of the
large network for a quick run.

Run with `make bench`. Reports ratios (docs/performance.md); asserts only that the pages
answer and that their query counts do not grow with the network.
"""

import statistics
from collections.abc import Callable

from django.contrib.auth.models import User
from django.db import connection, transaction
from django.test import Client as HttpClient
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from clinic.models import Client
from tests.bench.seeded import SCALE, probe_client
from tests.bench.seeding.network import SeedReport, analyze, seed_network
from tests.bench.seeding.spec import NetworkSpec
from tests.bench.timing import summary, timings

# Big enough that site 001's first page of clients and of search results is full (25).
SMALL = NetworkSpec(clinics=2, clients=400, visits_per_client=10, seed=11)
LARGE = NetworkSpec(clinics=20, clients=max(100, round(10_000 * SCALE)), visits_per_client=10,
                    seed=11)  # fmt: skip
REPEAT = 60

Page = tuple[str, str, dict[str, str]]
Result = dict[str, tuple[list[float], int, float]]  # name -> (timings, queries, query time)


def _seed(spec: NetworkSpec) -> SeedReport:
    report = seed_network(spec=spec)
    analyze()
    print(
        f"\nseeded {spec.clients:,} clients, {report.counts['Assessment']:,} visits, "
        f"{report.counts['Measurement']:,} measurements, {report.counts['PlanItem']:,} plan "
        f"items: {report.rows:,} rows in {report.seconds:.1f} s ({report.rate:,.0f} rows/s)"
    )
    return report


def _pages(probe: Client) -> list[Page]:
    list_url = reverse("client_list")
    return [
        ("client list", list_url, {}),
        ("client search 'an'", list_url, {"q": "an"}),
        ("client search by name", list_url, {"q": probe.family_name}),
        ("client page", reverse("client_detail", args=[probe.pk]), {}),
        ("comparison (last two visits)", reverse("assessment_compare", args=[probe.pk]), {}),
        ("progress charts", reverse("client_progress", args=[probe.pk]), {}),
    ]


def _measure(http: HttpClient, pages: list[Page]) -> Result:
    result: Result = {}
    for name, url, query in pages:
        response = http.get(url, query)
        assert response.status_code == 200, name

        def get(url: str = url, query: dict[str, str] = query) -> object:
            return http.get(url, query)

        with CaptureQueriesContext(connection) as captured:
            get()
        # Read now: the next request clears the connection's query log.
        queries, spent = len(captured), sum(float(q["time"]) for q in captured)
        result[name] = (timings(get, repeat=REPEAT, warmup=10), queries, spent)
    return result


def _network(spec: NetworkSpec, keep: bool) -> tuple[Result, tuple[str, str, object]]:
    with transaction.atomic():
        _seed(spec)
        probe = probe_client()
        http = HttpClient()
        http.force_login(User.objects.get(username="site001-admin"))
        result = _measure(http, _pages(probe))
        transaction.set_rollback(not keep)
    return result, (probe.given_name, probe.family_name, probe.date_of_birth)


def _report(small: Result, large: Result, median: Callable[[list[float]], float]) -> None:
    print(f"\n{'page':<30} {'small':>30} {'large':>30} {'ratio':>6}  queries  db ms s/l")
    for name, (fast, queries, spent) in small.items():
        slow, large_queries, large_spent = large[name]
        ratio = median(slow) / median(fast)
        print(
            f"{name:<30} {summary(fast):>30} {summary(slow):>30} {ratio:5.2f}x  "
            f"{queries:>3}/{large_queries:<3}  {spent * 1000:.1f}/{large_spent * 1000:.1f}"
        )
    print("goal: every ratio within 1.3x")


def test_bench_scale_pages_small_against_large(db: None) -> None:
    small, small_probe = _network(SMALL, keep=False)
    assert Client.objects.count() == 0
    large, large_probe = _network(LARGE, keep=True)
    assert large_probe == small_probe  # the same client in both networks
    _report(small, large, statistics.median)
    assert {name: queries for name, (_, queries, _) in large.items()} == {
        name: queries for name, (_, queries, _) in small.items()
    }

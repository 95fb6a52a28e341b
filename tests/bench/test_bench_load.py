"""Throughput under load: gunicorn on loopback driven by locust (headless, time-bounded).

Seeds a network (4 clinics, 2,000 clients, 20,000 visits; HIPPLAN_BENCH_SCALE scales it),
starts gunicorn on a free loopback port against the test database, and runs locust once
per endpoint (same users, same length): a trivial logged-in page, the client list, a
client page, an assessment save and a cached handout download. Reports requests per
second and p95 for each, as ratios to the trivial page of the same run.

Run with `make bench`. Asserts only that nothing failed under load (docs/performance.md).
"""

import csv
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import BinaryIO
from urllib.parse import quote

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client as HttpClient
from django.urls import reverse

from assessments.models import Assessment, Status
from plans.models import PlanVersion, VersionStatus
from tests.bench.seeded import SCALE, SITE, probe_client
from tests.bench.seeding.network import analyze, seed_network
from tests.bench.seeding.spec import NetworkSpec

NETWORK = NetworkSpec(clinics=4, clients=max(100, round(2000 * SCALE)), visits_per_client=10,
                      seed=12)  # fmt: skip
PASSWORD = "load-test-password-5830"
USERS = 8  # concurrent users at most (one per draft of site 001), no think time
SECONDS = int(os.environ.get("HIPPLAN_LOAD_SECONDS", "20"))  # per endpoint
WORKERS = 2  # gunicorn sync workers: one per core on the benchmark machine
PHASES = (
    ("trivial", "trivial page"),
    ("client_list", "client list"),
    ("client_page", "client page"),
    ("save", "assessment save"),
    ("handout", "handout download"),
)
BIN = Path(sys.executable).parent
LOCUSTFILE = Path(__file__).with_name("locustfile.py")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _database_url() -> str:
    db = connection.settings_dict
    user = quote(db["USER"] or "", safe="")
    password = f":{quote(db['PASSWORD'], safe='')}" if db["PASSWORD"] else ""
    return f"postgres://{user}{password}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


def _serve(port: int, log: BinaryIO) -> subprocess.Popen[bytes]:
    env = {**os.environ, "DATABASE_URL": _database_url(), "DJANGO_ALLOWED_HOSTS": "127.0.0.1"}
    command = [str(BIN / "gunicorn"), "clinic.wsgi", "--bind", f"127.0.0.1:{port}",
               "--workers", str(WORKERS), "--log-level", "warning"]  # fmt: skip
    server = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)  # noqa: S603
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health/", timeout=2) as answer:
                if answer.read() == b"ok":
                    return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise AssertionError(f"gunicorn did not answer on port {port}; see {log.name}")


def _phase(port: int, tag: str, out: Path, env: dict[str, str]) -> list[dict[str, str]]:
    users = str(len(env["HIPPLAN_LOAD_DRAFTS"].split(",")))  # one draft each
    command = [str(BIN / "locust"), "-f", str(LOCUSTFILE), "--headless", "--only-summary",
               "--host", f"http://127.0.0.1:{port}", "--users", users, "--spawn-rate",
               users, "--run-time", f"{SECONDS}s", "--tags", tag, "--csv",
               str(out / tag), "--loglevel", "WARNING"]  # fmt: skip
    subprocess.run(command, env=env, check=False, capture_output=True, timeout=SECONDS + 120)  # noqa: S603
    with (out / f"{tag}_stats.csv").open(newline="") as stats:
        return list(csv.DictReader(stats))


def _targets(admin: User) -> dict[str, str]:
    drafts = Assessment.objects.filter(status=Status.DRAFT, client__clinic__name__endswith=SITE)
    draft_ids = list(drafts.order_by("pk").values_list("pk", flat=True)[:USERS])
    version = PlanVersion.objects.filter(
        status=VersionStatus.ISSUED, plan__assessment__client=probe_client()
    ).first()
    assert version is not None
    assert draft_ids, "each user needs a draft of its own"
    http = HttpClient()
    http.force_login(admin)  # renders the handout once, into the shared database cache
    assert http.get(reverse("handout_pdf", args=[version.pk])).content.startswith(b"%PDF-")
    return {
        "HIPPLAN_LOAD_USER": admin.username,
        "HIPPLAN_LOAD_PASSWORD": PASSWORD,
        "HIPPLAN_LOAD_CLIENT": str(probe_client().pk),
        "HIPPLAN_LOAD_VERSION": str(version.pk),
        "HIPPLAN_LOAD_DRAFTS": ",".join(map(str, draft_ids)),
    }


# gunicorn checks the seeded admin's password with the production hashers, so it must be
# hashed with one of them (the suite's cheap hasher is not among them).
@pytest.mark.production_hashing
def test_bench_load_pages_against_trivial_page(transactional_db: None, tmp_path: Path) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("the load benchmark needs PostgreSQL (gunicorn shares the test database)")
    report = seed_network(spec=NETWORK, admin_password=PASSWORD)
    analyze()
    print(f"\nseeded {report.rows:,} rows ({NETWORK.clients:,} clients) in {report.seconds:.0f} s")
    env = {**os.environ, **_targets(User.objects.get(username=report.login))}
    port = _free_port()
    with (tmp_path / "gunicorn.log").open("wb") as log:
        server = _serve(port, log)
        try:
            results = {name: _phase(port, tag, tmp_path, env) for tag, name in PHASES}
        finally:
            server.terminate()
            server.wait(timeout=30)
    rows = {name: next(r for r in result if r["Name"] == name) for name, result in results.items()}
    failures = {
        f"{phase}: {row['Name']}": int(row["Failure Count"])
        for phase, result in results.items()
        for row in result
    }
    floor = rows["trivial page"]
    users = len(env["HIPPLAN_LOAD_DRAFTS"].split(","))
    print(f"\n{users} users, {WORKERS} gunicorn workers, {SECONDS} s per endpoint")
    print(f"{'endpoint':<18} {'requests':>8} {'req/s':>7} {'p95 ms':>7} {'rps ratio':>9}")
    for name, row in rows.items():
        ratio = float(row["Requests/s"]) / float(floor["Requests/s"])
        print(
            f"{name:<18} {row['Request Count']:>8} {float(row['Requests/s']):7.1f} "
            f"{row['95%']:>7} {ratio:8.2f}x"
        )
    print("goal: client list and client page at least 0.5x the trivial page's req/s")
    assert all(int(row["Request Count"]) > 0 for row in rows.values())
    assert failures == dict.fromkeys(failures, 0)

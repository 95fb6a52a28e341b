"""Two app server processes sharing one PostgreSQL: sessions and handouts work across them.

Two real gunicorn processes serve the test database on two loopback ports, with the
database cache, as behind a load balancer. A browser signs in on one and is signed in on
the other; a handout stored once is served from the database by both.
"""

import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.db import connection
from playwright.sync_api import Browser, Page

from assessments.models import Assessment
from clinic.models import AuditEntry
from plans.models import HandoutPDF
from tests.e2e.signing_in import sign_in
from tests.plans.handout.helpers import issue
from tests.processes import GUNICORN, PYTHON, process_env

ROOT = Path(__file__).resolve().parents[2]
CACHE_TABLE = "hipplan_cache"
BOOT_SECONDS = 60

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="two server processes need a shared PostgreSQL (SQLite tests use memory)",
    ),
    pytest.mark.django_db(transaction=True),  # the servers must see committed data
    # The servers check the password typed in the browser with the production hashers.
    pytest.mark.production_hashing,
]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _server_env() -> dict[str, str]:
    return process_env(CACHE_URL=f"db://{CACHE_TABLE}")


def _wait_healthy(base: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + BOOT_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"Server {base} exited:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(f"{base}/health/", timeout=2) as response:  # noqa: S310
                if response.read() == b"ok":
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    pytest.fail(f"Server {base} did not answer /health/ in {BOOT_SECONDS} s:\n{log.read_text()}")


@pytest.fixture
def servers(tmp_path: Path) -> Iterator[tuple[str, str]]:
    """Two gunicorn processes (A, B) on free loopback ports, stopped afterwards."""
    env = _server_env()
    subprocess.run(  # noqa: S603 (our own manage.py)
        [PYTHON, "manage.py", "createcachetable"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        timeout=120,
    )
    processes: list[subprocess.Popen[bytes]] = []
    bases, logs = [], []
    try:
        for name in ("a", "b"):
            base, log = f"http://127.0.0.1:{_free_port()}", tmp_path / f"server-{name}.log"
            with log.open("wb") as output:
                processes.append(
                    subprocess.Popen(  # noqa: S603 (fixed command from our venv)
                        [
                            GUNICORN,
                            "clinic.wsgi",
                            "--bind",
                            base.removeprefix("http://"),
                            "--workers",
                            "1",
                            "--timeout",
                            "60",
                        ],
                        cwd=ROOT,
                        env=env,
                        stdout=output,
                        stderr=subprocess.STDOUT,
                    )
                )
            bases.append(base)
            logs.append(log)
        for base, process, log in zip(bases, processes, logs, strict=True):
            _wait_healthy(base, process, log)
        yield bases[0], bases[1]
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)
        with connection.cursor() as cursor:
            cursor.execute(f'DROP TABLE IF EXISTS "{CACHE_TABLE}"')


def _stored_handouts() -> list[tuple[int, bool, str, int]]:
    return list(
        HandoutPDF.objects.order_by("pk").values_list("pk", "with_progress", "status", "renders")
    )


def test_two_servers_share_sessions_and_handouts(
    servers: tuple[str, str],
    page: Page,
    browser: Browser,
    therapist: User,
    typical: Assessment,
) -> None:
    server_a, server_b = servers
    version = issue(therapist, typical)
    client = typical.client

    sign_in(page, server_a)
    response = page.goto(f"{server_b}/clients/{client.pk}/")
    assert response is not None
    assert (response.status, response.url) == (200, f"{server_b}/clients/{client.pk}/")
    assert page.get_by_role("heading", level=1).inner_text() == "Priya Sharma"
    # Without the session cookie, B sends the visitor to sign in: the cookie carried it.
    stranger = browser.new_context()
    try:
        refused = stranger.request.get(f"{server_b}/clients/{client.pk}/", max_redirects=0)
        assert refused.status == 302
        assert refused.headers["location"].startswith("/accounts/login/")
    finally:
        stranger.close()

    first = page.context.request.get(f"{server_a}/plans/{version.pk}/handout.pdf")
    assert (first.status, first.headers["content-type"]) == (200, "application/pdf")
    assert first.body().startswith(b"%PDF-")
    rendered = _stored_handouts()  # by the task when the issue committed, or by A
    assert [(kind, status, renders) for _, kind, status, renders in rendered] == [
        (False, "ready", 1),
        (True, "ready", 1),
    ]

    second = page.context.request.get(f"{server_b}/plans/{version.pk}/handout.pdf")
    assert second.status == 200
    assert second.body() == first.body()
    assert _stored_handouts() == rendered  # B served the stored copy: it rendered nothing
    downloads = AuditEntry.objects.filter(object_type="handout").values_list("detail", flat=True)
    assert list(downloads) == ["handout PDF downloaded (plan version 1)"] * 2

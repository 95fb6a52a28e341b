"""Issue a plan in the browser; the real task worker makes the handout; download it.

The app queues its tasks in the database as in production, and a `manage.py db_worker`
process (started here, stopped at the end) runs them. PostgreSQL only: the worker process
cannot reach the SQLite test database.
"""

import subprocess
from collections.abc import Iterator
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.db import connection
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from assessments.models import Assessment
from plans.handout.render import RENDERS
from plans.models import HandoutPDF, PlanVersion, RenderStatus
from tests.e2e.signing_in import sign_in
from tests.processes import DATABASE_TASKS, running_worker

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="the worker process cannot reach the SQLite test database",
    ),
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def worker(settings: Any) -> Iterator[subprocess.Popen[bytes]]:
    """The app queues in the database; one real worker runs what it queues."""
    settings.TASKS = DATABASE_TASKS
    with running_worker(interval=0.2) as process:
        yield process


def test_issue_in_the_browser_and_the_worker_makes_the_handout(
    page: Page,
    live_server: LiveServer,
    therapist: User,
    typical: Assessment,
    worker: subprocess.Popen[bytes],
) -> None:
    base = live_server.url
    sign_in(page, base)
    page.goto(f"{base}/assessments/{typical.pk}/")
    page.get_by_role("button", name="Build plan").click()
    page.get_by_role("button", name="Issue version 1").click()
    expect(page.get_by_text("Plan version 1 issued.")).to_be_visible()

    version = PlanVersion.objects.get()
    status = page.locator("#handout-status")
    for _ in range(60):  # the worker renders in the background; the page says when it is done
        if HandoutPDF.objects.filter(plan_version=version, status=RenderStatus.READY).count() == 2:
            break
        page.wait_for_timeout(500)
    page.reload()
    expect(status).to_contain_text("Handout PDF: ready")

    before = RENDERS.count  # renders in this (the web server's) process
    with page.expect_download() as download:
        page.get_by_role("link", name="Download PDF").click()
    path = download.value.path()
    assert path.read_bytes().startswith(b"%PDF-")
    assert download.value.suggested_filename == "home-program-priya-sharma-v1.pdf"
    assert RENDERS.count == before  # served what the worker stored
    assert worker.poll() is None  # still running

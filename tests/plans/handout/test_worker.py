"""The real task worker (`manage.py db_worker`, the database backend) on the test database.

Tasks are queued by the app as in production (the database backend, when the issue
commits) and run by worker processes. PostgreSQL only: a worker process cannot reach the
SQLite test database, which lives in this process's memory.
"""

import subprocess
from collections.abc import Sequence
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client as HttpClient
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from assessments.models import Assessment
from plans.handout.render import RENDERS
from plans.handout.tasks import enqueue_render
from plans.models import HandoutPDF, PlanVersion, RenderStatus
from tests.paths import ROOT
from tests.plans.handout.helpers import issue
from tests.processes import DATABASE_TASKS, PYTHON, process_env

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="a worker process cannot reach the SQLite test database (in this process)",
    ),
    pytest.mark.django_db(transaction=True),  # the workers must see committed rows
]


@pytest.fixture
def database_tasks(settings: Any) -> None:
    """Queue tasks in the database, as production does (the tests run them at once)."""
    settings.TASKS = DATABASE_TASKS


def _run_workers(count: int) -> None:
    """`count` workers side by side, each until nothing is left to do (--batch)."""
    command = [PYTHON, "manage.py", "db_worker", "--batch", "--no-startup-delay", "--no-reload"]
    env = process_env(DJANGO_TASKS_BACKEND="database")
    workers = [
        subprocess.Popen(  # noqa: S603 (our own manage.py)
            command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
        )
        for _ in range(count)
    ]
    for worker in workers:
        output, _ = worker.communicate(timeout=180)
        assert worker.returncode == 0, output.decode()


def _pdfs(version: PlanVersion) -> list[tuple[bool, str, int]]:
    rows = HandoutPDF.objects.filter(plan_version=version).order_by("with_progress")
    return list(rows.values_list("with_progress", "status", "renders"))


def _task_states() -> Sequence[str]:
    return sorted(DBTaskResult.objects.values_list("status", flat=True))


@pytest.mark.usefixtures("database_tasks")
def test_worker_makes_both_pdfs_queued_by_the_issue(therapist: User, typical: Assessment) -> None:
    version = issue(therapist, typical)
    assert _task_states() == ["READY", "READY"]
    assert _pdfs(version) == [(False, RenderStatus.QUEUED, 0), (True, RenderStatus.QUEUED, 0)]
    _run_workers(1)
    assert _task_states() == ["SUCCESSFUL", "SUCCESSFUL"]
    assert _pdfs(version) == [(False, RenderStatus.READY, 1), (True, RenderStatus.READY, 1)]


@pytest.mark.usefixtures("database_tasks")
def test_two_workers_never_render_the_same_version_twice(
    therapist: User, typical: Assessment
) -> None:
    version = issue(therapist, typical)
    for _ in range(3):  # the same work queued again and again, as retries and repeats can
        for kind in (False, True):
            enqueue_render(version.pk, with_progress=kind)
    _run_workers(2)
    assert _task_states() == ["SUCCESSFUL"] * 8
    assert _pdfs(version) == [(False, RenderStatus.READY, 1), (True, RenderStatus.READY, 1)]


@pytest.mark.usefixtures("database_tasks")
def test_stopped_worker_leaves_downloads_working(
    therapist: User, typical: Assessment, as_therapist: HttpClient
) -> None:
    version = issue(therapist, typical)  # queued, and no worker is running
    before = RENDERS.count
    response = as_therapist.get(reverse("handout_pdf", args=[version.pk]))
    assert (response.status_code, response["Content-Type"]) == (200, "application/pdf")
    assert RENDERS.count == before + 1
    _run_workers(1)  # the worker comes back: the plain PDF is there already
    assert _pdfs(version) == [(False, RenderStatus.READY, 1), (True, RenderStatus.READY, 1)]
    again = as_therapist.get(reverse("handout_pdf", args=[version.pk]))
    assert again.content == response.content

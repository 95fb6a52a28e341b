"""Our own processes (app servers, task workers) run against the test database."""

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from django.db import connection

from tests.paths import ROOT

# The interpreter and environment running the tests (.venv, or another one: README).
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).parent / "gunicorn")


def test_database_url() -> str:
    """The pytest test database (test_<name>), as a process's DATABASE_URL (PostgreSQL)."""
    db = connection.settings_dict
    auth = quote(db["USER"] or "", safe="")
    if db["PASSWORD"]:
        auth += ":" + quote(db["PASSWORD"], safe="")
    host = db["HOST"] or "127.0.0.1"
    return f"postgres://{auth}@{host}:{db['PORT'] or 5432}/{quote(db['NAME'], safe='')}"


def process_env(**overrides: str) -> dict[str, str]:
    """This environment, pointed at the test database, in production mode."""
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update(
        DATABASE_URL=test_database_url(),
        DJANGO_SECRET_KEY="test-processes-key-7c1e9a4f2b8d6e0c3a5f7b9d1e3c5a7f9b1d3e",
        DJANGO_DEBUG="false",
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SECURE_SSL_REDIRECT="false",
        DJANGO_SECURE_COOKIES="false",
        DJANGO_STATIC_MANIFEST="false",
        **overrides,
    )
    return env


# What the app queues on when tasks go to the worker, as in production (the tests run them
# at once otherwise).
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@contextmanager
def running_worker(*, interval: float) -> Iterator[subprocess.Popen[bytes]]:
    """One `manage.py db_worker` on the test database, polling every `interval` seconds,
    stopped at the end."""
    process = subprocess.Popen(  # noqa: S603 (our own manage.py)
        [PYTHON, "manage.py", "db_worker", "--interval", str(interval), "--no-reload"],
        cwd=ROOT,
        env=process_env(DJANGO_TASKS_BACKEND="database"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield process
    finally:
        process.terminate()
        process.wait(timeout=30)

"""Our own processes (app servers, task workers) run against the test database."""

import os
import sys
from pathlib import Path
from urllib.parse import quote

from django.db import connection

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

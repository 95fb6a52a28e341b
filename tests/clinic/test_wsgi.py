"""clinic.wsgi under gunicorn: no development default, and a clear line when it cannot start."""

import os
import subprocess

from tests.paths import ROOT
from tests.processes import GUNICORN

# gunicorn's exit status when a worker cannot load the app: it stops instead of retrying.
GUNICORN_BOOT_ERROR = 3


def _gunicorn(**env: str) -> subprocess.CompletedProcess[str]:
    """Start gunicorn on clinic.wsgi with only `env` configured; it must stop by itself."""
    clean = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("DJANGO_") and key not in {"DATABASE_URL", "CACHE_URL"}
    }
    return subprocess.run(  # noqa: S603 (fixed command from our venv)
        [
            GUNICORN,
            "clinic.wsgi",
            "--bind",
            "127.0.0.1:0",
            "--workers",
            "1",
        ],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_wsgi_without_secret_stops_the_server_with_one_clear_line() -> None:
    # Nothing configured: manage.py would run a development checkout; a server never does.
    result = _gunicorn()
    assert result.returncode == GUNICORN_BOOT_ERROR
    assert (
        "clinic.wsgi: cannot start: Set DJANGO_SECRET_KEY (50+ random characters) "
        "or DJANGO_DEBUG=true for development."
    ) in result.stderr.splitlines()


def test_wsgi_bad_value_stops_the_server_with_one_clear_line() -> None:
    result = _gunicorn(DJANGO_SECRET_KEY="x" * 50, DJANGO_DEBUG="maybe")
    assert result.returncode == GUNICORN_BOOT_ERROR
    assert (
        "clinic.wsgi: cannot start: DJANGO_DEBUG='maybe' is not a boolean (use true or false)."
    ) in result.stderr.splitlines()

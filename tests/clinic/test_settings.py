"""Settings read from the environment: production values pass `check --deploy` cleanly."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SECRET_KEY": "k7#Qz!p2Lw9@vR4t&Yb8^Nc1*Md6(Xe3)Hf5-Gj0+Sa_Ud=Ti[Oo]Pq{Ks}Lm|Zr",
    "DJANGO_ALLOWED_HOSTS": "clinic.example.org",
    "DATABASE_URL": "postgres://app:secret@db.internal:5432/hipplan",
    "CACHE_URL": "redis://cache.internal:6379/0",
    "DJANGO_BEHIND_TLS_PROXY": "true",
}


def _manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "CACHE_URL"))}
    clean.pop("DATABASE_URL", None)
    return subprocess.run(  # noqa: S603 (fixed command, our own manage.py)
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_check_deploy_reports_nothing_with_production_variables() -> None:
    result = _manage("check", "--deploy", "--fail-level", "DEBUG", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_missing_secret_key_without_debug_fails_loudly() -> None:
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "DJANGO_SECRET_KEY"}
    result = _manage("check", env=env)
    assert result.returncode != 0
    assert "Set DJANGO_SECRET_KEY" in result.stderr


def test_bad_boolean_in_environment_fails_loudly() -> None:
    result = _manage("check", env={**PRODUCTION_ENV, "DJANGO_DEBUG": "maybe"})
    assert result.returncode != 0
    assert "DJANGO_DEBUG='maybe' is not a boolean" in result.stderr


def test_debug_is_off_unless_asked_for() -> None:
    result = _manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings; print(settings.DEBUG)",
        env=PRODUCTION_ENV,
    )
    assert result.stdout.strip() == "False", result.stderr

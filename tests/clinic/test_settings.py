"""Settings read from the environment: production values pass `check --deploy` cleanly."""

import json
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


def _settings(names: list[str], env: dict[str, str]) -> dict[str, object]:
    code = (
        "import json; from django.conf import settings; "
        f"print(json.dumps({{n: getattr(settings, n) for n in {names!r}}}, default=str))"
    )
    result = _manage("shell", "--no-imports", "-c", code, env=env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_transport_and_cookie_settings() -> None:
    values = _settings(
        [
            "SECURE_SSL_REDIRECT",
            "SESSION_COOKIE_SECURE",
            "CSRF_COOKIE_SECURE",
            "SECURE_HSTS_SECONDS",
            "SECURE_HSTS_INCLUDE_SUBDOMAINS",
            "SECURE_HSTS_PRELOAD",
            "SECURE_PROXY_SSL_HEADER",
            "SESSION_COOKIE_HTTPONLY",
            "CSRF_COOKIE_HTTPONLY",
            "SESSION_COOKIE_SAMESITE",
            "CSRF_COOKIE_SAMESITE",
            "X_FRAME_OPTIONS",
            "SECURE_CROSS_ORIGIN_OPENER_POLICY",
            "SECURE_CONTENT_TYPE_NOSNIFF",
            "SESSION_COOKIE_AGE",
            "SESSION_IDLE_SECONDS",
        ],
        PRODUCTION_ENV,
    )
    assert values == {
        "SECURE_SSL_REDIRECT": True,
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "SECURE_HSTS_SECONDS": 31_536_000,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SECURE_HSTS_PRELOAD": True,
        "SECURE_PROXY_SSL_HEADER": ["HTTP_X_FORWARDED_PROTO", "https"],
        "SESSION_COOKIE_HTTPONLY": True,
        "CSRF_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "CSRF_COOKIE_SAMESITE": "Lax",
        "X_FRAME_OPTIONS": "DENY",
        "SECURE_CROSS_ORIGIN_OPENER_POLICY": "same-origin",
        "SECURE_CONTENT_TYPE_NOSNIFF": True,
        "SESSION_COOKIE_AGE": 28_800,
        "SESSION_IDLE_SECONDS": 1_800,
    }


def test_production_login_throttling_and_csp_are_on() -> None:
    values = _settings(
        [
            "AXES_ENABLED",
            "AXES_FAILURE_LIMIT",
            "AXES_COOLOFF_TIME",
            "AXES_LOCKOUT_PARAMETERS",
            "CONTENT_SECURITY_POLICY",
            "MIDDLEWARE",
            "AUTHENTICATION_BACKENDS",
        ],
        PRODUCTION_ENV,
    )
    middleware = values.pop("MIDDLEWARE")
    assert values == {
        "AXES_ENABLED": True,
        "AXES_FAILURE_LIMIT": 5,
        "AXES_COOLOFF_TIME": "0:15:00",
        "AXES_LOCKOUT_PARAMETERS": [["username", "ip_address"]],
        "CONTENT_SECURITY_POLICY": {
            "DIRECTIVES": {
                "default-src": ["'self'"],
                "script-src": ["'self'"],
                "style-src": ["'self'"],
                "img-src": ["'self'", "data:"],
                "object-src": ["'none'"],
                "base-uri": ["'none'"],
                "form-action": ["'self'"],
                "frame-ancestors": ["'none'"],
            }
        },
        "AUTHENTICATION_BACKENDS": [
            "axes.backends.AxesStandaloneBackend",
            "django.contrib.auth.backends.ModelBackend",
        ],
    }
    assert isinstance(middleware, list)
    assert middleware[-1] == "axes.middleware.AxesMiddleware"
    assert {
        "csp.middleware.CSPMiddleware",
        "clinic.middleware.session.IdleSessionMiddleware",
        "clinic.middleware.cache.NeverCacheMiddleware",
    } <= set(middleware)


def test_security_numbers_read_from_environment() -> None:
    env = {
        **PRODUCTION_ENV,
        "DJANGO_SESSION_IDLE_SECONDS": "600",
        "DJANGO_LOGIN_FAILURE_LIMIT": "3",
        "DJANGO_LOGIN_COOLOFF_SECONDS": "120",
        "DJANGO_LOGIN_THROTTLE": "false",
    }
    values = _settings(
        ["SESSION_IDLE_SECONDS", "AXES_FAILURE_LIMIT", "AXES_COOLOFF_TIME", "AXES_ENABLED"], env
    )
    assert values == {
        "SESSION_IDLE_SECONDS": 600,
        "AXES_FAILURE_LIMIT": 3,
        "AXES_COOLOFF_TIME": "0:02:00",
        "AXES_ENABLED": False,
    }


def test_idle_timeout_below_a_minute_fails_loudly() -> None:
    result = _manage("check", env={**PRODUCTION_ENV, "DJANGO_SESSION_IDLE_SECONDS": "10"})
    assert result.returncode != 0
    assert "DJANGO_SESSION_IDLE_SECONDS=10 is below the minimum of 60." in result.stderr

"""Typed readers for environment variables that fail loudly on a bad value."""

import os
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str | None = None) -> str:
    """Return the variable, or the default; a missing variable without default is an error."""
    value = os.environ.get(name)
    if value is None:
        if default is None:
            raise ImproperlyConfigured(f"Set the environment variable {name}.")
        return default
    return value


def env_bool(name: str, default: bool) -> bool:
    """Accept 1/0, true/false, yes/no, on/off (any case); anything else is an error."""
    value = os.environ.get(name)
    if value is None:
        return default
    lowered = value.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={value!r} is not a boolean (use true or false).")


def env_int(name: str, default: int, *, minimum: int | None = None) -> int:
    """Read a whole number, optionally with a lower bound."""
    value = os.environ.get(name)
    if value is None:
        return default
    try:
        number = int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r} is not a whole number.") from None
    if minimum is not None and number < minimum:
        raise ImproperlyConfigured(f"{name}={number} is below the minimum of {minimum}.")
    return number


def env_list(name: str, default: list[str]) -> list[str]:
    """Read a comma-separated list; blank items are dropped."""
    value = os.environ.get(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def cache_from_url(url: str) -> dict[str, Any]:
    """Turn a CACHE_URL (locmem://, dummy://, db://table, redis://host:port/db) into CACHES."""
    parts = urlsplit(url)
    options = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    if parts.scheme == "locmem":
        return {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": parts.netloc or "hipplan",
        }
    if parts.scheme == "dummy":
        return {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    if parts.scheme == "db":
        table = parts.netloc or parts.path.lstrip("/")
        if not table:
            raise ImproperlyConfigured(
                "CACHE_URL db:// needs a table name, e.g. db://cache_table."
            )
        return {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": table}
    if parts.scheme in {"redis", "rediss"}:
        location = parts._replace(query="").geturl()
        return {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": location,
            "OPTIONS": options,
        }
    raise ImproperlyConfigured(
        f"CACHE_URL scheme {parts.scheme!r} is not supported (use locmem, dummy, db or redis)."
    )


def sqlite_url(path: Path) -> str:
    """The dj-database-url form of a SQLite file path."""
    return f"sqlite:///{path}"


def database_from_url(name: str, default: str, **options: Any) -> dict[str, Any]:
    """Read a database URL (dj-database-url's forms); an unknown scheme is a clear error."""
    url = env_str(name, default=default)
    try:
        return dict(dj_database_url.parse(url, **options))
    except ValueError as error:
        raise ImproperlyConfigured(f"{name}: {error}") from None

import pytest
from django.core.exceptions import ImproperlyConfigured

from clinic.env import (
    cache_from_url,
    database_from_url,
    env_bool,
    env_int,
    env_list,
    env_str,
)


def test_env_str_missing_without_default_names_the_variable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("HIPPLAN_X", raising=False)
    with pytest.raises(ImproperlyConfigured, match="HIPPLAN_X"):
        env_str("HIPPLAN_X")


def test_env_str_default_used_when_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HIPPLAN_X", raising=False)
    assert env_str("HIPPLAN_X", default="fallback") == "fallback"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("1", True), ("TRUE", True), ("yes", True), ("on", True), ("0", False), ("off", False)],
)
def test_env_bool_reads_common_spellings(
    monkeypatch: pytest.MonkeyPatch, raw: str, expected: bool
) -> None:
    monkeypatch.setenv("HIPPLAN_FLAG", raw)
    assert env_bool("HIPPLAN_FLAG", default=not expected) is expected


def test_env_bool_rejects_a_typo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HIPPLAN_FLAG", "ture")
    with pytest.raises(ImproperlyConfigured, match="'ture' is not a boolean"):
        env_bool("HIPPLAN_FLAG", default=False)


def test_env_int_rejects_text_and_values_below_minimum(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HIPPLAN_N", "ten")
    with pytest.raises(ImproperlyConfigured, match="not a whole number"):
        env_int("HIPPLAN_N", default=1)
    monkeypatch.setenv("HIPPLAN_N", "-5")
    with pytest.raises(ImproperlyConfigured, match="below the minimum of 0"):
        env_int("HIPPLAN_N", default=1, minimum=0)
    monkeypatch.setenv("HIPPLAN_N", "42")
    assert env_int("HIPPLAN_N", default=1, minimum=0) == 42


def test_env_list_splits_and_drops_blanks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HIPPLAN_HOSTS", "a.example, b.example,,")
    assert env_list("HIPPLAN_HOSTS", default=[]) == ["a.example", "b.example"]


def test_cache_from_url_knows_each_backend() -> None:
    assert cache_from_url("locmem://x")["BACKEND"].endswith("LocMemCache")
    assert cache_from_url("dummy://")["BACKEND"].endswith("DummyCache")
    assert cache_from_url("db://cache_table") == {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "cache_table",
    }
    redis = cache_from_url("redis://127.0.0.1:6379/2")
    assert redis["BACKEND"].endswith("RedisCache")
    assert redis["LOCATION"] == "redis://127.0.0.1:6379/2"


def test_cache_from_url_rejects_unknown_scheme() -> None:
    with pytest.raises(ImproperlyConfigured, match="'memcache' is not supported"):
        cache_from_url("memcache://127.0.0.1")


def test_database_from_url_reads_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TEST_DATABASE", "postgres://app@db:5433/hipplan")
    parsed = database_from_url("TEST_DATABASE", default="sqlite:///unused.sqlite3")
    assert (parsed["ENGINE"], parsed["HOST"], parsed["PORT"], parsed["NAME"]) == (
        "django.db.backends.postgresql",
        "db",
        5433,
        "hipplan",
    )


def test_database_from_url_rejects_unknown_scheme_naming_the_variable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TEST_DATABASE", "foo://x")
    with pytest.raises(ImproperlyConfigured, match=r"^TEST_DATABASE: Scheme 'foo://' is unknown"):
        database_from_url("TEST_DATABASE", default="sqlite:///unused.sqlite3")

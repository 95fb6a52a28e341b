"""Hostile input for the property-based form tests (issue 7): the values and the checks.

Every form test posts a valid baseline with one to three fields replaced by a hostile value
and asserts the app either refuses it with a message by the field (a 200 re-render with
form errors) or saves it and shows it escaped; nothing ever crashes (the test client
re-raises a server error, so a 500 fails the test).
"""

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, TypeVar

from django.test import Client as HttpClient
from django.utils.html import escape
from hypothesis import HealthCheck, currently_in_test_context, event, example, settings
from hypothesis import strategies as st

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
SQL = "'; DROP TABLE clinic_client; --"
NUL = "\x00"
# Markup that must never reach a page as it was typed.
PAYLOADS = (SCRIPT, IMG)

NAMED: tuple[str, ...] = (
    "x" * 100_000,
    SCRIPT * 5_000,
    NUL,
    f"Ann{NUL}Lee",
    "\x1b[2J\x1b[31mred",
    "\u202eevil.exe",
    "\r\n\r\n",
    "\ufeff",
    SCRIPT,
    IMG,
    f"Priya{SCRIPT}",
    SQL,
    "1 OR 1=1",
    "-1e308",
    "1e308",
    "NaN",
    "Infinity",
    "-Infinity",
    "1e5",
    "٣",
    "²",
    "\uff11\uff12",  # fullwidth digits
    "9" * 5_000,
    "99999999999999999999",
    "-1",
    "0x10",
    "1_000",
    "3.14159",
    "",
    " ",
    "\t \n",
    "2026-02-30",
    "0001-01-01",
    "9999-12-31",
    # Out of range for a unit of % (the ODI total), and format specifiers in any text.
    "100.5",
    "150",
    "%",
    "%(value)s%d 100%",
)

# Hypothesis: modest and without an example database on disk (the working tree stays clean);
# each test's fixtures are made once and shared by its examples, on purpose. Every named
# value above is tried as well, on top of these random examples (with_named): the named
# values carry the known attacks, so the random ones are few (the suite's time budget).
PROFILE = settings(
    max_examples=5,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def hostile_values() -> st.SearchStrategy[str]:
    """A named malicious value, arbitrary text (control characters included), or a mix."""
    return st.one_of(
        st.sampled_from(NAMED),
        st.text(max_size=40),
        st.builds(
            lambda head, bad, tail: head + bad + tail,
            st.text(max_size=6),
            st.sampled_from(NAMED),
            st.text(max_size=6),
        ),
    )


def hostile_json() -> st.SearchStrategy[str]:
    """Text for a JSON field: any value, arbitrary JSON, deep nesting, huge numbers."""
    leaves = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=10))
    documents = st.recursive(
        leaves,
        lambda inner: st.one_of(
            st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=10), inner, max_size=3)
        ),
        max_leaves=10,
    )
    depth = st.integers(min_value=1, max_value=60_000)
    digits = st.integers(min_value=1, max_value=6_000)
    return st.one_of(
        hostile_values(),
        documents.map(json.dumps),
        depth.map(lambda n: "[" * n + "]" * n),
        depth.map(lambda n: '{"a": ' * n + "1" + "}" * n),
        digits.map(lambda n: '{"slr_reduced_below": ' + "9" * n + "}"),
        digits.map(lambda n: '{"slr_reduced_below": -' + "9" * n + ".5}"),
    )


def overrides(fields: Sequence[str]) -> st.SearchStrategy[dict[str, str]]:
    """One to three of `fields`, each with a hostile value."""
    return st.dictionaries(st.sampled_from(fields), hostile_values(), min_size=1, max_size=3)


_Test = TypeVar("_Test", bound=Callable[..., Any])


def with_named(param: str, fields: Sequence[str] | None = None) -> Callable[[_Test], _Test]:
    """Always try every named value as well (explicit examples, on top of the random ones).

    As the argument `param` itself, or, given `fields`, as an overrides dict putting each
    named value into the next field in turn.
    """

    def decorate(test: _Test) -> _Test:
        for index, value in enumerate(NAMED):
            argument = value if fields is None else {fields[index % len(fields)]: value}
            test = example(**{param: argument})(test)
        return test

    return decorate


def note(outcome: str) -> None:
    """Count the outcome in hypothesis's statistics (--hypothesis-show-statistics)."""
    if currently_in_test_context():
        event(outcome)


def page(response: Any) -> str:
    return bytes(response.content).decode(errors="replace")


def assert_never_raw(text: str) -> None:
    """No typed markup reaches the page unescaped."""
    assert [payload for payload in PAYLOADS if payload in text] == []


def has_nul(data: Mapping[str, str], fields: Iterable[str]) -> bool:
    return any(NUL in data.get(name, "") for name in fields)


def assert_refused(response: Any, *, form: str = "form", fields: Iterable[str] = ()) -> None:
    """A 200 re-render whose form names the problem (at each of `fields`, if given).

    An edit conflict (the posted record version is not the current one) explains itself
    instead, next to the typed values.
    """
    assert response.status_code == 200
    errors = response.context[form].errors
    conflict = response.context.get("conflict")  # [] when what was typed matches
    assert errors or conflict is not None, "refused without saying why"
    assert [name for name in fields if name not in errors] == []
    assert_never_raw(page(response))


def assert_refused_or_saved(
    response: Any, http: HttpClient, data: Mapping[str, str], *, shown: Iterable[str] = ()
) -> str:
    """Refused with a message, or saved: the page it leads to shows typed markup escaped.

    `shown` names the posted fields that page displays. Returns "refused" or "saved".
    """
    if response.status_code == 200:
        assert_refused(response)
        note("refused")
        return "refused"
    assert response.status_code == 302, f"unexpected status {response.status_code}"
    after = http.get(response["Location"])
    text = page(after)
    assert after.status_code == 200
    assert_never_raw(text)
    for name in shown:
        if SCRIPT in data.get(name, ""):
            assert escape(SCRIPT) in text, f"{name}: saved markup is not shown escaped"
    note("saved")
    return "saved"

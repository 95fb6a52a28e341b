"""Hostile interchange documents: every one is refused with its problems listed, or imported
and shown escaped; nothing crashes (PostgreSQL refuses NUL characters in text)."""

import io
import json
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.test import Client as HttpClient
from django.urls import reverse
from django.utils.html import escape
from hypothesis import event, example, given
from hypothesis import strategies as st

from assessments.interchange.document import (
    NARRATIVE_KEYS,
    SCHEMA,
    InterchangeError,
    import_assessment,
    load_json,
    parse_document,
)
from assessments.models import Assessment
from clinic.models import Client
from tests.hostile import NAMED, NUL, PROFILE, SCRIPT, assert_never_raw, hostile_values, page

BASELINE: dict[str, Any] = {
    "schema": SCHEMA,
    "version": 1,
    "visit_date": "2026-11-02",
    "status": "draft",
    "therapist": "therapist",
    "client": {"reference": "1", "age_at_visit": 38, "sex": ""},
    "narrative": dict.fromkeys(NARRATIVE_KEYS, ""),
    "measurements": [
        {"item": "pain_now", "side": "", "value": 4},
        {"item": "thomas_hip_angle", "side": "left", "value": 12},
        {"item": "psfs_activity_1", "side": "", "value": "Walking"},
        {"item": "psfs_score_1", "side": "", "value": 6},
    ],
}
PATHS: tuple[tuple[str | int, ...], ...] = (
    ("schema",),
    ("version",),
    ("visit_date",),
    ("status",),
    ("therapist",),
    ("client", "reference"),
    ("client", "age_at_visit"),
    ("client", "sex"),
    *(("narrative", name) for name in NARRATIVE_KEYS),
    *(("measurements", index, key) for index in range(4) for key in ("item", "side", "value")),
)
# Paths whose strings are stored and shown: narrative and the free-text item's value.
TEXT_PATHS = (*(("narrative", name) for name in NARRATIVE_KEYS), ("measurements", 2, "value"))
json_values = st.one_of(
    hostile_values(),
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=10**300, max_value=10**400),
    st.floats(allow_nan=True, allow_infinity=True),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)


def _document(changes: list[tuple[tuple[str | int, ...], Any]]) -> dict[str, Any]:
    document = json.loads(json.dumps(BASELINE))
    for path, value in changes:
        target = document
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value
    return document


def _parse(text: str | bytes) -> Any:
    """The parsed document, or the InterchangeError listing its problems."""
    try:
        return parse_document(load_json(text))
    except InterchangeError as caught:
        error = caught
    assert error.problems, "refused without a problem named"
    assert all(p.path.startswith("$") and p.message for p in error.problems)
    return error


def _strings(value: Any) -> list[str]:
    """Every string in a decoded document, keys included."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for key, item in value.items() for text in [key, *_strings(item)]]
    if isinstance(value, list):
        return [text for item in value for text in _strings(item)]
    return []


def _import_and_show(parsed: Any, client: Client, therapist: User, http: HttpClient) -> None:
    """Imported: stored as given, and the visit's page shows typed markup escaped."""
    assessment = import_assessment(parsed, client=client, actor=therapist)
    text = page(http.get(reverse("assessment_detail", args=[assessment.pk])))
    assert_never_raw(text)
    if any(SCRIPT in value for value in parsed.narrative.values()):
        assert escape(SCRIPT) in text


changes = st.lists(
    st.one_of(
        st.tuples(st.sampled_from(TEXT_PATHS), hostile_values()),
        st.tuples(st.sampled_from(PATHS), json_values),
    ),
    min_size=1,
    max_size=3,
)


def _with_named_notes(test: Any) -> Any:
    """Always try every named hostile value as the visit's notes too."""
    for value in NAMED:
        test = example(changes=[(("narrative", "notes"), value)], ascii_only=False)(test)
    return test


@PROFILE
@given(changes=changes, ascii_only=st.booleans())
@_with_named_notes
def test_import_hostile_document_refused_or_imported(
    as_therapist: HttpClient,
    therapist: User,
    client_record: Client,
    changes: list[tuple[tuple[str | int, ...], Any]],
    ascii_only: bool,
) -> None:
    document = _document(changes)
    parsed = _parse(json.dumps(document, ensure_ascii=ascii_only))
    event("refused" if isinstance(parsed, InterchangeError) else "imported")
    if isinstance(parsed, InterchangeError):
        assert not any(NUL in str(problem) for problem in parsed.problems)
        return
    assert not any(NUL in text for text in _strings(document))
    _import_and_show(parsed, client_record, therapist, as_therapist)


@PROFILE
@given(raw=st.one_of(st.binary(max_size=200), st.text(max_size=200), st.sampled_from(NAMED)))
def test_import_arbitrary_bytes_refused_with_problems(raw: bytes | str) -> None:
    assert isinstance(_parse(raw), InterchangeError)


@pytest.mark.parametrize(
    "raw",
    [
        "[" * 100_000 + "]" * 100_000,
        '{"version": ' + "9" * 5_000 + "}",
        '{"version": 1e999999}',
        '{"version": NaN}',
        b"\xff\xfe\x00{",
        "\ufeff{}",
    ],
    ids=["deep-nesting", "huge-integer", "huge-exponent", "nan", "utf16-bytes", "bom"],
)
def test_import_pathological_json_refused_with_problems(raw: str | bytes) -> None:
    assert isinstance(_parse(raw), InterchangeError)


@pytest.mark.parametrize(
    "path", [("narrative", "notes"), ("measurements", 2, "value"), ("client", "reference")]
)
def test_import_nul_in_text_is_a_problem_at_its_path(path: tuple[str | int, ...]) -> None:
    error = _parse(json.dumps(_document([(path, f"hip{NUL}pain")])))
    where = "$." + ".".join(str(step) for step in path).replace(".2.", "[2].")
    assert [str(p) for p in error.problems] == [
        f"{where}: must not contain the NUL character (\\u0000)"
    ]


def test_import_command_refuses_nul_and_imports_nothing(
    therapist: User, client_record: Client, tmp_path: Path
) -> None:
    document = tmp_path / "visit.json"
    document.write_text(json.dumps(_document([(("narrative", "goals"), f"walk{NUL}")])))
    stderr = io.StringIO()
    with pytest.raises(CommandError, match="1 problem found; nothing was imported"):
        call_command(
            "assessment_import",
            str(document),
            client=client_record.pk,
            user="therapist",
            stderr=stderr,
        )
    assert "$.narrative.goals: must not contain the NUL character" in stderr.getvalue()
    assert Assessment.objects.count() == 0


def test_import_markup_is_stored_and_shown_escaped(
    as_therapist: HttpClient, therapist: User, client_record: Client
) -> None:
    parsed = _parse(json.dumps(_document([(("narrative", "presenting_complaint"), SCRIPT)])))
    _import_and_show(parsed, client_record, therapist, as_therapist)
    assert Assessment.objects.get().presenting_complaint == SCRIPT

"""manage.py suggest_plan: interchange JSON in, ranked suggestions out (no database)."""

import copy
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from plans.library import STRETCH_OLDER_DOSE
from tests.plans.rules.helpers import DEMO_FINDINGS

ROOT = Path(__file__).resolve().parents[2]
INTERCHANGE_DOC = (ROOT / "docs" / "interchange.md").read_text(encoding="utf-8")
# docs/interchange.md "Full example" (the first demo visit) and its invalid example.
EXAMPLE: dict[str, Any] = json.loads(re.findall(r"```json\n(.*?)```", INTERCHANGE_DOC, re.S)[0])
BAD_MATCH = re.search(r"```json bad\n(.*?)```", INTERCHANGE_DOC, re.S)
PROBLEMS_MATCH = re.search(r"```text problems\n(.*?)```", INTERCHANGE_DOC, re.S)
assert BAD_MATCH is not None
assert PROBLEMS_MATCH is not None
BAD = BAD_MATCH.group(1)
PROBLEMS = PROBLEMS_MATCH.group(1).splitlines()

EXPECTED_HOME = [
    "dead-bug",
    "glute-bridge",
    "kneeling-hip-flexor-stretch",
    "bird-dog",
    "pelvic-tilt",
]


def _write(tmp_path: Path, document: dict[str, Any] | str, name: str = "visit.json") -> str:
    path = tmp_path / name
    text = document if isinstance(document, str) else json.dumps(document)
    path.write_text(text, encoding="utf-8")
    return str(path)


def _run(*args: str, **options: Any) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("suggest_plan", *args, stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


def _with(changes: dict[str, str], age: int | None = None) -> dict[str, Any]:
    """The example document with some unsided measurements set (or added)."""
    document = copy.deepcopy(EXAMPLE)
    if age is not None:
        document["client"]["age_at_visit"] = age
    for entry in document["measurements"]:
        if entry["item"] in changes and entry["side"] == "":
            entry["value"] = changes.pop(entry["item"])
    document["measurements"] += [
        {"item": item, "side": "", "value": value} for item, value in changes.items()
    ]
    return document


def test_suggest_plan_json_for_the_demo_visit(tmp_path: Path) -> None:
    out, err = _run(_write(tmp_path, EXAMPLE))
    data = json.loads(out)
    assert err == ""
    assert list(data) == [
        "findings",
        "blocked",
        "referral",
        "home",
        "advice",
        "in_clinic",
        "held_back",
    ]
    assert data["findings"] == [
        {"code": f.code, "side": f.side, "severity": f.severity} for f in DEMO_FINDINGS
    ]
    assert (data["blocked"], data["referral"]) == (False, None)
    assert [item["slug"] for item in data["home"]] == EXPECTED_HOME
    first = data["home"][2]
    assert first["name"] == "Kneeling hip flexor stretch"
    assert (first["side"], first["emphasis"], first["score"]) == ("both", "", 12.0)
    assert first["dose"] == {
        "hold_seconds": 30,
        "repetitions": 3,
        "sets": None,
        "times_per_day": None,
        "days_per_week": 7,
        "text": "Hold 30 seconds, 3 times on each side, every day",
    }
    assert [r["finding"] for r in first["reasons"]] == [
        "anterior_pelvic_tilt",
        "tight_hip_flexors_one_joint",
        "lumbar_extension_compensation",
        "prolonged_sitting",
    ]
    assert set(first["reasons"][0]) == {"finding", "rationale", "why"}
    assert [item["slug"] for item in data["advice"]] == [
        "movement-breaks",
        "walking",
        "posture-variety",
        "heat-for-stiffness",
    ]
    assert [item["slug"] for item in data["in_clinic"]] == [
        "deep-tissue-massage",
        "myofascial-release",
    ]
    assert data["held_back"] == [
        {
            "slug": "hip-thrust",
            "name": "Hip thrust",
            "findings": ["lumbar_extension_compensation"],
            "because": ["Lumbar extension compensation"],
        }
    ]


def test_suggest_plan_limit(tmp_path: Path) -> None:
    path = _write(tmp_path, EXAMPLE)
    out, _ = _run(path, "--limit", "2")
    assert [item["slug"] for item in json.loads(out)["home"]] == EXPECTED_HOME[:2]
    out, _ = _run(path, limit=3)
    assert [item["slug"] for item in json.loads(out)["home"]] == EXPECTED_HOME[:3]


@pytest.mark.parametrize("limit", ["0", "-2"])
def test_suggest_plan_limit_below_one_rejected(tmp_path: Path, limit: str) -> None:
    with pytest.raises(CommandError, match="--limit must be"):
        _run(_write(tmp_path, EXAMPLE), f"--limit={limit}")


def test_suggest_plan_text(tmp_path: Path) -> None:
    out, _ = _run(_write(tmp_path, EXAMPLE), "--text")
    lines = out.splitlines()
    assert lines[:3] == [
        "Findings:",
        "  - Anterior pelvic tilt (moderate)",
        "  - Tight one-joint hip flexors (iliopsoas), both sides (mild)",
    ]
    start = lines.index("Home exercises:")
    assert lines[start + 1 : start + 3] == [
        "  1. Dead bug (both sides)",
        "     Dose: 2 sets of 8 on each side, 3 days a week",
    ]
    assert "  3. Kneeling hip flexor stretch (both sides)" in lines
    assert "  5. Lying pelvic tilt" in lines
    assert "     Or instead: Standing lunge stretch" in lines
    assert "  1. Movement breaks from sitting" in lines
    assert "  - Hip thrust: Lumbar extension compensation" in lines
    assert "RED FLAG" not in out


def test_suggest_plan_older_adult_dose(tmp_path: Path) -> None:
    out, _ = _run(_write(tmp_path, _with({}, age=65)))
    stretch = json.loads(out)["home"][2]
    assert stretch["slug"] == "kneeling-hip-flexor-stretch"
    assert (stretch["dose"]["hold_seconds"], stretch["dose"]["repetitions"]) == (
        STRETCH_OLDER_DOSE.hold_seconds,
        STRETCH_OLDER_DOSE.repetitions,
    )


def test_suggest_plan_red_flag_emergency(tmp_path: Path) -> None:
    out, _ = _run(_write(tmp_path, _with({"rf_bladder_bowel": "yes"})))
    data = json.loads(out)
    assert data["blocked"] is True
    assert (data["home"], data["advice"], data["in_clinic"]) == ([], [], [])
    assert data["referral"]["urgency"] == "emergency"
    assert data["referral"]["findings"] == ["red_flag_cauda_equina"]
    assert data["referral"]["message"].startswith("Emergency: refer for same-day assessment")
    assert data["findings"][0] == {
        "code": "red_flag_cauda_equina",
        "side": "none",
        "severity": "emergency",
    }
    assert data["held_back"][0]["slug"] == "dead-bug"
    assert data["held_back"][0]["findings"] == ["red_flag_cauda_equina"]


def test_suggest_plan_red_flag_urgent_text(tmp_path: Path) -> None:
    out, _ = _run(_write(tmp_path, _with({"rf_cancer_history": "yes"})), "--text")
    assert "RED FLAG (urgent): Urgent: refer the client to a doctor soon" in out
    assert "No home program is suggested." in out
    assert "Home exercises:" not in out
    assert "  - Kneeling hip flexor stretch: Red flag: possible cancer" in out


def test_suggest_plan_no_findings_suggests_nothing(tmp_path: Path) -> None:
    document = copy.deepcopy(EXAMPLE)
    document["measurements"] = []
    out, _ = _run(_write(tmp_path, document))
    data = json.loads(out)
    assert data == {
        "findings": [],
        "blocked": False,
        "referral": None,
        "home": [],
        "advice": [],
        "in_clinic": [],
        "held_back": [],
    }
    text, _ = _run(_write(tmp_path, document), "--text")
    assert text.splitlines() == ["Findings:", "  (none)", "", "Nothing to suggest."]


def test_suggest_plan_invalid_document_prints_every_problem(tmp_path: Path) -> None:
    path = _write(tmp_path, BAD)
    err = io.StringIO()
    with pytest.raises(CommandError, match=r"8 problems found; no plan was suggested"):
        call_command("suggest_plan", path, stdout=io.StringIO(), stderr=err)
    assert err.getvalue().splitlines() == PROBLEMS


def test_suggest_plan_not_json(tmp_path: Path) -> None:
    err = io.StringIO()
    with pytest.raises(CommandError, match="1 problem found"):
        call_command("suggest_plan", _write(tmp_path, "{"), stdout=io.StringIO(), stderr=err)
    assert err.getvalue().startswith("$: not valid JSON")


def test_suggest_plan_missing_file(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="cannot read the file"):
        _run(str(tmp_path / "missing.json"))

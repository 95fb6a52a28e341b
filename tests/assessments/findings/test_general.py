"""Findings (pure), general behaviour: nothing recorded, determinism, the fixed order of
findings, and every code documented, titled and worded."""

from assessments.findings.core import (
    ALL_CODES,
    FINDING_ORDER,
    PALPATION_ORDER,
    RED_FLAG_ORDER,
    Finding,
    interpret,
)
from assessments.findings.text import CLIENT_TEXT, TITLES
from assessments.norms import DEFAULT_CUTOFFS
from tests.assessments.findings.helpers import Entries, L, N, R, make, run
from tests.paths import ROOT

# ---- not tested, determinism, order ----


def test_interpret_nothing_recorded_gives_no_findings() -> None:
    assert run({}) == []


def test_interpret_normal_and_negative_entries_give_no_findings() -> None:
    entries: Entries = {
        ("thomas_hip_angle", L): -5,
        ("thomas_knee_angle", L): 80,
        ("slr_angle", L): 90,
        ("slr_below_knee_pain", L): "no",
        ("ober", L): "negative",
        ("fair", R): "negative",
        ("strength_glute_med", L): "5",
        ("rf_bladder_bowel", N): "no",
        ("agg_sitting", N): "no",
        ("lumbar_lordosis", N): "normal",
        ("hip_flexion", L): 115,
    }
    assert run(entries) == []


def test_interpret_missing_side_is_not_compared() -> None:
    assert run({("hip_internal_rotation", L): 30, ("strength_glute_max", R): "5"}) == []


RICH: Entries = {
    ("startback_total", N): 7,
    ("startback_distress", N): 4,
    ("agg_sitting", N): "yes",
    ("gait_hip_hiking", N): "yes",
    ("strength_glute_max", L): "4",
    ("hip_internal_rotation", R): 20,
    ("thomas_hip_angle", L): 10,
    ("lumbar_lordosis", N): "increased",
    ("rf_night_pain", N): "yes",
    ("rf_bladder_bowel", N): "yes",
    ("fair", L): "positive",
}


def test_interpret_red_flags_first_then_fixed_order() -> None:
    assert [f.code for f in run(RICH)] == [
        "red_flag_cauda_equina",
        "red_flag_cancer",
        "anterior_pelvic_tilt",
        "tight_hip_flexors_one_joint",
        "tight_piriformis",
        "limited_hip_internal_rotation",
        "weak_glute_max",
        "hip_hiking",
        "prolonged_sitting",
        "psychosocial_risk_high",
    ]


def test_interpret_same_input_same_output() -> None:
    reversed_entries = dict(reversed(list(RICH.items())))
    assert run(RICH) == run(RICH) == run(reversed_entries)


def test_interpret_fills_missing_cutoffs_with_defaults() -> None:
    values = make({("thomas_hip_angle", L): 5})
    assert interpret(values, {}) == interpret(values, DEFAULT_CUTOFFS)


def test_finding_order_lists_every_rule_once() -> None:
    assert len(set(ALL_CODES)) == len(ALL_CODES) == 48
    assert ALL_CODES[-10:] == PALPATION_ORDER  # ten muscles, after the measured findings
    assert RED_FLAG_ORDER == (
        "red_flag_cauda_equina",
        "red_flag_cancer",
        "red_flag_infection",
        "red_flag_fracture",
        "red_flag_neurological",
    )
    assert FINDING_ORDER[0] == "anterior_pelvic_tilt"


def test_every_code_is_documented_titled_and_worded() -> None:
    doc = (ROOT / "docs" / "findings.md").read_text()
    for code in ALL_CODES:
        assert f"`{code}`" in doc, code
        assert Finding(code, "left", "mild", "", "").title != code
    # Palpation findings are for the therapist: titled, with no client sentence.
    assert set(TITLES) == set(CLIENT_TEXT) == set(ALL_CODES) - set(PALPATION_ORDER)

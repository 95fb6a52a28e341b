"""Findings (pure): general behaviour, red flags, posture, Thomas test, hamstrings, piriformis."""

from pathlib import Path

import pytest

from assessments.catalogue import RED_FLAGS
from assessments.findings import ALL_CODES, FINDING_ORDER, RED_FLAG_ORDER, Finding, interpret
from assessments.findings_text import CLIENT_TEXT, TITLES, client_text
from assessments.norms import DEFAULT_CUTOFFS
from tests.assessments.findings_helpers import Entries, L, N, R, find, make, run, severity

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
    ("thomas_hip_angle", L): 5,
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
    assert len(set(ALL_CODES)) == len(ALL_CODES) == 30
    assert RED_FLAG_ORDER == (
        "red_flag_cauda_equina",
        "red_flag_cancer",
        "red_flag_infection",
        "red_flag_fracture",
        "red_flag_neurological",
    )
    assert FINDING_ORDER[0] == "anterior_pelvic_tilt"


def test_every_code_is_documented_titled_and_worded() -> None:
    doc = (Path(__file__).resolve().parents[2] / "docs" / "findings.md").read_text()
    for code in ALL_CODES:
        assert f"`{code}`" in doc, code
    assert set(TITLES) == set(CLIENT_TEXT) == set(ALL_CODES)


# ---- red flags ----


@pytest.mark.parametrize(
    ("item", "code", "urgency"),
    [
        ("rf_saddle_numbness", "red_flag_cauda_equina", "emergency"),
        ("rf_weight_loss", "red_flag_cancer", "urgent"),
        ("rf_fever", "red_flag_infection", "urgent"),
        ("rf_major_trauma", "red_flag_fracture", "urgent"),
        ("rf_progressive_neuro", "red_flag_neurological", "urgent"),
    ],
)
def test_red_flag_screen_yes_gives_group_flag(item: str, code: str, urgency: str) -> None:
    findings = run({(item, N): "yes", ("thomas_hip_angle", L): 5})
    assert [f.code for f in findings] == [code, "tight_hip_flexors_one_joint"]
    flag = findings[0]
    assert (flag.is_red_flag, flag.urgency, flag.severity, flag.side) == (
        True,
        urgency,
        urgency,
        "none",
    )
    assert findings[1].urgency == ""
    assert findings[1].is_red_flag is False


def test_red_flag_every_screen_item_maps_to_a_flag() -> None:
    for item, _, group in RED_FLAGS:
        assert [f.code for f in run({(item, N): "yes"})] == [f"red_flag_{group}"]


def test_red_flag_no_answers_give_nothing() -> None:
    assert run({(item, N): "no" for item, _, _ in RED_FLAGS}) == []


def test_red_flag_evidence_names_items_answered_yes() -> None:
    flag = find(
        {("rf_bladder_bowel", N): "yes", ("rf_sexual_dysfunction", N): "yes"},
        "red_flag_cauda_equina",
    )
    assert flag == Finding(
        "red_flag_cauda_equina",
        "none",
        "emergency",
        "Red-flag screen answered yes: new bladder or bowel disturbance, new sexual "
        "dysfunction; emergency: refer the same day (BASS 2018); no home program",
        client_text("red_flag_cauda_equina", "none"),
    )


@pytest.mark.parametrize(
    ("angle", "flagged"), [(29, False), (30, True), (50, True), (70, True), (71, False)]
)
def test_red_flag_slr_nerve_root_range_inclusive(angle: int, flagged: bool) -> None:
    entries: Entries = {("slr_angle", R): angle, ("slr_below_knee_pain", R): "yes"}
    findings = run(entries)
    assert [f.code for f in findings] == (["red_flag_neurological"] if flagged else [])
    if flagged:
        assert findings[0].side == "right"
        assert findings[0].evidence.startswith(
            f"SLR reproduces pain below the knee at 30-70° (nerve-root sign): right {angle}°;"
        )


def test_red_flag_slr_nerve_root_range_override() -> None:
    entries: Entries = {("slr_angle", L): 65, ("slr_below_knee_pain", L): "yes"}
    assert find(entries, "red_flag_neurological", {"slr_nerve_root_high": 60}) is None


def test_red_flag_slr_without_angle_is_not_judged() -> None:
    assert run({("slr_below_knee_pain", L): "yes"}) == []


def test_red_flag_nerve_root_suppresses_tight_hamstrings_on_that_side_only() -> None:
    entries: Entries = {
        ("slr_angle", L): 60,
        ("slr_below_knee_pain", L): "no",
        ("slr_angle", R): 45,
        ("slr_below_knee_pain", R): "yes",
    }
    findings = run(entries)
    assert [(f.code, f.side) for f in findings] == [
        ("red_flag_neurological", "right"),
        ("tight_hamstrings", "left"),
    ]
    assert findings[1].evidence == "SLR below 80°: left 60°"


def test_red_flag_nerve_root_side_still_allows_ake_tightness() -> None:
    entries: Entries = {
        ("slr_angle", R): 45,
        ("slr_below_knee_pain", R): "yes",
        ("ake_deficit", R): 30,
    }
    hamstrings = find(entries, "tight_hamstrings")
    assert hamstrings is not None
    assert hamstrings.evidence == "90/90 knee extension deficit over 20°: right 30°"


@pytest.mark.parametrize(
    ("site", "side"), [("left", "left"), ("right", "right"), ("both", "both")]
)
def test_red_flag_pain_below_knee_any_side(site: str, side: str) -> None:
    flag = find({("pain_site_below_knee", N): site}, "red_flag_neurological")
    assert flag is not None
    assert flag.side == side
    assert flag.evidence.startswith(
        f"Pain radiating below the knee: {side.replace('both', 'both sides')};"
    )


# ---- posture ----


def test_anterior_tilt_from_lordosis_increased() -> None:
    finding = find({("lumbar_lordosis", N): "increased"}, "anterior_pelvic_tilt")
    assert finding == Finding(
        "anterior_pelvic_tilt",
        "none",
        "moderate",
        "Lumbar lordosis increased; tilt correlates poorly with pain: evidence, not a diagnosis",
        "Your pelvis tips forward, which adds to the curve in your lower back and can strain it.",
    )


def test_anterior_tilt_degrees_without_clinic_threshold_never_fires() -> None:
    entries: Entries = {("pelvic_tilt_direction", N): "anterior", ("pelvic_tilt_deg", N): 30}
    assert run(entries) == []


@pytest.mark.parametrize(
    ("tilt", "expected"), [(11, None), (12, None), (13, "mild"), (20, "moderate"), (27, "marked")]
)
def test_anterior_tilt_degrees_against_clinic_threshold(tilt: int, expected: str | None) -> None:
    entries: Entries = {("pelvic_tilt_direction", N): "anterior", ("pelvic_tilt_deg", N): tilt}
    assert severity(entries, "anterior_pelvic_tilt", {"pelvic_tilt_anterior_max": 12}) == expected


def test_anterior_tilt_degrees_evidence_names_instrument() -> None:
    entries: Entries = {
        ("pelvic_tilt_direction", N): "anterior",
        ("pelvic_tilt_deg", N): 16,
        ("pelvic_tilt_instrument", N): "inclinometer",
    }
    finding = find(entries, "anterior_pelvic_tilt", {"pelvic_tilt_anterior_max": 12})
    assert finding is not None
    assert finding.evidence.startswith(
        "Anterior pelvic tilt above the clinic threshold of 12°: 16° (inclinometer);"
    )


def test_anterior_tilt_threshold_ignores_posterior_direction() -> None:
    entries: Entries = {("pelvic_tilt_direction", N): "posterior", ("pelvic_tilt_deg", N): 20}
    findings = run(entries, {"pelvic_tilt_anterior_max": 12})
    assert [(f.code, f.evidence) for f in findings] == [
        ("posterior_pelvic_tilt", "Posterior pelvic tilt: 20°")
    ]


def test_posterior_tilt_from_lordosis_decreased() -> None:
    finding = find({("lumbar_lordosis", N): "decreased"}, "posterior_pelvic_tilt")
    assert finding is not None
    assert (finding.side, finding.severity, finding.evidence) == (
        "none",
        "moderate",
        "Lumbar lordosis decreased",
    )


# ---- Thomas test ----


@pytest.mark.parametrize(
    ("angle", "expected"),
    [
        (-1, None),
        (0, None),
        (1, "mild"),
        (7, "mild"),
        (8, "moderate"),
        (14, "moderate"),
        (15, "marked"),
    ],
)
def test_tight_hip_flexors_above_zero(angle: int, expected: str | None) -> None:
    assert severity({("thomas_hip_angle", L): angle}, "tight_hip_flexors_one_joint") == expected


def test_tight_hip_flexors_override_raises_cutoff() -> None:
    entries: Entries = {("thomas_hip_angle", L): 5}
    assert find(entries, "tight_hip_flexors_one_joint", {"thomas_hip_angle_max": 5}) is None
    assert severity(entries, "tight_hip_flexors_one_joint", {"thomas_hip_angle_max": 4}) == "mild"


def test_tight_hip_flexors_both_sides_merge() -> None:
    entries: Entries = {
        ("thomas_hip_angle", L): 3,
        ("thomas_hip_angle", R): 10,
        ("thomas_pelvis_controlled", R): "no",
    }
    assert run(entries) == [
        Finding(
            "tight_hip_flexors_one_joint",
            "both",
            "moderate",
            "Thomas hip angle above 0°: left 3°, right 10° (pelvis not controlled)",
            "The muscles at the front of your hip are tight on both sides, and they can pull "
            "your pelvis forward and strain your lower back.",
        )
    ]


@pytest.mark.parametrize(
    ("angle", "expected"),
    [
        (68, None),
        (67, None),
        (66, "mild"),
        (60, "mild"),
        (59, "moderate"),
        (53, "moderate"),
        (52, "marked"),
    ],
)
def test_tight_rectus_femoris_below_67(angle: int, expected: str | None) -> None:
    assert severity({("thomas_knee_angle", R): angle}, "tight_rectus_femoris") == expected


def test_tight_rectus_femoris_override_to_80() -> None:
    entries: Entries = {("thomas_knee_angle", R): 75}
    assert find(entries, "tight_rectus_femoris") is None
    finding = find(entries, "tight_rectus_femoris", {"thomas_knee_angle_min": 80})
    assert finding is not None
    assert (finding.side, finding.severity, finding.evidence) == (
        "right",
        "mild",
        "Thomas knee angle below 80°: right 75°",
    )


@pytest.mark.parametrize(
    ("angle", "expected"), [(-1, None), (0, None), (1, "mild"), (8, "moderate")]
)
def test_tight_tfl_itb_thomas_abduction(angle: int, expected: str | None) -> None:
    assert severity({("thomas_abduction", L): angle}, "tight_tfl_itb") == expected


def test_tight_tfl_itb_ober_positive_merges_with_thomas() -> None:
    entries: Entries = {("thomas_abduction", L): 3, ("ober", R): "positive"}
    finding = find(entries, "tight_tfl_itb")
    assert finding is not None
    assert (finding.side, finding.severity, finding.evidence) == (
        "both",
        "moderate",
        "Thomas thigh abduction above 0°: left 3°; Ober positive: right",
    )


# ---- hamstrings, piriformis ----


@pytest.mark.parametrize(
    ("angle", "expected"),
    [(81, None), (80, None), (79, "mild"), (73, "mild"), (72, "moderate"), (65, "marked")],
)
def test_tight_hamstrings_slr_below_80(angle: int, expected: str | None) -> None:
    entries: Entries = {("slr_angle", L): angle, ("slr_below_knee_pain", L): "no"}
    assert severity(entries, "tight_hamstrings") == expected


def test_tight_hamstrings_slr_override_to_70() -> None:
    entries: Entries = {("slr_angle", L): 75, ("slr_below_knee_pain", L): "no"}
    assert severity(entries, "tight_hamstrings") == "mild"
    assert find(entries, "tight_hamstrings", {"slr_reduced_below": 70}) is None
    low = {("slr_angle", L): 69, ("slr_below_knee_pain", L): "no"}
    assert severity(low, "tight_hamstrings", {"slr_reduced_below": 70}) == "mild"


def test_tight_hamstrings_slr_pain_not_recorded_says_so() -> None:
    finding = find({("slr_angle", R): 70}, "tight_hamstrings")
    assert finding is not None
    assert finding.evidence == "SLR below 80°: right 70° (below-knee pain not recorded)"


@pytest.mark.parametrize("angle", [20, 75])
def test_tight_hamstrings_slr_with_below_knee_pain_outside_range_gives_nothing(angle: int) -> None:
    assert run({("slr_angle", L): angle, ("slr_below_knee_pain", L): "yes"}) == []


@pytest.mark.parametrize(
    ("deficit", "expected"),
    [(19, None), (20, None), (21, "mild"), (28, "moderate"), (35, "marked")],
)
def test_tight_hamstrings_ake_over_20(deficit: int, expected: str | None) -> None:
    assert severity({("ake_deficit", R): deficit}, "tight_hamstrings") == expected


def test_tight_piriformis_fair_positive() -> None:
    finding = find({("fair", R): "positive"}, "tight_piriformis")
    assert finding is not None
    assert (finding.side, finding.severity, finding.evidence) == (
        "right",
        "moderate",
        "FAIR positive: right; piriformis can mimic sciatica",
    )

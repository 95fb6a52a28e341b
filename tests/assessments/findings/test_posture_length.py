"""Findings (pure), posture and muscle length: pelvic tilt, the Thomas test, hamstrings and
piriformis; every rule at, below and above its cut-off."""

import pytest

from assessments.findings.core import Finding
from tests.assessments.findings.helpers import Entries, L, N, R, find, run, severity

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
        (1, None),  # within the 7° measurement error (docs/clinical.md)
        (7, None),
        (8, "mild"),
        (14, "mild"),
        (15, "moderate"),
        (21, "moderate"),
        (22, "marked"),
    ],
)
def test_tight_hip_flexors_above_zero(angle: int, expected: str | None) -> None:
    assert severity({("thomas_hip_angle", L): angle}, "tight_hip_flexors_one_joint") == expected


def test_tight_hip_flexors_override_raises_cutoff() -> None:
    entries: Entries = {("thomas_hip_angle", L): 12}
    assert find(entries, "tight_hip_flexors_one_joint", {"thomas_hip_angle_max": 5}) is None
    assert severity(entries, "tight_hip_flexors_one_joint", {"thomas_hip_angle_max": 4}) == "mild"


def test_measurement_error_override_moves_the_margin() -> None:
    entries: Entries = {("thomas_hip_angle", L): 5}
    assert find(entries, "tight_hip_flexors_one_joint") is None
    assert severity(entries, "tight_hip_flexors_one_joint", {"side_difference_deg": 4}) == "mild"


def test_tight_hip_flexors_both_sides_same_severity_merge() -> None:
    entries: Entries = {
        ("thomas_hip_angle", L): 9,
        ("thomas_hip_angle", R): 10,
        ("thomas_pelvis_controlled", R): "no",
    }
    assert run(entries) == [
        Finding(
            "tight_hip_flexors_one_joint",
            "both",
            "mild",
            "Thomas hip angle above 0°: left 9°, right 10° (pelvis not controlled)",
            "The muscles at the front of your hip are tight on both sides, and they can pull "
            "your pelvis forward and strain your lower back.",
        )
    ]


def test_tight_hip_flexors_sides_of_different_severity_stay_apart() -> None:
    entries: Entries = {("thomas_hip_angle", L): 8, ("thomas_hip_angle", R): 16}
    assert run(entries) == [
        Finding(
            "tight_hip_flexors_one_joint",
            "left",
            "mild",
            "Thomas hip angle above 0°: left 8°",
            "The muscles at the front of your hip are tight on your left side, and they can "
            "pull your pelvis forward and strain your lower back.",
        ),
        Finding(
            "tight_hip_flexors_one_joint",
            "right",
            "moderate",
            "Thomas hip angle above 0°: right 16°",
            "The muscles at the front of your hip are tight on your right side, and they can "
            "pull your pelvis forward and strain your lower back.",
        ),
    ]


def test_sides_in_different_bands_within_measurement_error_are_one_finding() -> None:
    # 9° (mild) and 16° (moderate) differ by 7°, within the 7° error: no side is worse.
    entries: Entries = {("thomas_hip_angle", L): 9, ("thomas_hip_angle", R): 16}
    found = [(f.side, f.severity, f.worse_side) for f in run(entries)]
    assert found == [("both", "moderate", "")]


def test_sides_in_one_band_beyond_measurement_error_name_the_worse_side() -> None:
    # SLR 50° and 35° are both marked (cut-off 80°), but the right is 15° further: worse.
    entries: Entries = {
        ("slr_angle", L): 50,
        ("slr_angle", R): 35,
        ("slr_below_knee_pain", L): "no",
        ("slr_below_knee_pain", R): "no",
    }
    finding = find(entries, "tight_hamstrings")
    assert finding is not None
    assert (finding.side, finding.severity, finding.worse_side) == ("both", "marked", "right")


def test_sitting_names_hip_flexors_measured_normal() -> None:
    sitting: Entries = {("agg_sitting", N): "yes"}
    measured = {**sitting, ("thomas_hip_angle", L): 2, ("thomas_hip_angle", R): 5}
    normal = find(measured, "prolonged_sitting")
    assert normal is not None
    assert normal.normal_length == ("hip_flexors",)
    assert "measured normal" in normal.evidence
    one_side = find({**sitting, ("thomas_hip_angle", L): 2}, "prolonged_sitting")
    assert one_side is not None
    assert one_side.normal_length == ()
    tight = find({**measured, ("thomas_hip_angle", R): 12}, "prolonged_sitting")
    assert tight is not None
    assert tight.normal_length == ()


def test_tight_hip_flexors_one_side_within_error_is_not_both() -> None:
    entries: Entries = {("thomas_hip_angle", L): 3, ("thomas_hip_angle", R): 10}
    finding = find(entries, "tight_hip_flexors_one_joint")
    assert finding is not None
    assert (finding.side, finding.severity, finding.evidence) == (
        "right",
        "mild",
        "Thomas hip angle above 0°: right 10°",
    )


@pytest.mark.parametrize(
    ("angle", "expected"),
    [
        (68, None),
        (67, None),
        (66, None),  # within the 7° measurement error
        (60, None),
        (59, "mild"),
        (53, "mild"),
        (52, "moderate"),
        (46, "moderate"),
        (45, "marked"),
    ],
)
def test_tight_rectus_femoris_below_67(angle: int, expected: str | None) -> None:
    assert severity({("thomas_knee_angle", R): angle}, "tight_rectus_femoris") == expected


def test_tight_rectus_femoris_override_to_80() -> None:
    entries: Entries = {("thomas_knee_angle", R): 72}
    assert find(entries, "tight_rectus_femoris") is None
    finding = find(entries, "tight_rectus_femoris", {"thomas_knee_angle_min": 80})
    assert finding is not None
    assert (finding.side, finding.severity, finding.evidence) == (
        "right",
        "mild",
        "Thomas knee angle below 80°: right 72°",
    )


@pytest.mark.parametrize(
    ("angle", "expected"),
    [(-1, None), (0, None), (7, None), (8, "mild"), (15, "moderate"), (22, "marked")],
)
def test_tight_tfl_itb_thomas_abduction(angle: int, expected: str | None) -> None:
    assert severity({("thomas_abduction", L): angle}, "tight_tfl_itb") == expected


def test_tight_tfl_itb_ober_positive_merges_with_thomas_of_the_same_severity() -> None:
    entries: Entries = {("thomas_abduction", L): 16, ("ober", R): "positive"}
    finding = find(entries, "tight_tfl_itb")
    assert finding is not None
    assert (finding.side, finding.severity, finding.evidence) == (
        "both",
        "moderate",
        "Thomas thigh abduction above 0°: left 16°; Ober positive: right",
    )


def test_tight_tfl_itb_milder_thomas_side_is_its_own_finding() -> None:
    entries: Entries = {("thomas_abduction", L): 9, ("ober", R): "positive"}
    assert [(f.side, f.severity, f.evidence) for f in run(entries)] == [
        ("left", "mild", "Thomas thigh abduction above 0°: left 9°"),
        ("right", "moderate", "Ober positive: right"),
    ]


# ---- hamstrings, piriformis ----


@pytest.mark.parametrize(
    ("angle", "expected"),
    [
        (81, None),
        (80, None),
        (79, None),  # within the 7° measurement error
        (73, None),
        (72, "mild"),
        (66, "mild"),
        (65, "moderate"),
        (59, "moderate"),
        (58, "marked"),
    ],
)
def test_tight_hamstrings_slr_below_80(angle: int, expected: str | None) -> None:
    entries: Entries = {("slr_angle", L): angle, ("slr_below_knee_pain", L): "no"}
    assert severity(entries, "tight_hamstrings") == expected


def test_tight_hamstrings_slr_override_to_70() -> None:
    entries: Entries = {("slr_angle", L): 72, ("slr_below_knee_pain", L): "no"}
    assert severity(entries, "tight_hamstrings") == "mild"
    assert find(entries, "tight_hamstrings", {"slr_reduced_below": 70}) is None
    low: Entries = {("slr_angle", L): 62, ("slr_below_knee_pain", L): "no"}
    assert severity(low, "tight_hamstrings", {"slr_reduced_below": 70}) == "mild"
    within: Entries = {("slr_angle", L): 63, ("slr_below_knee_pain", L): "no"}
    assert find(within, "tight_hamstrings", {"slr_reduced_below": 70}) is None


def test_tight_hamstrings_slr_pain_not_recorded_says_so() -> None:
    finding = find({("slr_angle", R): 70}, "tight_hamstrings")
    assert finding is not None
    assert finding.evidence == "SLR below 80°: right 70° (below-knee pain not recorded)"


@pytest.mark.parametrize("angle", [20, 75])
def test_tight_hamstrings_slr_with_below_knee_pain_outside_range_gives_nothing(angle: int) -> None:
    assert run({("slr_angle", L): angle, ("slr_below_knee_pain", L): "yes"}) == []


@pytest.mark.parametrize(
    ("deficit", "expected"),
    [(19, None), (20, None), (27, None), (28, "mild"), (35, "moderate"), (43, "marked")],
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

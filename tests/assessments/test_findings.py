"""Findings from assessment values: every rule at, below and above its cut-off (pure)."""

import re
from decimal import Decimal
from pathlib import Path

import pyphen
import pytest

from assessments.catalogue import RED_FLAGS
from assessments.findings import ALL_CODES, FINDING_ORDER, RED_FLAG_ORDER, Finding, interpret
from assessments.findings_text import CLIENT_TEXT, TITLES, client_text
from assessments.norms import DEFAULT_CUTOFFS, cutoffs_for
from assessments.values import AssessmentValues

L, R, N = "left", "right", ""
Entries = dict[tuple[str, str], int | float | str]


def make(entries: Entries) -> AssessmentValues:
    return AssessmentValues(
        values={
            key: value if isinstance(value, str) else Decimal(str(value))
            for key, value in entries.items()
        }
    )


def run(entries: Entries, overrides: dict[str, object] | None = None) -> list[Finding]:
    return interpret(make(entries), cutoffs_for(overrides))


def find(
    entries: Entries, code: str, overrides: dict[str, object] | None = None
) -> Finding | None:
    return next((f for f in run(entries, overrides) if f.code == code), None)


def severity(
    entries: Entries, code: str, overrides: dict[str, object] | None = None
) -> str | None:
    finding = find(entries, code, overrides)
    return finding.severity if finding else None


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


# ---- range of motion ----


@pytest.mark.parametrize(
    ("item", "code", "low"),
    [
        ("hip_abduction", "tight_adductors", 30),
        ("hip_flexion", "limited_hip_flexion", 110),
        ("hip_extension", "limited_hip_extension", 10),
        ("hip_internal_rotation", "limited_hip_internal_rotation", 30),
    ],
)
@pytest.mark.parametrize(
    ("below", "expected"), [(-1, None), (0, None), (1, "mild"), (7, "mild"), (8, "moderate")]
)
def test_limited_rom_below_reference(
    item: str, code: str, low: int, below: int, expected: str | None
) -> None:
    assert severity({(item, L): low - below}, code) == expected


def test_limited_rom_evidence_gives_percent() -> None:
    finding = find({("hip_internal_rotation", R): 22}, "limited_hip_internal_rotation")
    assert finding is not None
    assert (finding.side, finding.evidence) == (
        "right",
        "Hip internal rotation below the 30-40° range: right 22° (63%)",
    )


@pytest.mark.parametrize(
    ("right", "expected"), [(37, None), (38, "mild"), (44, "mild"), (45, "moderate")]
)
def test_limited_rom_side_difference_within_range(right: int, expected: str | None) -> None:
    entries: Entries = {("hip_abduction", L): 30, ("hip_abduction", R): right}
    finding = find(entries, "tight_adductors")
    assert (finding.severity if finding else None) == expected
    if finding:
        assert finding.side == "left"
        assert finding.evidence == (
            f"Hip abduction sides differ by {right - 30}° (over 7°): "
            f"left 30° vs {right}° on the right"
        )


def test_limited_rom_reference_override() -> None:
    entries: Entries = {("hip_flexion", L): 105}
    assert severity(entries, "limited_hip_flexion") == "mild"
    assert find(entries, "limited_hip_flexion", {"hip_flexion_low": 100}) is None


def test_limited_rom_not_reported_for_adduction_or_lumbar() -> None:
    entries: Entries = {("hip_adduction", L): 5, ("lumbar_flexion", N): 10}
    assert run(entries) == []


# ---- special tests ----


@pytest.mark.parametrize(
    ("score", "expected"),
    [(0, None), (1, "mild"), (2, "moderate"), (3, "moderate"), (4, "marked")],
)
def test_sij_active_slr_above_zero(score: int, expected: str | None) -> None:
    assert severity({("aslr_score", L): score}, "sij_load_transfer") == expected


def test_sij_faber_posterior_supports() -> None:
    entries: Entries = {
        ("aslr_score", L): 1,
        ("faber", R): "positive",
        ("faber_pain_site", R): "posterior",
    }
    finding = find(entries, "sij_load_transfer")
    assert finding is not None
    assert (finding.side, finding.severity, finding.evidence) == (
        "both",
        "moderate",
        "Active SLR score above 0 (positive): left 1/5; FABER positive with back/SIJ pain: right",
    )


def test_hip_joint_suspected_faber_groin_and_fadir() -> None:
    entries: Entries = {
        ("faber", L): "positive",
        ("faber_pain_site", L): "groin",
        ("fadir", L): "positive",
    }
    assert run(entries) == [
        Finding(
            "hip_joint_suspected",
            "left",
            "moderate",
            "FABER positive with groin pain: left; FADIR positive (procedure unconfirmed): left; "
            "refer if intra-articular pathology is suspected",
            client_text("hip_joint_suspected", "left"),
        )
    ]


@pytest.mark.parametrize("site", ["lateral", "other"])
def test_faber_other_sites_give_nothing(site: str) -> None:
    assert run({("faber", L): "positive", ("faber_pain_site", L): site}) == []


def test_faber_negative_with_groin_site_gives_nothing() -> None:
    assert run({("faber", L): "negative", ("faber_pain_site", L): "groin"}) == []


# ---- strength ----


@pytest.mark.parametrize(
    ("grade", "expected"),
    [
        ("5", None),
        ("5-", "mild"),
        ("4", "mild"),
        ("4-", "moderate"),
        ("3", "moderate"),
        ("3-", "marked"),
        ("0", "marked"),
    ],
)
def test_weak_oxford_grade_below_five(grade: str, expected: str | None) -> None:
    assert severity({("strength_glute_max", R): grade}, "weak_glute_max") == expected


@pytest.mark.parametrize(
    ("muscle", "code"),
    [
        ("glute_max", "weak_glute_max"),
        ("glute_med", "weak_glute_med"),
        ("iliopsoas", "weak_iliopsoas"),
        ("hamstrings", "weak_hamstrings"),
        ("deep_abdominals", "weak_deep_core"),
        ("back_extensors", "weak_back_extensors"),
    ],
)
def test_weak_muscle_maps_to_code(muscle: str, code: str) -> None:
    findings = run({(f"strength_{muscle}", L): "4", (f"strength_{muscle}", R): "4+"})
    assert [(f.code, f.side, f.severity) for f in findings] == [(code, "both", "mild")]


def test_weak_side_difference_when_normal_lowered() -> None:
    entries: Entries = {("strength_iliopsoas", L): "4", ("strength_iliopsoas", R): "5"}
    finding = find(entries, "weak_iliopsoas", {"oxford_normal": 4})
    assert finding is not None
    assert (finding.side, finding.severity, finding.evidence) == (
        "left",
        "mild",
        "Iliopsoas weaker than the other side by 1 grade or more: left 4 vs 5 on the right",
    )


@pytest.mark.parametrize(
    ("left", "right", "weak"),
    [("4+", "5", False), ("4", "5", True), ("3+", "4+", True), ("4-", "4+", False)],
)
def test_weak_side_difference_needs_whole_grade(left: str, right: str, weak: bool) -> None:
    entries: Entries = {("strength_iliopsoas", L): left, ("strength_iliopsoas", R): right}
    found = find(entries, "weak_iliopsoas", {"oxford_normal": 3})
    assert (found.side if found else None) == ("left" if weak else None)


def test_weak_glute_med_from_movement_signs() -> None:
    entries: Entries = {
        ("trendelenburg", R): "positive",
        ("sls_pelvic_drop", R): "yes",
        ("gait_trendelenburg", N): "yes",
    }
    assert run(entries) == [
        Finding(
            "weak_glute_med",
            "right",
            "moderate",
            "Trendelenburg sign positive (stance leg): right; Single-leg squat pelvic drop "
            "(stance leg): right; Trendelenburg gait",
            client_text("weak_glute_med", "right"),
        )
    ]


def test_weak_glute_med_gait_only_has_no_side() -> None:
    finding = find({("gait_trendelenburg", N): "yes"}, "weak_glute_med")
    assert finding is not None
    assert (finding.side, finding.evidence) == ("none", "Trendelenburg gait")


def test_weak_glute_med_worse_severity_wins_across_sides() -> None:
    entries: Entries = {("strength_glute_med", L): "3-", ("trendelenburg", R): "positive"}
    finding = find(entries, "weak_glute_med")
    assert finding is not None
    assert (finding.side, finding.severity) == ("both", "marked")


# ---- movement, lifestyle, psychosocial ----


@pytest.mark.parametrize(
    ("item", "side", "code", "evidence"),
    [
        (
            "prone_hip_ext_lumbar",
            L,
            "lumbar_extension_compensation",
            "Prone hip extension with lumbar substitution: left",
        ),
        (
            "sls_lumbar_extension",
            R,
            "lumbar_extension_compensation",
            "Single-leg squat with lumbar extension: right",
        ),
        (
            "forward_bend_hips_stiff",
            N,
            "lumbar_flexion_compensation",
            "Forward bend: back bends, hips stiff",
        ),
        ("sls_knee_inward", L, "knee_valgus", "Single-leg squat knee moves inward: left"),
        ("gait_hip_hiking", N, "hip_hiking", "Hip hiking in gait"),
    ],
)
def test_movement_sign_yes_gives_finding(item: str, side: str, code: str, evidence: str) -> None:
    assert [(f.code, f.side, f.severity, f.evidence) for f in run({(item, side): "yes"})] == [
        (code, side or "none", "moderate", evidence)
    ]
    assert run({(item, side): "no"}) == []


def test_prolonged_sitting_includes_hours() -> None:
    finding = find({("agg_sitting", N): "yes", ("sitting_hours", N): 9.5}, "prolonged_sitting")
    assert finding is not None
    assert (finding.side, finding.evidence) == ("none", "Worse with sitting: sits 9.5 h a day")


def test_prolonged_sitting_hours_alone_give_nothing() -> None:
    assert run({("sitting_hours", N): 12}) == []


def test_prolonged_sitting_without_hours_says_not_recorded() -> None:
    finding = find({("agg_sitting", N): "yes"}, "prolonged_sitting")
    assert finding is not None
    assert finding.evidence == "Worse with sitting: sitting hours not recorded"


@pytest.mark.parametrize(("distress", "fires"), [(3, False), (4, True), (5, True)])
def test_psychosocial_risk_high_from_startback(distress: int, fires: bool) -> None:
    entries: Entries = {("startback_total", N): 7, ("startback_distress", N): distress}
    finding = find(entries, "psychosocial_risk_high")
    assert (finding is not None) is fires
    if finding:
        assert finding.evidence == f"STarT Back high risk: total 7/9, distress {distress}/5"


# ---- finding words ----


def test_finding_title_and_client_text_for_side() -> None:
    finding = find({("thomas_knee_angle", L): 60}, "tight_rectus_femoris")
    assert finding is not None
    assert finding.title == "Tight rectus femoris"
    assert finding.client_text == (
        "The long muscle at the front of your thigh is tight on your left side, and it can "
        "pull your pelvis forward."
    )


_HYPHENATOR = pyphen.Pyphen(lang="en_US")


def _grade(text: str) -> float:
    """Flesch-Kincaid grade with pyphen syllables (an estimate: enough to catch jargon)."""
    words = re.findall(r"[A-Za-z']+", text)
    syllables = sum(len(_HYPHENATOR.positions(word.lower())) + 1 for word in words)
    return 0.39 * len(words) + 11.8 * syllables / len(words) - 15.59


@pytest.mark.parametrize("code", ALL_CODES)
def test_client_text_is_one_plain_second_person_sentence(code: str) -> None:
    for side in ("left", "right", "both", "none"):
        text = client_text(code, side)
        assert text.count(".") == 1, text
        assert text.endswith(".")
        assert re.search(r"\byou(r)?\b", text, re.IGNORECASE), text
        assert "{" not in text
        assert _grade(text) <= 9.0, (text, _grade(text))

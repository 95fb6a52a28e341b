"""Findings (pure): range of motion, special tests, strength, movement, outcomes; every rule
at, below and above its cut-off."""

import re

import pyphen
import pytest

from assessments.findings.core import ALL_CODES, PALPATION_ORDER, Finding
from assessments.findings.text import client_text
from tests.assessments.findings.helpers import Entries, L, N, R, find, run, severity

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
    ("below", "expected"),
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
    entries: Entries = {("hip_flexion", L): 102}
    assert severity(entries, "limited_hip_flexion") == "mild"
    assert find(entries, "limited_hip_flexion", {"hip_flexion_low": 108}) is None
    assert severity(entries, "limited_hip_flexion", {"hip_flexion_low": 110}) == "mild"


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
        ("aslr_score", L): 2,
        ("faber", R): "positive",
        ("faber_pain_site", R): "posterior",
    }
    finding = find(entries, "sij_load_transfer")
    assert finding is not None
    assert (finding.side, finding.severity, finding.evidence) == (
        "both",
        "moderate",
        "Active SLR score above 0 (positive): left 2/5; FABER positive with back/SIJ pain: right",
    )


def test_sij_milder_side_is_its_own_finding() -> None:
    entries: Entries = {
        ("aslr_score", L): 1,
        ("faber", R): "positive",
        ("faber_pain_site", R): "posterior",
    }
    assert [(f.code, f.side, f.severity, f.evidence) for f in run(entries)] == [
        ("sij_load_transfer", "left", "mild", "Active SLR score above 0 (positive): left 1/5"),
        ("sij_load_transfer", "right", "moderate", "FABER positive with back/SIJ pain: right"),
    ]


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


def test_weak_glute_med_each_side_keeps_its_severity() -> None:
    entries: Entries = {("strength_glute_med", L): "3-", ("trendelenburg", R): "positive"}
    assert [(f.code, f.side, f.severity, f.evidence) for f in run(entries)] == [
        ("weak_glute_med", "left", "marked", "Gluteus medius Oxford grade below 5: left 3-"),
        ("weak_glute_med", "right", "moderate", "Trendelenburg sign positive (stance leg): right"),
    ]


def test_weak_glute_med_unsided_sign_goes_with_each_side() -> None:
    entries: Entries = {
        ("strength_glute_med", L): "4",
        ("strength_glute_med", R): "3-",
        ("gait_trendelenburg", N): "yes",
    }
    assert [(f.side, f.severity, f.evidence) for f in run(entries)] == [
        ("left", "moderate", "Gluteus medius Oxford grade below 5: left 4; Trendelenburg gait"),
        ("right", "marked", "Gluteus medius Oxford grade below 5: right 3-; Trendelenburg gait"),
    ]


def test_weak_mild_left_marked_right_is_never_one_finding_on_both_sides() -> None:
    entries: Entries = {("strength_glute_max", L): "4", ("strength_glute_max", R): "2"}
    findings = run(entries)
    assert [(f.side, f.severity) for f in findings] == [("left", "mild"), ("right", "marked")]
    assert [f.client_text for f in findings] == [
        client_text("weak_glute_max", "left"),
        client_text("weak_glute_max", "right"),
    ]


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
        assert finding.evidence == f"STarT Back high risk: total 7/9, psychosocial {distress}/5"


@pytest.mark.parametrize(("eighth", "fires"), [("disagree", False), ("agree", True)])
def test_psychosocial_risk_high_from_the_nine_answers(eighth: str, fires: bool) -> None:
    entries: Entries = {(f"startback_{n}", N): "agree" for n in (1, 2, 5, 6, 7)}
    entries.update({("startback_3", N): "disagree", ("startback_4", N): "disagree"})
    entries.update({("startback_8", N): eighth, ("startback_9", N): "moderately"})
    finding = find(entries, "psychosocial_risk_high")
    assert (finding is not None) is fires
    if finding:
        assert finding.evidence == "STarT Back high risk: total 6/9, psychosocial 4/5"


# ---- finding words ----


def test_finding_title_and_client_text_for_side() -> None:
    finding = find({("thomas_knee_angle", L): 55}, "tight_rectus_femoris")
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


@pytest.mark.parametrize("code", [code for code in ALL_CODES if code not in PALPATION_ORDER])
def test_client_text_is_one_plain_second_person_sentence(code: str) -> None:
    for side in ("left", "right", "both", "none"):
        text = client_text(code, side)
        assert text.count(".") == 1, text
        assert text.endswith(".")
        assert re.search(r"\byou(r)?\b", text, re.IGNORECASE), text
        assert "{" not in text
        assert _grade(text) <= 9.0, (text, _grade(text))

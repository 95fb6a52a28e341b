"""Findings (pure), red flags: the screen's groups and urgency, and the nerve-root signs
(SLR 30-70° with below-knee pain, pain radiating below the knee)."""

import pytest

from assessments.catalogue.items import RED_FLAGS
from assessments.findings.core import Finding
from assessments.findings.text import client_text
from tests.assessments.findings.helpers import Entries, L, N, R, find, run

# ---- red flags ----


@pytest.mark.parametrize(
    ("item", "code", "urgency"),
    [
        ("rf_saddle_numbness", "red_flag_cauda_equina", "emergency"),
        ("rf_weight_loss", "red_flag_cancer", "urgent"),
        ("rf_fever", "red_flag_infection", "urgent"),
        ("rf_major_trauma", "red_flag_fracture", "urgent"),
        ("rf_progressive_neuro", "red_flag_neurological", "emergency"),
        ("rf_below_knee", "red_flag_neurological", "urgent"),
        ("rf_no_improvement", "red_flag_cancer", "routine"),
    ],
)
def test_red_flag_screen_yes_gives_group_flag(item: str, code: str, urgency: str) -> None:
    findings = run({(item, N): "yes", ("thomas_hip_angle", L): 10})
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


@pytest.mark.parametrize(
    ("answers", "urgency"),
    [
        (("rf_fever", "rf_iv_drugs"), "emergency"),
        (("rf_fever", "rf_immunosuppression"), "emergency"),
        (("rf_immunosuppression", "rf_iv_drugs"), "urgent"),
    ],
)
def test_red_flag_infection_with_systemic_illness_is_same_day(
    answers: tuple[str, ...], urgency: str
) -> None:
    flag = find({(item, N): "yes" for item in answers}, "red_flag_infection")
    assert flag is not None
    assert (flag.urgency, flag.stops_plan) == (urgency, True)


def test_red_flag_no_improvement_with_another_cancer_answer_is_urgent() -> None:
    alone = find({("rf_no_improvement", N): "yes"}, "red_flag_cancer")
    assert alone is not None
    assert (alone.urgency, alone.stops_plan) == ("routine", False)
    assert alone.evidence.endswith("routine: see a doctor soon; the home program can go ahead")
    both = {("rf_no_improvement", N): "yes", ("rf_night_pain", N): "yes"}
    flag = find(both, "red_flag_cancer")
    assert flag is not None
    assert (flag.urgency, flag.stops_plan) == ("urgent", True)


def test_hip_joint_suspected_is_a_routine_referral_that_does_not_stop() -> None:
    hip = find({("faber", L): "positive", ("faber_pain_site", L): "groin"}, "hip_joint_suspected")
    assert hip is not None
    assert (hip.is_red_flag, hip.urgency, hip.stops_plan) == (False, "routine", False)


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

"""Rules engine (pure): the routine referral level, the worse side and sitting without a
stretch for hip flexors measured normal (docs/rules.md "Referral levels", "Sides")."""

from dataclasses import replace
from pathlib import Path

from assessments.findings.red_flags import URGENCIES
from plans.rules.engine import suggest
from plans.rules.referral import CLIENT_HEADINGS, HEADINGS
from tests.plans.rules.helpers import all_items, by_slug, finding

DEEP_HIP = {"pigeon-pose", "90-90-hip-stretch", "figure-four-stretch"}


def test_suspected_hip_joint_refers_routinely_and_keeps_the_program() -> None:
    result = suggest([finding("tight_piriformis", "left"), finding("hip_joint_suspected", "left")])
    referral = result.referral
    assert referral is not None
    assert (referral.urgency, referral.stops_plan, result.blocked) == ("routine", False, False)
    assert referral.findings == ("hip_joint_suspected",)
    assert referral.message.startswith("Routine referral: ask the client to see their doctor")
    assert "see your doctor soon about your hip" in referral.client_message
    assert all_items(result)  # the program goes ahead
    # Deep hip flexion with rotation is held back, each naming the suspected hip joint.
    held = {h.slug: h for h in result.held_back}
    assert set(held) >= DEEP_HIP
    assert all(held[slug].because == ("Hip joint suspected",) for slug in DEEP_HIP)
    assert not DEEP_HIP & set(by_slug(result))


def test_urgent_red_flag_outranks_a_routine_referral() -> None:
    result = suggest(
        [finding("hip_joint_suspected"), finding("red_flag_fracture", "none", "urgent")]
    )
    assert result.referral is not None
    assert (result.referral.urgency, result.referral.findings) == (
        "urgent",
        ("red_flag_fracture",),
    )
    assert result.blocked
    assert all_items(result) == []


def test_routine_red_flag_does_not_block() -> None:
    result = suggest(
        [finding("tight_hamstrings", "left"), finding("red_flag_cancer", severity="routine")]
    )
    assert result.referral is not None
    assert result.referral.urgency == "routine"
    assert not result.blocked
    assert "supine-hamstring-stretch" in by_slug(result)


def test_worse_side_of_a_both_finding_sets_emphasis_and_the_reason_says_so() -> None:
    tight = replace(finding("tight_hamstrings", "both", "marked"), worse_side="right")
    stretch = by_slug(suggest([tight]))["supine-hamstring-stretch"]
    assert (stretch.side, stretch.emphasis) == ("both", "right")
    assert stretch.reasons[0].rationale.endswith(
        "; more on the right (beyond the other side by more than measurement error)."
    )
    even = by_slug(suggest([finding("tight_hamstrings", "both", "marked")]))
    assert even["supine-hamstring-stretch"].emphasis == ""
    assert "more on the" not in even["supine-hamstring-stretch"].reasons[0].rationale


def test_split_finding_reason_names_the_side_that_needs_more() -> None:
    found = [
        finding("tight_hip_flexors_one_joint", "left", "marked"),
        finding("tight_hip_flexors_one_joint", "right", "mild"),
    ]
    stretch = by_slug(suggest(found))["kneeling-hip-flexor-stretch"]
    assert (stretch.side, stretch.emphasis) == ("both", "left")
    left, right = stretch.reasons
    assert left.rationale.endswith("; more on the left (marked on the left).")
    assert "more on the" not in right.rationale


def test_sitting_adds_no_stretch_for_hip_flexors_measured_normal() -> None:
    sitting = finding("prolonged_sitting")
    measured = replace(sitting, normal_length=("hip_flexors",))
    assert "kneeling-hip-flexor-stretch" in by_slug(suggest([sitting]))
    found = by_slug(suggest([measured]))
    assert "kneeling-hip-flexor-stretch" not in found
    assert {"movement-breaks", "walking"} <= set(found)  # movement advice stays


def test_referral_levels_table_in_the_docs_matches_the_code() -> None:
    doc = (Path(__file__).resolve().parents[3] / "docs" / "rules.md").read_text()
    for level in URGENCIES:
        stops = "yes" if level in {"emergency", "urgent"} else "no"
        row = f"| `{level}` | {HEADINGS[level]} | {CLIENT_HEADINGS[level]} | {stops} |"
        assert row in doc

"""The rules engine (plans.rules.engine): table, sides, merging, contraindications, red flags,
ranking, caps, older-adult dose and determinism. No database.

Clinical mappings come from docs/clinical.md (presentation table, red flags,
dosage defaults); the expected behaviour is written up in docs/rules.md.
"""

import ast
import re

import pytest

from assessments.findings.core import FINDING_ORDER, RED_FLAG_ORDER
from plans.library import (
    BY_SLUG,
)
from plans.rules import engine as rules
from plans.rules.engine import (
    RULES,
    RULES_BY_FINDING,
    Reason,
    Rule,
    Suggestions,
    suggest,
)
from tests.paths import ROOT
from tests.plans.rules.helpers import (
    MAX_GRADE,
    all_items,
    by_slug,
    finding,
    grade,
    rule_id,
)

# --- The table ------------------------------------------------------------------------


@pytest.mark.parametrize("rule", RULES, ids=[rule_id(rule) for rule in RULES])
def test_rule_slug_in_library_and_code_is_ordinary_finding(rule: Rule) -> None:
    assert rule.intervention in BY_SLUG
    assert rule.finding in FINDING_ORDER
    assert 1 <= rule.priority <= 10
    assert rule.rationale.strip()
    assert rule.why.strip()


@pytest.mark.parametrize("code", FINDING_ORDER)
def test_every_ordinary_finding_has_a_rule(code: str) -> None:
    assert RULES_BY_FINDING[code]


@pytest.mark.parametrize("code", RED_FLAG_ORDER)
def test_red_flags_have_no_rules(code: str) -> None:
    assert code not in RULES_BY_FINDING


@pytest.mark.parametrize("rule", RULES, ids=[rule_id(rule) for rule in RULES])
def test_rule_not_contraindicated_by_its_own_finding(rule: Rule) -> None:
    assert rule.finding not in BY_SLUG[rule.intervention].contraindications


def test_rules_no_duplicate_pairs() -> None:
    pairs = [(rule.finding, rule.intervention) for rule in RULES]
    assert len(pairs) == len(set(pairs))


def test_rules_grouped_by_finding_in_finding_order() -> None:
    seen = list(dict.fromkeys(rule.finding for rule in RULES))
    assert seen == list(FINDING_ORDER)


def test_rule_priority_out_of_range_rejected() -> None:
    with pytest.raises(ValueError, match="priority"):
        Rule("weak_glute_max", "glute-bridge", 11, "r", "w")


def test_index_rules_rejects_unknown_slug_and_code_and_duplicates() -> None:
    with pytest.raises(ValueError, match="unknown library slug"):
        rules._index_rules((Rule("weak_glute_max", "no-such-exercise", 5, "r", "w"),))
    with pytest.raises(ValueError, match="unknown or red-flag"):
        rules._index_rules((Rule("red_flag_cancer", "glute-bridge", 5, "r", "w"),))
    duplicate = Rule("weak_glute_max", "glute-bridge", 5, "r", "w")
    with pytest.raises(ValueError, match="Duplicate"):
        rules._index_rules((duplicate, duplicate))


@pytest.mark.parametrize(
    ("code", "slugs"),
    [
        # docs/clinical.md presentation table, "typical targets".
        ("tight_hip_flexors_one_joint", {"kneeling-hip-flexor-stretch", "lunge-stretch"}),
        ("tight_hip_flexors_one_joint", {"glute-bridge"}),
        ("tight_rectus_femoris", {"couch-stretch"}),
        ("tight_tfl_itb", {"standing-tfl-stretch", "foam-roll-outer-thigh"}),
        ("tight_hamstrings", {"supine-hamstring-stretch", "seated-forward-fold"}),
        ("tight_piriformis", {"figure-four-stretch", "pigeon-pose", "90-90-hip-stretch"}),
        ("tight_adductors", {"seated-butterfly-stretch", "side-lunge-stretch"}),
        ("weak_glute_max", {"glute-bridge", "single-leg-bridge", "hip-thrust"}),
        ("weak_glute_med", {"clamshell", "side-lying-leg-raise", "hip-airplane"}),
        ("weak_deep_core", {"plank", "dead-bug", "bird-dog"}),
        ("lumbar_flexion_compensation", {"hip-hinge"}),
        ("prolonged_sitting", {"movement-breaks", "posture-variety", "walking"}),
        ("prolonged_sitting", {"heat-for-stiffness"}),
        ("tight_hip_flexors_one_joint", {"deep-tissue-massage", "myofascial-release"}),
        ("anterior_pelvic_tilt", {"sleeping-positions"}),
    ],
)
def test_rules_cover_clinical_targets(code: str, slugs: set[str]) -> None:
    assert slugs <= {rule.intervention for rule in RULES_BY_FINDING[code]}


@pytest.mark.parametrize("rule", RULES, ids=[rule_id(rule) for rule in RULES])
def test_rule_why_plain_second_person(rule: Rule) -> None:
    assert re.search(r"\b(you|your)\b", rule.why, flags=re.IGNORECASE)
    assert rule.why.endswith(".")
    assert grade(rule.why) <= MAX_GRADE, rule.why


@pytest.mark.parametrize(
    ("code", "severity"), [("red_flag_cauda_equina", "emergency"), ("red_flag_cancer", "urgent")]
)
def test_referral_client_message_plain(code: str, severity: str) -> None:
    referral = suggest([finding(code, severity=severity)]).referral
    assert referral is not None
    assert grade(referral.client_message) <= MAX_GRADE


def test_rules_modules_import_no_django() -> None:
    for name in ("engine.py", "table.py"):
        tree = ast.parse((ROOT / "plans" / "rules" / name).read_text(encoding="utf-8"))
        imported = [
            alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.Import)
            for alias in node.names
        ] + [node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
        assert [module for module in imported if module.startswith("django")] == []


# --- Every rule fires -----------------------------------------------------------------


@pytest.mark.parametrize("rule", RULES, ids=[rule_id(rule) for rule in RULES])
def test_rule_fires_with_side_and_severity(rule: Rule) -> None:
    entry = BY_SLUG[rule.intervention]
    result = suggest([finding(rule.finding, "left", "marked")], limit=len(BY_SLUG))
    found = by_slug(result)
    suggestion = found[rule.intervention]
    assert suggestion.reasons == (
        Reason(
            rule.finding, finding(rule.finding).title, "left", "marked", rule.rationale, rule.why
        ),
    )
    expected_side = ("left" if rule.sides else "both") if entry.per_side else "none"
    assert (suggestion.side, suggestion.emphasis) == (expected_side, "")
    assert suggestion.score == rule.priority * 1.5
    assert (suggestion.name, suggestion.kind, suggestion.dose) == (
        entry.name,
        entry.kind.value,
        entry.dose,
    )


def test_no_findings_suggest_nothing() -> None:
    result = suggest([])
    assert result == Suggestions((), (), (), (), None)
    assert not result.blocked


def test_unknown_finding_code_ignored() -> None:
    assert suggest([finding("not_a_code")]) == Suggestions((), (), (), (), None)


# --- Sides ----------------------------------------------------------------------------


def test_side_left_finding_gives_left_item() -> None:
    found = by_slug(suggest([finding("tight_hip_flexors_one_joint", "left", "mild")]))
    assert (found["kneeling-hip-flexor-stretch"].side, found["lunge-stretch"].side) == (
        "left",
        "left",
    )
    assert found["glute-bridge"].side == "none"  # not done per side


def test_side_both_finding_gives_both_without_emphasis() -> None:
    found = by_slug(suggest([finding("tight_piriformis", "both", "marked")]))
    assert (found["figure-four-stretch"].side, found["figure-four-stretch"].emphasis) == (
        "both",
        "",
    )


def test_side_unsided_finding_gives_both() -> None:
    found = by_slug(suggest([finding("prolonged_sitting", "none", "mild")]))
    assert (found["kneeling-hip-flexor-stretch"].side, found["movement-breaks"].side) == (
        "both",
        "none",
    )


def test_side_different_sides_both_with_worse_side_emphasis() -> None:
    found = by_slug(
        suggest(
            [
                finding("tight_hip_flexors_one_joint", "right", "marked"),
                finding("limited_hip_extension", "left", "mild"),
            ]
        )
    )
    stretch = found["kneeling-hip-flexor-stretch"]
    assert (stretch.side, stretch.emphasis) == ("both", "right")
    assert [(r.finding, r.side, r.severity) for r in stretch.reasons] == [
        ("tight_hip_flexors_one_joint", "right", "marked"),
        ("limited_hip_extension", "left", "mild"),
    ]


def test_side_different_sides_same_severity_no_emphasis() -> None:
    found = by_slug(
        suggest(
            [
                finding("tight_hip_flexors_one_joint", "right", "moderate"),
                finding("limited_hip_extension", "left", "moderate"),
            ]
        )
    )
    stretch = found["kneeling-hip-flexor-stretch"]
    assert (stretch.side, stretch.emphasis) == ("both", "")


def test_side_one_side_plus_unsided_emphasis_on_the_sided_finding() -> None:
    found = by_slug(
        suggest(
            [
                finding("tight_hip_flexors_one_joint", "left", "marked"),
                finding("prolonged_sitting", "none", "mild"),
            ]
        )
    )
    stretch = found["kneeling-hip-flexor-stretch"]
    assert (stretch.side, stretch.emphasis) == ("both", "left")


def test_side_one_code_split_by_severity_both_with_worse_side_emphasis() -> None:
    """assessments.findings gives two findings when the sides differ in severity."""
    found = by_slug(
        suggest(
            [
                finding("weak_glute_med", "left", "mild"),
                finding("weak_glute_med", "right", "marked"),
            ]
        )
    )
    clamshell = found["clamshell"]
    assert (clamshell.side, clamshell.emphasis) == ("both", "right")
    assert [(r.finding, r.side, r.severity) for r in clamshell.reasons] == [
        ("weak_glute_med", "left", "mild"),
        ("weak_glute_med", "right", "marked"),
    ]
    # One finding split by side is one reason for the ranking: no extra-reason bonus.
    assert clamshell.score == 9 * 1.5


def test_side_split_finding_counts_once_next_to_other_findings() -> None:
    split = [finding("weak_glute_max", "left", "mild"), finding("weak_glute_max", "right", "mild")]
    both = [finding("weak_glute_max", "both", "mild")]
    other = [finding("lumbar_extension_compensation", "none", "moderate")]
    bridge = by_slug(suggest([*split, *other]))["glute-bridge"]
    assert bridge.score == by_slug(suggest([*both, *other]))["glute-bridge"].score == 9 + 1


def test_side_rule_without_sides_done_on_both_sides() -> None:
    found = by_slug(suggest([finding("weak_deep_core", "left", "moderate")]))
    assert (found["dead-bug"].side, found["bird-dog"].side) == ("both", "both")


def test_dose_text_each_side_only_when_both() -> None:
    left = by_slug(suggest([finding("tight_rectus_femoris", "left")]))["couch-stretch"]
    both = by_slug(suggest([finding("tight_rectus_femoris", "both")]))["couch-stretch"]
    assert left.dose_text == "Hold 30 seconds, 3 times, every day"
    assert both.dose_text == "Hold 30 seconds, 3 times on each side, every day"


# --- Merging --------------------------------------------------------------------------


def test_merge_one_item_all_reasons_in_finding_order() -> None:
    findings = [
        finding("weak_glute_max", "left", "mild"),
        finding("lumbar_extension_compensation", "both", "moderate"),
        finding("tight_hip_flexors_one_joint", "right", "marked"),
    ]
    result = suggest(findings)
    bridges = [s for s in all_items(result) if s.slug == "glute-bridge"]
    assert len(bridges) == 1
    assert [reason.finding for reason in bridges[0].reasons] == [
        "tight_hip_flexors_one_joint",
        "weak_glute_max",
        "lumbar_extension_compensation",
    ]
    # max(6 x 1.5, 9 x 1.0, 7 x 1.25) + 2 extra reasons x 1.0
    assert bridges[0].score == 11.0

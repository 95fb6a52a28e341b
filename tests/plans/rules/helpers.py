"""Findings, lookups and readability for the rules tests."""

import re

import textstat

from assessments.findings.core import Finding
from plans.rules.engine import (
    Rule,
    Suggestion,
    Suggestions,
)
from tests.plans.library.test_catalogue import ANATOMICAL_WORDS

MAX_GRADE = 8.0


def finding(code: str, side: str = "none", severity: str = "moderate") -> Finding:
    return Finding(code, side, severity, f"evidence for {code}", f"client text for {code}")


def grade(text: str) -> float:
    for word in ANATOMICAL_WORDS:
        text = re.sub(rf"\b{word}\b", "", text, flags=re.IGNORECASE)
    return float(textstat.flesch_kincaid_grade(text))


def all_items(result: Suggestions) -> list[Suggestion]:
    return [*result.home, *result.advice, *result.in_clinic]


def by_slug(result: Suggestions) -> dict[str, Suggestion]:
    """Every suggestion by slug, including those offered as another's alternative."""
    found = {}
    for suggestion in all_items(result):
        for one in (suggestion, *suggestion.alternatives):
            found[one.slug] = one
    return found


def rule_id(rule: Rule) -> str:
    return f"{rule.finding}->{rule.intervention}"


# The first demo visit (docs/interchange.md "Full example"), as assessments.findings.core
# interprets it with the default cut-offs (tests/plans/test_suggest_plan_command.py checks).
# Its hip extension (3° and 5°) is within the 7° measurement error of the 10-15° range, so it
# gives no limited_hip_extension; the Thomas hip angles (12° and 10°) are mild.
DEMO_FINDINGS = (
    finding("anterior_pelvic_tilt", "none", "moderate"),
    finding("tight_hip_flexors_one_joint", "both", "mild"),
    finding("weak_glute_max", "both", "mild"),
    finding("weak_deep_core", "both", "moderate"),
    finding("lumbar_extension_compensation", "both", "moderate"),
    finding("prolonged_sitting", "none", "moderate"),
)

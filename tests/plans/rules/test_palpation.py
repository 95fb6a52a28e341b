"""Palpation in the plan rules (docs/rules.md "Palpation"): it strengthens an item a measured
finding of the same muscle brought, names itself in that reason, and never brings one alone."""

import re

import pytest

from assessments.findings.core import Finding, interpret
from assessments.norms import cutoffs_for
from assessments.values import AssessmentValues
from plans.handout.snapshot import client_sentences
from plans.rules import engine as rules
from plans.rules.engine import PALPATION_BONUS, suggest
from plans.rules.palpation import PALPATION_SUPPORT
from tests.paths import ROOT
from tests.plans.rules.helpers import all_items, by_slug, finding

FAIR_LEFT = finding("tight_piriformis", "left")
TENDER_LEFT = Finding("palpation_piriformis", "left", "moderate", "tender: left moderate", "")


def test_tender_piriformis_with_positive_fair_raises_the_stretch_and_says_why() -> None:
    plain = by_slug(suggest([FAIR_LEFT]))["figure-four-stretch"]
    felt = by_slug(suggest([FAIR_LEFT, TENDER_LEFT]))["figure-four-stretch"]
    assert felt.score == plain.score + PALPATION_BONUS == 11.75
    (reason,) = felt.reasons
    assert reason.finding == "tight_piriformis"
    assert reason.rationale == (
        "Supine piriformis stretch, the gentlest of the three named targets; "
        "piriformis on palpation: tender: left moderate."
    )
    assert reason.why == plain.reasons[0].why  # the client's words do not change


def test_palpation_alone_suggests_nothing() -> None:
    result = suggest([TENDER_LEFT, Finding("palpation_iliopsoas", "both", "marked", "x", "")])
    assert (all_items(result), result.held_back) == ([], ())


@pytest.mark.parametrize(
    "felt",
    [
        Finding("palpation_piriformis", "right", "moderate", "tender: right moderate", ""),
        Finding("palpation_glute_med", "left", "moderate", "tender: left moderate", ""),
    ],
    ids=["other side", "other muscle"],
)
def test_palpation_of_another_side_or_muscle_changes_nothing(felt: Finding) -> None:
    assert suggest([FAIR_LEFT, felt]) == suggest([FAIR_LEFT])


def test_no_rule_may_name_a_palpation_finding() -> None:
    with pytest.raises(ValueError, match="unknown or red-flag finding"):
        rules._index_rules(
            (rules.Rule("palpation_piriformis", "figure-four-stretch", 5, "r", "w"),)
        )


def test_support_table_names_only_palpation_and_ordinary_codes() -> None:
    with pytest.raises(ValueError, match="Palpation support"):
        rules._check_support({"palpation_piriformis": ("red_flag_cancer",)})
    with pytest.raises(ValueError, match="Palpation support"):
        rules._check_support({"tight_piriformis": ("tight_piriformis",)})


def test_docs_palpation_table_matches_the_support_table() -> None:
    text = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    shown = {
        match[1]: tuple(re.findall(r"`([a-z_]+)`", match[2]))
        for match in re.finditer(
            r"^\| [A-Za-z /]+ \(`(palpation_[a-z_]+)`\) \| (.*) \|$", text, re.M
        )
    }
    assert shown == PALPATION_SUPPORT


def test_handout_sentences_leave_palpation_out() -> None:
    values = AssessmentValues(
        {("fair", "left"): "positive", ("palp_piriformis_tender", "left"): "3"}
    )
    found = interpret(values, cutoffs_for(None))
    assert [f.code for f in found] == ["tight_piriformis", "palpation_piriformis"]
    assert client_sentences(found) == [found[0].client_text]

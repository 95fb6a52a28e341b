"""Cross-field problems in the outcome measures (pure)."""

import pytest

from assessments.outcomes import outcome_problems
from tests.assessments.outcomes.helpers import answers, make, sections

A, D = "agree", "disagree"
TWO = (A, A, D, D, D, D, D, D, "moderately")  # total 2, psychosocial 0


def test_outcome_problems_nothing_entered_is_empty() -> None:
    assert outcome_problems(make({})) == {}


def test_outcome_problems_distress_above_total() -> None:
    problems = outcome_problems(make({"startback_total": 3, "startback_distress": 4}))
    assert problems == {
        ("startback_distress", ""): (
            "The STarT Back psychosocial subscale (4) cannot be higher than the total (3), "
            "because its items are part of the total."
        )
    }


def test_outcome_problems_distress_equal_to_total_is_fine() -> None:
    assert outcome_problems(make({"startback_total": 4, "startback_distress": 4})) == {}


def test_outcome_problems_typed_totals_matching_the_answers_are_fine() -> None:
    values = make({**answers(*TWO), "startback_total": 2, "startback_distress": 0})
    assert outcome_problems(values) == {}


def test_outcome_problems_typed_totals_disagree_with_the_answers() -> None:
    values = make({**answers(*TWO), "startback_total": 5, "startback_distress": 1})
    assert outcome_problems(values) == {
        ("startback_total", ""): (
            "The STarT Back total from your form (5) does not match the nine answers "
            "entered, which give 2."
        ),
        ("startback_distress", ""): (
            "The STarT Back psychosocial subscale from your form (1) does not match "
            "answers 5-9, which give 0."
        ),
    }


def test_outcome_problems_typed_totals_with_some_answers_are_not_checked() -> None:
    values = make({**answers(A, A, A), "startback_total": 1})
    assert outcome_problems(values) == {}


@pytest.mark.parametrize("total", [39, 40, 41, 39.5])
def test_outcome_problems_odi_total_within_one_point_is_fine(total: float) -> None:
    values = make({**sections(2, 2, 2, 2, 2, 2, 2, 2, 2, 2), "odi_percent": total})
    assert outcome_problems(values) == {}


@pytest.mark.parametrize(("total", "shown"), [(41.1, "41.1"), (38.9, "38.9"), (60, "60")])
def test_outcome_problems_odi_total_disagrees_with_sections(total: float, shown: str) -> None:
    values = make({**sections(2, 2, 2, 2, 2, 2, 2, 2, 2, 2), "odi_percent": total})
    assert outcome_problems(values) == {
        ("odi_percent", ""): (
            f"The ODI total ({shown}%) does not match the 10 section scores entered, "
            "which give 40%."
        )
    }


def test_outcome_problems_odi_message_gives_rounded_computed_value() -> None:
    values = make({**sections(1, 1, 1, 1, 1, 1, 1, 1, 2), "odi_percent": 30})
    assert outcome_problems(values) == {
        ("odi_percent", ""): (
            "The ODI total (30%) does not match the 9 section scores entered, which give 22.2%."
        )
    }


def test_outcome_problems_odi_too_few_sections_are_not_checked() -> None:
    values = make({**sections(1, 1, 1, 1, 1, 1, 1), "odi_percent": 90})
    assert outcome_problems(values) == {}


def test_outcome_problems_odi_total_without_sections_is_fine() -> None:
    assert outcome_problems(make({"odi_percent": 55})) == {}


def test_outcome_problems_psfs_score_without_activity() -> None:
    values = make({"psfs_activity_1": "Gardening", "psfs_score_1": 4, "psfs_score_2": 6})
    assert outcome_problems(values) == {
        ("psfs_activity_2", ""): "Name the activity that PSFS score 2 is for."
    }


def test_outcome_problems_psfs_blank_activity_name_counts_as_missing() -> None:
    values = make({"psfs_activity_3": "   ", "psfs_score_3": 0})
    assert outcome_problems(values) == {
        ("psfs_activity_3", ""): "Name the activity that PSFS score 3 is for."
    }


def test_outcome_problems_psfs_activity_without_score_is_fine() -> None:
    assert outcome_problems(make({"psfs_activity_4": "Run 5 km"})) == {}

"""Outcome-measure scoring: PSFS, Oswestry, STarT Back, cross-field problems (pure)."""

from decimal import Decimal

import pytest

from assessments.outcomes import (
    OdiResult,
    odi,
    odi_band,
    outcome_problems,
    psfs_mean,
    startback_group,
)
from assessments.values import AssessmentValues


def make(entries: dict[str, int | float | str]) -> AssessmentValues:
    """Outcome items are all unsided: code -> value."""
    return AssessmentValues(
        values={
            (code, ""): value if isinstance(value, str) else Decimal(str(value))
            for code, value in entries.items()
        }
    )


def sections(*scores: int | None) -> dict[str, int | float | str]:
    return {f"odi_section_{n}": score for n, score in enumerate(scores, 1) if score is not None}


def test_psfs_mean_none_entered_is_none() -> None:
    assert psfs_mean(make({"psfs_activity_1": "Gardening"})) is None


def test_psfs_mean_rounds_to_one_decimal() -> None:
    values = make({"psfs_score_1": 3, "psfs_score_2": 4, "psfs_score_3": 6})
    assert psfs_mean(values) == 4.3


def test_psfs_mean_rounds_half_up() -> None:
    values = make({"psfs_score_1": 1, "psfs_score_2": 1, "psfs_score_3": 1, "psfs_score_4": 2})
    assert psfs_mean(values) == 1.3  # 1.25


def test_psfs_mean_uses_only_entered_activities() -> None:
    assert psfs_mean(make({"psfs_score_1": 2, "psfs_score_5": 7})) == 4.5


def test_psfs_mean_single_zero_score_is_zero() -> None:
    assert psfs_mean(make({"psfs_score_2": 0})) == 0.0


def test_odi_nothing_entered_is_none() -> None:
    assert odi(make({})) is None


def test_odi_all_sections() -> None:
    values = make(sections(2, 2, 2, 2, 2, 2, 2, 2, 2, 2))
    assert odi(values) == OdiResult(40.0, 10, "sections", "moderate")


def test_odi_missing_sections_scaled_to_answered() -> None:
    values = make(sections(2, 2, None, 2, 2, 2, None, 2, 1, 1))
    assert odi(values) == OdiResult(35.0, 8, "sections", "moderate")  # 14 / 40 x 100


def test_odi_missing_section_rounded_to_one_decimal() -> None:
    values = make(sections(1, 1, 1, 1, 1, 1, 1, 1, 2))
    assert odi(values) == OdiResult(22.2, 9, "sections", "moderate")  # 10 / 45 x 100


def test_odi_one_section_answered() -> None:
    assert odi(make(sections(1))) == OdiResult(20.0, 1, "sections", "minimal")


def test_odi_total_only() -> None:
    assert odi(make({"odi_percent": 34.5})) == OdiResult(34.5, 0, "total", "moderate")


def test_odi_sections_take_priority_over_total() -> None:
    values = make({**sections(5, 5, 5, 5, 5, 5, 5, 5, 5, 5), "odi_percent": 10})
    assert odi(values) == OdiResult(100.0, 10, "sections", "bed-bound")


@pytest.mark.parametrize(
    ("percent", "band"),
    [
        (0, "minimal"),
        (20, "minimal"),
        (20.1, "moderate"),
        (40, "moderate"),
        (40.1, "severe"),
        (60, "severe"),
        (60.1, "crippled"),
        (80, "crippled"),
        (80.1, "bed-bound"),
        (100, "bed-bound"),
    ],
)
def test_odi_band_boundary_belongs_to_lower_band(percent: float, band: str) -> None:
    assert odi_band(percent) == band


def test_odi_band_from_total_at_boundary() -> None:
    result = odi(make({"odi_percent": 60}))
    assert result is not None
    assert result.band == "severe"


@pytest.mark.parametrize(
    ("total", "distress", "group"),
    [
        (0, 0, "low"),
        (3, 3, "low"),
        (3, None, "low"),
        (4, 3, "medium"),
        (4, 0, "medium"),
        (4, 4, "high"),
        (9, 5, "high"),
        (None, 4, "high"),
        (None, 3, None),
        (5, None, None),
        (None, None, None),
        (3, 4, None),
    ],
)
def test_startback_group(total: int | None, distress: int | None, group: str | None) -> None:
    entries: dict[str, int | float | str] = {}
    if total is not None:
        entries["startback_total"] = total
    if distress is not None:
        entries["startback_distress"] = distress
    assert startback_group(make(entries)) == group


def test_outcome_problems_nothing_entered_is_empty() -> None:
    assert outcome_problems(make({})) == {}


def test_outcome_problems_distress_above_total() -> None:
    problems = outcome_problems(make({"startback_total": 3, "startback_distress": 4}))
    assert problems == {
        ("startback_distress", ""): (
            "The STarT Back distress subscale (4) cannot be higher than the total (3), "
            "because its items are part of the total."
        )
    }


def test_outcome_problems_distress_equal_to_total_is_fine() -> None:
    assert outcome_problems(make({"startback_total": 4, "startback_distress": 4})) == {}


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


def test_outcome_problems_odi_one_section_singular() -> None:
    values = make({**sections(1), "odi_percent": 50})
    assert outcome_problems(values) == {
        ("odi_percent", ""): (
            "The ODI total (50%) does not match the 1 section score entered, which gives 20%."
        )
    }


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

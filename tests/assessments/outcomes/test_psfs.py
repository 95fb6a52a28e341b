"""PSFS: the mean of the activities scored (pure)."""

from assessments.outcomes import psfs_mean
from tests.assessments.outcomes.helpers import make


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


def test_psfs_mean_all_at_the_top() -> None:
    assert psfs_mean(make({f"psfs_score_{n}": 10 for n in range(1, 6)})) == 10.0

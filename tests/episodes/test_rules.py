"""The pure rules: reassessment due, goal progress, and the letter's outcome rows."""

import datetime
from decimal import Decimal

import pytest

from assessments.compare.change import thresholds
from assessments.norms import cutoffs_for
from assessments.values import AssessmentValues
from episodes.due import reassessment_due
from episodes.goals import GoalProgress, latest_score
from episodes.letter.outcomes import outcome_rows

TODAY = datetime.date(2026, 12, 1)


@pytest.mark.parametrize(
    ("since", "every", "on", "reassessed", "due"),
    [
        (2, 3, None, None, False),
        (3, 3, None, None, True),
        (5, None, None, None, False),  # no rule set: never due
        (0, None, TODAY, None, True),  # the date has come
        (0, None, TODAY + datetime.timedelta(days=1), None, False),
        (0, None, TODAY, TODAY, False),  # reassessed on the day
    ],
)
def test_reassessment_due_by_sessions_or_date(
    since: int,
    every: int | None,
    on: datetime.date | None,
    reassessed: datetime.date | None,
    due: bool,
) -> None:
    result = reassessment_due(
        sessions_since=since, every=every, on=on, reassessed_on=reassessed, today=TODAY
    )
    assert result.due is due
    assert bool(result.reason) is due


def test_latest_score_matches_the_activity_ignoring_case_and_spacing() -> None:
    first = {("psfs_activity_1", ""): "Cycling  to work", ("psfs_score_1", ""): Decimal(3)}
    second = {("psfs_activity_2", ""): "cycling to work", ("psfs_score_2", ""): Decimal(6)}
    unscored = {("psfs_activity_1", ""): "Cycling to work"}
    assert latest_score("Cycling to work", [first, second, unscored]) == Decimal(6)
    assert latest_score("Running", [first, second]) is None


def test_goal_progress_is_the_share_of_the_way_to_the_target() -> None:
    assert GoalProgress(Decimal(2), Decimal(5), Decimal(8)).percent == 50
    assert GoalProgress(Decimal(2), Decimal(9), Decimal(8)).reached is True
    assert GoalProgress(None, Decimal(5), Decimal(8)).percent is None


def test_outcome_rows_judge_the_change_against_the_mcid() -> None:
    first = AssessmentValues(
        {
            ("pain_now", ""): Decimal(6),
            ("psfs_score_1", ""): Decimal(3),
            ("odi_percent", ""): Decimal(40),
        }
    )
    latest = AssessmentValues(
        {
            ("pain_now", ""): Decimal(5),
            ("psfs_score_1", ""): Decimal(6),
            ("odi_percent", ""): Decimal(22),
        }
    )
    rows = {row.measure: row for row in outcome_rows(first, latest, thresholds(cutoffs_for(None)))}
    pain, psfs = (
        rows["Pain now (NPRS 0-10)"],
        rows["Patient-Specific Functional Scale, mean (0-10)"],
    )
    assert (pain.first, pain.latest, pain.change) == ("6", "5", "-1")
    assert pain.verdict == "Change below the MCID (2 points or 30%)"
    assert (psfs.change, psfs.verdict) == ("+3", "Improved, reaching the MCID (2 points)")
    odi = rows["Oswestry Disability Index"]
    assert (odi.first, odi.change) == ("40%", "-18 points")
    assert odi.verdict == "Improved, reaching the MCID (10 points or 30%)"
    assert "Worst pain in 24 hours (NPRS 0-10)" not in rows  # recorded at neither visit

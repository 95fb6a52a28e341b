"""All of a visit's scores at once, and as JSON for the client record (pure)."""

from assessments.outcomes import OdiResult, StartBackResult, outcome_scores, scores_data
from tests.assessments.outcomes.helpers import answers, make, sections


def test_outcome_scores_nothing_recorded() -> None:
    scores = outcome_scores(make({"psfs_activity_1": "Gardening"}))
    assert not scores.recorded
    assert scores_data(scores) == {"psfs": None, "odi": None, "startback": None}


def test_outcome_scores_of_a_full_visit() -> None:
    entries = {
        "psfs_score_1": 3,
        "psfs_score_2": 6,
        **sections(3, 2, 2, 1, 3, 2, 1, None, 1, 2),
        **answers("agree", "disagree", "agree", "agree", "agree", "disagree", "disagree",
                  "agree", "very_much"),
    }  # fmt: skip
    scores = outcome_scores(make(entries))
    assert (scores.psfs_mean, scores.psfs_count, scores.odi, scores.startback) == (
        4.5,
        2,
        OdiResult(37.8, 9, "sections", "moderate"),  # 17 / 45
        StartBackResult(6, 3, "medium", "items", 9),
    )
    assert (scores.recorded, scores.odi_band_text, scores.odi_incomplete) == (
        True,
        "moderate disability",
        False,
    )
    assert scores_data(scores) == {
        "psfs": {"mean": 4.5, "activities": 2},
        "odi": {"percent": 37.8, "band": "moderate", "source": "sections", "sections_answered": 9},
        "startback": {
            "total": 6,
            "psychosocial": 3,
            "risk_group": "medium",
            "source": "items",
            "items_answered": 9,
        },
    }


def test_outcome_scores_while_answers_are_incomplete() -> None:
    scores = outcome_scores(make({**sections(2, 2, 2), **answers("agree")}))
    assert (scores.recorded, scores.odi, scores.odi_answered, scores.odi_incomplete) == (
        True,
        None,
        3,
        True,
    )
    assert scores_data(scores) == {"psfs": None, "odi": None, "startback": None}

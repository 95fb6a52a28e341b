"""STarT Back: total, psychosocial subscale and risk group from the nine answers (pure)."""

import pytest

from assessments.outcomes import StartBackResult, startback, startback_group, startback_point
from tests.assessments.outcomes.helpers import Entries, answers, make

A, D = "agree", "disagree"


def test_startback_nothing_entered_is_none() -> None:
    assert startback(make({})) is None


def test_startback_all_disagree_is_zero_and_low() -> None:
    result = startback(make(answers(D, D, D, D, D, D, D, D, "not_at_all")))
    assert result == StartBackResult(0, 0, "low", "items", 9)


def test_startback_all_agree_is_nine_and_high() -> None:
    result = startback(make(answers(A, A, A, A, A, A, A, A, "extremely")))
    assert result == StartBackResult(9, 5, "high", "items", 9)


@pytest.mark.parametrize(
    ("answer", "point"),
    [("not_at_all", 0), ("slightly", 0), ("moderately", 0), ("very_much", 1), ("extremely", 1)],
)
def test_startback_bothersomeness_scores_only_very_much_or_extremely(
    answer: str, point: int
) -> None:
    assert startback_point(9, answer) == point
    result = startback(make(answers(D, D, D, D, D, D, D, D, answer)))
    assert result is not None
    assert (result.total, result.psychosocial) == (point, point)


@pytest.mark.parametrize(("answer", "point"), [(A, 1), (D, 0)])
def test_startback_items_one_to_eight_score_agree(answer: str, point: int) -> None:
    assert [startback_point(n, answer) for n in range(1, 9)] == [point] * 8


@pytest.mark.parametrize(
    ("given", "total", "psychosocial", "group"),
    [
        # total 3 or less: low, whatever the subscale (it cannot pass the total)
        ((A, A, A, D, D, D, D, D, "moderately"), 3, 0, "low"),
        ((D, D, D, D, A, A, A, D, "slightly"), 3, 3, "low"),
        # total 4 or more with the subscale 3 or less: medium
        ((A, A, A, A, D, D, D, D, "not_at_all"), 4, 0, "medium"),
        ((A, D, D, D, A, A, A, D, "not_at_all"), 4, 3, "medium"),
        ((A, A, A, A, A, A, A, D, "slightly"), 7, 3, "medium"),
        # the subscale 4 or more: high
        ((D, D, D, D, A, A, A, A, "not_at_all"), 4, 4, "high"),
        ((D, D, D, D, A, A, A, D, "very_much"), 4, 4, "high"),
        ((A, A, A, A, A, A, A, A, "moderately"), 8, 4, "high"),
    ],
)
def test_startback_group_boundaries(
    given: tuple[str, ...], total: int, psychosocial: int, group: str
) -> None:
    assert startback(make(answers(*given))) == StartBackResult(
        total, psychosocial, group, "items", 9
    )


def test_startback_subscale_high_before_items_one_to_four() -> None:
    result = startback(make(answers(None, None, None, None, A, A, A, A, "slightly")))
    assert result == StartBackResult(None, 4, "high", "items", 5)


def test_startback_subscale_three_without_items_one_to_four_is_undecided() -> None:
    result = startback(make(answers(None, None, None, None, A, A, A, D, "slightly")))
    assert result == StartBackResult(None, 3, None, "items", 5)


def test_startback_items_one_to_four_alone_give_no_score() -> None:
    result = startback(make(answers(A, A, A, A)))
    assert result == StartBackResult(None, None, None, "items", 4)


def test_startback_one_missing_answer_gives_no_total() -> None:
    result = startback(make(answers(A, A, A, A, None, D, D, D, "extremely")))
    assert result == StartBackResult(None, None, None, "items", 8)


def test_startback_all_nine_answers_take_priority_over_typed_totals() -> None:
    entries = {**answers(D, D, D, D, D, D, D, D, "slightly"), "startback_total": 6}
    assert startback(make(entries)) == StartBackResult(0, 0, "low", "items", 9)


def test_startback_typed_totals_when_answers_are_incomplete() -> None:
    entries = {**answers(A, A), "startback_total": 5, "startback_distress": 2}
    assert startback(make(entries)) == StartBackResult(5, 2, "medium", "typed", 0)


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
def test_startback_group_from_typed_totals(
    total: int | None, distress: int | None, group: str | None
) -> None:
    entries: Entries = {}
    if total is not None:
        entries["startback_total"] = total
    if distress is not None:
        entries["startback_distress"] = distress
    assert startback_group(make(entries)) == group

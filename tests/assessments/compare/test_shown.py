"""What the comparison page lists (assessments/compare/shown.py): changes, all, red flags."""

from decimal import Decimal

from assessments.catalogue.items import RED_FLAGS
from assessments.compare.shown import ComparisonShown, red_flag_line, shown
from assessments.compare.visits import compare_visits
from assessments.norms import cutoffs_for
from assessments.values import AssessmentValues, Key, Value

CUTOFFS = cutoffs_for(None)
ALL_NO: dict[Key, Value] = {(code, ""): "no" for code, _, _ in RED_FLAGS}
BEFORE: dict[Key, Value] = {
    ("pain_now", ""): Decimal(6),
    ("hip_extension", "left"): Decimal(2),
    ("hip_flexion", "left"): Decimal(100),
    ("faber", "left"): "positive",
}
AFTER: dict[Key, Value] = {
    ("pain_now", ""): Decimal(3),
    ("hip_extension", "left"): Decimal(5),
    ("hip_flexion", "left"): Decimal(100),
    ("ober", "left"): "positive",
}


def _shown(before: dict[Key, Value], after: dict[Key, Value], **kwargs: bool) -> ComparisonShown:
    comparison = compare_visits(AssessmentValues(before), AssessmentValues(after), CUTOFFS)
    return shown(comparison, **kwargs)


def _listed(result: ComparisonShown) -> list[tuple[str, str]]:
    return [(row.code, row.side) for part in result.sections for row in part.rows]


def _lines(result: ComparisonShown) -> dict[str, str]:
    return {part.code: part.line for part in (*result.sections, *result.quiet) if part.line}


def test_default_lists_only_what_changed() -> None:
    result = _shown(BEFORE, AFTER)
    assert _listed(result) == [("pain_now", ""), ("hip_extension", "left")]
    assert result.changed == 2
    assert _lines(result) == {
        "rom": "no change (1 item)",
        "muscle_length": "1 tested in one visit only",
        "special_tests": "1 tested in one visit only",
    }
    assert [part.code for part in result.quiet] == ["muscle_length", "special_tests"]


def test_show_all_lists_every_item() -> None:
    result = _shown(BEFORE, AFTER, show_all=True)
    assert _listed(result) == [
        ("pain_now", ""),
        ("hip_flexion", "left"),
        ("hip_extension", "left"),
        ("ober", "left"),
        ("faber", "left"),
    ]
    assert (result.changed, result.quiet, _lines(result)) == (2, (), {})


def test_unchanged_red_flags_are_one_line_in_both_modes() -> None:
    for show_all in (False, True):
        result = _shown(ALL_NO, ALL_NO, show_all=show_all)
        assert _listed(result) == []
        assert _lines(result) == {"red_flags": "no change (all no)"}


def test_changed_red_flag_is_listed_and_the_rest_summed_up() -> None:
    after = {**ALL_NO, ("rf_fever", ""): "yes"}
    for show_all in (False, True):
        result = _shown(ALL_NO, after, show_all=show_all)
        assert _listed(result) == [("rf_fever", "")]
        assert _lines(result) == {"red_flags": "no change (16 answers, all no)"}


def test_red_flag_still_yes_is_named_in_the_line() -> None:
    both = {**ALL_NO, ("rf_cancer_history", ""): "yes"}
    result = _shown(both, both, show_all=True)
    assert _listed(result) == []
    assert _lines(result) == {
        "red_flags": "no change in 17 answers: 16 no; still yes: History of cancer"
    }


def test_red_flag_answered_in_one_visit_is_listed_only_with_all() -> None:
    before = {key: value for key, value in ALL_NO.items() if key != ("rf_fever", "")}
    assert _listed(_shown(before, ALL_NO)) == []
    assert _lines(_shown(before, ALL_NO)) == {
        "red_flags": "no change (16 answers, all no); 1 tested in one visit only"
    }
    assert _listed(_shown(before, ALL_NO, show_all=True)) == [("rf_fever", "")]


def test_red_flag_line_is_empty_without_unchanged_answers() -> None:
    assert red_flag_line(()) == ""

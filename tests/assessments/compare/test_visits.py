"""Visit comparison (assessments/compare.py): thresholds at their boundaries, direction."""

from decimal import Decimal

import pytest

from assessments.compare.visits import compare_visits
from assessments.norms import cutoffs_for
from assessments.values import AssessmentValues, Value

CUTOFFS = cutoffs_for(None)


def _verdict(code: str, side: str, first: Value, second: Value) -> str:
    comparison = compare_visits(
        AssessmentValues({(code, side): first}), AssessmentValues({(code, side): second}), CUTOFFS
    )
    return comparison.row(code, side).classification


# --- NPRS: 2 points or 30% of the earlier value, whichever is met -------------------


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        (6, 5, "within error"),  # 1 point, 17%
        (6, 4, "improved"),  # exactly 2 points
        (6, 3, "improved"),  # 3 points
        (6, 8, "worse"),  # exactly 2 points up
        (5, 4, "within error"),  # 1 point, 20%
        (3, 2, "improved"),  # 1 point but 33%
        (10, 7, "improved"),  # exactly 30%
        (0, 1, "within error"),  # no 30% rule from 0
        (4, 4, "within error"),
    ],
)
def test_nprs_classification_at_threshold(first: int, second: int, expected: str) -> None:
    assert _verdict("pain_now", "", Decimal(first), Decimal(second)) == expected


# --- PSFS: 2 points on the mean ----------------------------------------------------


@pytest.mark.parametrize(
    ("second", "expected"),
    [("5.9", "within error"), ("6", "improved"), ("6.1", "improved"), ("2", "worse")],
)
def test_psfs_mean_classification_at_threshold(second: str, expected: str) -> None:
    # Before: mean of 4 and 4 = 4. After: mean of 4 and 2 x second - 4.
    after_score = Decimal(second) * 2 - 4
    comparison = compare_visits(
        AssessmentValues({("psfs_score_1", ""): Decimal(4), ("psfs_score_2", ""): Decimal(4)}),
        AssessmentValues({("psfs_score_1", ""): Decimal(4), ("psfs_score_2", ""): after_score}),
        CUTOFFS,
    )
    row = comparison.row("psfs_mean")
    assert (row.before, row.after, row.classification) == ("4/10", f"{second}/10", expected)


def test_psfs_single_activity_needs_three_points() -> None:
    assert _verdict("psfs_score_1", "", Decimal(4), Decimal(6)) == "within error"
    assert _verdict("psfs_score_1", "", Decimal(4), Decimal(7)) == "improved"


# --- ODI: 10 points or 30% ------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ("50", "40.1", "within error"),  # 9.9 points, 19.8%
        ("50", "40", "improved"),  # exactly 10 points
        ("50", "39.9", "improved"),
        ("50", "60", "worse"),
        ("20", "14.1", "within error"),  # 5.9 points, 29.5%
        ("20", "14", "improved"),  # exactly 30%
        ("20", "13.9", "improved"),
    ],
)
def test_odi_classification_at_threshold(first: str, second: str, expected: str) -> None:
    comparison = compare_visits(
        AssessmentValues({("odi_percent", ""): Decimal(first)}),
        AssessmentValues({("odi_percent", ""): Decimal(second)}),
        CUTOFFS,
    )
    assert comparison.row("odi_percent").classification == expected
    assert comparison.row("odi_score").classification == expected


def test_odi_score_is_calculated_from_sections() -> None:
    comparison = compare_visits(
        AssessmentValues({(f"odi_section_{n}", ""): Decimal(4) for n in range(1, 11)}),
        AssessmentValues({(f"odi_section_{n}", ""): Decimal(2 + n % 2) for n in range(1, 11)}),
        CUTOFFS,
    )
    row = comparison.row("odi_score")
    assert (row.before, row.after, row.change, row.classification) == (
        "80%",
        "50%",
        "-30%",
        "improved",
    )
    assert comparison.row("odi_section_1").classification == "changed"


# --- STarT Back: the scores from the answers, the risk group by its order --------------


def _startback(*given: str) -> AssessmentValues:
    return AssessmentValues({(f"startback_{n}", ""): answer for n, answer in enumerate(given, 1)})


HIGH_RISK = _startback(*["agree"] * 8, "slightly")  # total 8, psychosocial 4
LOW_RISK = _startback("agree", *["disagree"] * 7, "very_much")  # total 2, psychosocial 1


def test_startback_scores_from_the_answers_are_compared() -> None:
    comparison = compare_visits(HIGH_RISK, LOW_RISK, CUTOFFS)
    rows = [
        comparison.row(code)
        for code in ("startback_score", "startback_psychosocial", "startback_group")
    ]
    assert [(r.label, r.before, r.after, r.change, r.classification) for r in rows] == [
        ("STarT Back total (calculated)", "8/9", "2/9", "-6/9", "changed"),
        ("STarT Back psychosocial subscale (calculated)", "4/5", "1/5", "-3/5", "changed"),
        ("STarT Back risk group", "high risk", "low risk", "changed", "improved"),
    ]
    assert comparison.row("startback_2").classification == "improved"  # agree -> disagree
    assert comparison.row("startback_9").classification == "changed"


def test_startback_group_rising_is_worse_and_steady_is_unjudged() -> None:
    assert compare_visits(LOW_RISK, HIGH_RISK, CUTOFFS).row("startback_group").classification == (
        "worse"
    )
    steady = compare_visits(LOW_RISK, LOW_RISK, CUTOFFS).row("startback_group")
    assert (steady.change, steady.classification) == ("unchanged", "")


def test_startback_typed_totals_of_an_older_visit_compare_with_answers() -> None:
    older = AssessmentValues(
        {("startback_total", ""): Decimal(5), ("startback_distress", ""): Decimal(2)}
    )
    row = compare_visits(older, HIGH_RISK, CUTOFFS).row("startback_group")
    assert (row.before, row.after, row.classification) == ("medium risk", "high risk", "worse")


# --- degrees: beyond the clinic's side_difference_deg (7 by default) ------------------


@pytest.mark.parametrize(
    ("second", "expected"),
    [
        (16, "within error"),
        (17, "within error"),
        (18, "improved"),
        (2, "worse"),
        (3, "within error"),
    ],
)
def test_rom_classification_at_threshold(second: int, expected: str) -> None:
    assert _verdict("hip_extension", "left", Decimal(10), Decimal(second)) == expected


def test_rom_threshold_follows_clinic_cutoff() -> None:
    cutoffs = {**CUTOFFS, "side_difference_deg": 5.0}
    comparison = compare_visits(
        AssessmentValues({("hip_internal_rotation", "right"): Decimal(20)}),
        AssessmentValues({("hip_internal_rotation", "right"): Decimal(26)}),
        cutoffs,
    )
    row = comparison.row("hip_internal_rotation", "right")
    assert (row.before, row.after, row.change, row.classification) == (
        "20°",
        "26°",
        "+6°",
        "improved",
    )


# --- direction ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "side", "first", "second", "expected"),
    [
        ("thomas_hip_angle", "left", Decimal(10), Decimal(-5), "improved"),
        ("thomas_hip_angle", "left", Decimal(-5), Decimal(10), "worse"),
        ("thomas_knee_angle", "left", Decimal(50), Decimal(70), "improved"),
        ("thomas_abduction", "right", Decimal(15), Decimal(0), "improved"),
        ("ake_deficit", "left", Decimal(30), Decimal(15), "improved"),
        ("slr_angle", "right", Decimal(60), Decimal(80), "improved"),
        ("lumbar_flexion", "", Decimal(50), Decimal(35), "worse"),
        ("pelvic_tilt_deg", "", Decimal(20), Decimal(8), "changed"),
        ("pelvic_tilt_deg", "", Decimal(20), Decimal(14), "within error"),
        ("strength_glute_med", "left", "4", "5", "improved"),
        ("strength_glute_med", "left", "4", "4+", "within error"),
        ("strength_glute_med", "left", "3+", "4+", "improved"),  # 3.33 -> 4.33, one grade
        ("strength_glute_max", "right", "5", "4-", "worse"),
        ("faber", "left", "positive", "negative", "improved"),
        ("fair", "right", "negative", "positive", "worse"),
        ("trendelenburg", "left", "positive", "positive", ""),
        ("sls_pelvic_drop", "left", "yes", "no", "improved"),
        ("agg_sitting", "", "no", "yes", "worse"),
        ("rf_night_pain", "", "no", "yes", "worse"),
        ("lumbar_lordosis", "", "increased", "normal", "changed"),
        ("force_glute_med", "left", Decimal(100), Decimal(150), "changed"),
        ("aslr_score", "left", Decimal(2), Decimal(0), "changed"),
        ("leg_length_true", "left", Decimal(90), Decimal(90), ""),
    ],
)
def test_direction_of_change_by_item(
    code: str, side: str, first: Value, second: Value, expected: str
) -> None:
    assert _verdict(code, side, first, second) == expected


def test_choice_change_column_says_changed_or_unchanged() -> None:
    comparison = compare_visits(
        AssessmentValues({("faber", "left"): "positive", ("ober", "right"): "positive"}),
        AssessmentValues({("faber", "left"): "negative", ("ober", "right"): "positive"}),
        CUTOFFS,
    )
    assert [(r.code, r.side, r.before, r.after, r.change) for r in comparison.rows] == [
        ("ober", "right", "Positive", "Positive", "unchanged"),
        ("faber", "left", "Positive", "Negative", "changed"),
    ]


# --- instrument caveat and missing values ---------------------------------------------


def test_different_rom_instrument_flags_rom_rows_as_not_comparable() -> None:
    comparison = compare_visits(
        AssessmentValues({
            ("rom_instrument", ""): "goniometer",
            ("hip_extension", "left"): Decimal(0),
            ("slr_angle", "left"): Decimal(60),
        }),
        AssessmentValues({
            ("rom_instrument", ""): "inclinometer",
            ("hip_extension", "left"): Decimal(15),
            ("slr_angle", "left"): Decimal(75),
        }),
        CUTOFFS,
    )  # fmt: skip
    caveat = (
        "Measured with goniometer before and inclinometer after: instruments differ by 3-5°, "
        "so these values are not compared."
    )
    row = comparison.row("hip_extension", "left")
    assert (row.change, row.classification, row.caveat) == ("+15°", "", caveat)
    rom = next(section for section in comparison.sections if section.code == "rom")
    assert rom.caveats == (caveat,)
    assert comparison.row("slr_angle", "left").classification == "improved"


def test_same_instrument_has_no_caveat() -> None:
    comparison = compare_visits(
        AssessmentValues({("pelvic_tilt_instrument", ""): "inclinometer",
                          ("pelvic_tilt_deg", ""): Decimal(20)}),
        AssessmentValues({("pelvic_tilt_instrument", ""): "inclinometer",
                          ("pelvic_tilt_deg", ""): Decimal(10)}),
        CUTOFFS,
    )  # fmt: skip
    assert comparison.row("pelvic_tilt_deg").caveat == ""
    assert all(section.caveats == () for section in comparison.sections)


def test_different_tilt_instrument_flags_tilt_only() -> None:
    comparison = compare_visits(
        AssessmentValues({("pelvic_tilt_instrument", ""): "inclinometer",
                          ("pelvic_tilt_deg", ""): Decimal(20),
                          ("hip_flexion", "left"): Decimal(100)}),
        AssessmentValues({("pelvic_tilt_instrument", ""): "visual",
                          ("pelvic_tilt_deg", ""): Decimal(10),
                          ("hip_flexion", "left"): Decimal(120)}),
        CUTOFFS,
    )  # fmt: skip
    assert comparison.row("pelvic_tilt_deg").classification == ""
    assert comparison.row("pelvic_tilt_deg").caveat.startswith(
        "Measured with inclinometer before and visual estimate after"
    )
    assert comparison.row("hip_flexion", "left").classification == "improved"


def test_item_not_tested_in_one_visit_is_not_compared() -> None:
    comparison = compare_visits(
        AssessmentValues({("pain_now", ""): Decimal(6)}),
        AssessmentValues({("hip_flexion", "right"): Decimal(100)}),
        CUTOFFS,
    )
    assert [
        (r.code, r.side, r.before, r.after, r.change, r.classification, r.not_tested_in_one)
        for r in comparison.rows
    ] == [
        ("pain_now", "", "6/10", "", "", "", True),
        ("hip_flexion", "right", "", "100°", "", "", True),
    ]


def test_nothing_recorded_gives_no_sections() -> None:
    assert compare_visits(AssessmentValues({}), AssessmentValues({}), CUTOFFS).sections == ()

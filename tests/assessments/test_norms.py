"""Cut-offs, reference ranges, clinic overrides and norm comparison (pure: no database)."""

from decimal import Decimal

import pytest

from assessments.norms import (
    DEFAULT_CUTOFFS,
    OPTIONAL_CUTOFFS,
    REFERENCES,
    Reference,
    SideValue,
    compare,
    cutoffs_for,
    reference_for,
    validate_overrides,
)
from assessments.values import AssessmentValues

L, R = "left", "right"


def make(entries: dict[tuple[str, str], int | float | str]) -> AssessmentValues:
    return AssessmentValues(
        values={
            key: value if isinstance(value, str) else Decimal(str(value))
            for key, value in entries.items()
        }
    )


def test_default_cutoffs_match_clinical_md() -> None:
    assert dict(DEFAULT_CUTOFFS) == {
        "thomas_hip_angle_max": 0.0,
        "thomas_knee_angle_min": 67.0,
        "thomas_abduction_max": 0.0,
        "slr_reduced_below": 80.0,
        "slr_nerve_root_low": 30.0,
        "slr_nerve_root_high": 70.0,
        "ake_deficit_tight_over": 20.0,
        "side_difference_deg": 7.0,
        "oxford_normal": 5.0,
        "oxford_side_difference": 1.0,
        "aslr_positive_over": 0.0,
    }


def test_pelvic_tilt_threshold_is_optional_without_default() -> None:
    assert list(OPTIONAL_CUTOFFS) == ["pelvic_tilt_anterior_max"]
    assert "pelvic_tilt_anterior_max" not in DEFAULT_CUTOFFS


def test_references_hip_ranges_match_clinical_md() -> None:
    ranges = {code: (ref.low, ref.high) for code, ref in REFERENCES.items()}
    assert ranges == {
        "hip_flexion": (110, 120),
        "hip_extension": (10, 15),
        "hip_abduction": (30, 50),
        "hip_adduction": (20, 30),
        "hip_external_rotation": (40, 60),
        "hip_internal_rotation": (30, 40),
        "lumbar_flexion": (50, 50),
        "lumbar_extension": (15, 15),
        "lumbar_side_flexion": (20, 20),
        "slr_angle": (80, 90),
    }


def test_validate_overrides_empty_returns_empty() -> None:
    assert validate_overrides({}) == {}


def test_validate_overrides_accepts_cutoffs_optional_and_reference_bounds() -> None:
    cleaned = validate_overrides(
        {"slr_reduced_below": 70, "pelvic_tilt_anterior_max": 12.5, "hip_flexion_low": 100}
    )
    assert cleaned == {
        "hip_flexion_low": 100.0,
        "pelvic_tilt_anterior_max": 12.5,
        "slr_reduced_below": 70.0,
    }
    assert all(type(value) is float for value in cleaned.values())


def test_validate_overrides_not_a_mapping_raises() -> None:
    with pytest.raises(ValueError, match=r"^Cut-off overrides must be a JSON object"):
        validate_overrides([["slr_reduced_below", 70]])


def test_validate_overrides_unknown_name_suggests_and_lists_known() -> None:
    with pytest.raises(ValueError, match="Unknown cut-off 'thomas_hip'") as caught:
        validate_overrides({"thomas_hip": 5})
    message = str(caught.value)
    assert "(did you mean 'thomas_hip_angle_max'?)" in message
    assert "pelvic_tilt_anterior_max" in message
    assert "<item>_low or <item>_high for hip_flexion" in message
    assert message.count(".") == 1


@pytest.mark.parametrize("name", ["pain_now_low", "hip_flexion_mid", "hip_adduction"])
def test_validate_overrides_unknown_reference_bound_raises(name: str) -> None:
    with pytest.raises(ValueError, match=rf"^Unknown cut-off '{name}'"):
        validate_overrides({name: 5})


@pytest.mark.parametrize(
    ("value", "kind"),
    [(True, "true/false"), ("70", "text"), (None, "empty (null)"), ([70], "a list or object")],
)
def test_validate_overrides_non_number_raises(value: object, kind: str) -> None:
    with pytest.raises(ValueError, match="must be a number") as caught:
        validate_overrides({"slr_reduced_below": value})
    assert str(caught.value) == f"Cut-off 'slr_reduced_below' must be a number, not {kind}."


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("slr_reduced_below", 131, "must be between 0 and 130, not 131."),
        ("slr_reduced_below", -1, "must be between 0 and 130, not -1."),
        ("side_difference_deg", 0, "must be between 1 and 30, not 0."),
        ("oxford_normal", 5.5, "must be between 1 and 5, not 5.5."),
        ("thomas_hip_angle_max", float("nan"), "must be between -30 and 45, not nan."),
        ("hip_flexion_high", 151, "must be between 0 and 150, not 151."),
    ],
)
def test_validate_overrides_out_of_range_raises(name: str, value: float, message: str) -> None:
    with pytest.raises(ValueError, match="must be between") as caught:
        validate_overrides({name: value})
    assert str(caught.value) == f"Cut-off '{name}' {message}"


@pytest.mark.parametrize("value", [10**400, -(10**4000)], ids=["400-digits", "4001-digits"])
def test_validate_overrides_integer_beyond_float_raises(value: int) -> None:
    # float() of it raised OverflowError, which no caller expected: a 500 in the admin.
    with pytest.raises(ValueError, match="must be between") as caught:
        validate_overrides({"slr_reduced_below": value})
    assert str(caught.value) == (
        "Cut-off 'slr_reduced_below' must be between 0 and 130, not a number that large."
    )


@pytest.mark.parametrize(("name", "value"), [("slr_reduced_below", 0), ("slr_reduced_below", 90)])
def test_validate_overrides_range_ends_accepted(name: str, value: int) -> None:
    assert validate_overrides({name: value}) == {name: float(value)}


def test_validate_overrides_nerve_root_range_reversed_raises() -> None:
    with pytest.raises(ValueError, match="low end must not be above") as caught:
        validate_overrides({"slr_nerve_root_low": 75})
    assert str(caught.value) == (
        "Cut-off 'slr_nerve_root_low' leaves the nerve-root SLR range running from 75 down "
        "to 70; the low end must not be above the high end."
    )


@pytest.mark.parametrize(
    ("overrides", "key", "low", "high", "label"),
    [
        ({"hip_flexion_low": 130}, "hip_flexion_low", 130, 120, "hip flexion"),
        ({"hip_flexion_high": 100}, "hip_flexion_high", 110, 100, "hip flexion"),
        ({"slr_reduced_below": 95}, "slr_reduced_below", 95, 90, "straight leg raise"),
    ],
)
def test_validate_overrides_reference_reversed_names_key(
    overrides: dict[str, object], key: str, low: int, high: int, label: str
) -> None:
    with pytest.raises(ValueError, match="low end must not be above") as caught:
        validate_overrides(overrides)
    assert str(caught.value) == (
        f"Cut-off '{key}' leaves the {label} reference running from {low} down to {high}; "
        "the low end must not be above the high end."
    )


def test_cutoffs_for_none_returns_defaults() -> None:
    assert cutoffs_for(None) == dict(DEFAULT_CUTOFFS)
    assert cutoffs_for({}) == dict(DEFAULT_CUTOFFS)


def test_cutoffs_for_applies_overrides_on_top() -> None:
    cutoffs = cutoffs_for({"slr_reduced_below": 70, "pelvic_tilt_anterior_max": 12})
    assert cutoffs == {
        **DEFAULT_CUTOFFS,
        "slr_reduced_below": 70.0,
        "pelvic_tilt_anterior_max": 12.0,
    }


def test_cutoffs_for_bad_override_raises() -> None:
    with pytest.raises(ValueError, match=r"^Unknown cut-off 'nope'"):
        cutoffs_for({"nope": 1})


def test_reference_for_unknown_item_is_none() -> None:
    assert reference_for("pain_now", DEFAULT_CUTOFFS) is None


def test_reference_for_default_is_catalogue_reference() -> None:
    assert (
        reference_for("hip_internal_rotation", DEFAULT_CUTOFFS)
        == REFERENCES["hip_internal_rotation"]
    )


def test_reference_for_applies_low_and_high_overrides() -> None:
    reference = reference_for(
        "hip_flexion", cutoffs_for({"hip_flexion_low": 100, "hip_flexion_high": 125})
    )
    assert reference == Reference(
        100, 125, "clinic setting (default 110-120, AFP (Wilson 2014), adult hip norms)"
    )


def test_reference_for_slr_low_follows_reduced_cutoff() -> None:
    reference = reference_for("slr_angle", cutoffs_for({"slr_reduced_below": 70}))
    assert reference is not None
    assert (reference.low, reference.high) == (70, 90)


def test_reference_for_slr_low_override_wins_over_reduced_cutoff() -> None:
    cutoffs = cutoffs_for({"slr_reduced_below": 70, "slr_angle_low": 75})
    reference = reference_for("slr_angle", cutoffs)
    assert reference is not None
    assert (reference.low, reference.high) == (75, 90)


def test_compare_nothing_recorded_is_none() -> None:
    assert compare("hip_flexion", make({}), DEFAULT_CUTOFFS) is None


def test_compare_choice_item_is_none() -> None:
    assert compare("ober", make({("ober", L): "positive"}), DEFAULT_CUTOFFS) is None


def test_compare_sided_below_range_and_side_difference() -> None:
    values = make({("hip_internal_rotation", L): 22, ("hip_internal_rotation", R): 31})
    comparison = compare("hip_internal_rotation", values, DEFAULT_CUTOFFS)
    assert comparison is not None
    reference = REFERENCES["hip_internal_rotation"]
    assert comparison.sides == (
        SideValue("left", 22.0, reference, 63, below=True, above=False),
        SideValue("right", 31.0, reference, 89, below=False, above=False),
    )
    assert comparison.difference == 9.0
    assert comparison.difference_exceeds is True
    assert comparison.flags == ("below 30-40° range (left)", "sides differ by 9°")
    assert comparison.summary == ("left 22° (63%)", "right 31° (89%)", "difference 9°")
    assert comparison.reference_text == "30-40°"


@pytest.mark.parametrize(("right", "exceeds"), [(122, False), (123, True), (121, False)])
def test_compare_side_difference_flag_only_beyond_cutoff(right: int, exceeds: bool) -> None:
    values = make({("hip_flexion", L): 115, ("hip_flexion", R): right})
    comparison = compare("hip_flexion", values, DEFAULT_CUTOFFS)
    assert comparison is not None
    assert comparison.difference_exceeds is exceeds


def test_compare_side_difference_cutoff_override() -> None:
    values = make({("hip_flexion", L): 115, ("hip_flexion", R): 120})
    comparison = compare("hip_flexion", values, cutoffs_for({"side_difference_deg": 4}))
    assert comparison is not None
    assert comparison.flags == ("sides differ by 5°",)


def test_compare_one_side_has_no_difference() -> None:
    comparison = compare("hip_flexion", make({("hip_flexion", R): 100}), DEFAULT_CUTOFFS)
    assert comparison is not None
    assert (comparison.difference, comparison.difference_exceeds) == (None, False)
    assert comparison.flags == ("below 110-120° range (right)",)


def test_compare_above_range_flag() -> None:
    comparison = compare("hip_flexion", make({("hip_flexion", L): 125}), DEFAULT_CUTOFFS)
    assert comparison is not None
    assert comparison.flags == ("above 110-120° range (left)",)
    assert comparison.sides[0].percent == 109


def test_compare_percent_rounds_half_up() -> None:
    comparison = compare("hip_abduction", make({("hip_abduction", L): 1}), DEFAULT_CUTOFFS)
    assert comparison is not None
    assert comparison.sides[0].percent == 3  # 1 / 40 x 100 = 2.5


def test_compare_unsided_single_value_reference() -> None:
    comparison = compare("lumbar_flexion", make({("lumbar_flexion", ""): 40}), DEFAULT_CUTOFFS)
    assert comparison is not None
    assert comparison.sides == (
        SideValue("", 40.0, REFERENCES["lumbar_flexion"], 80, True, False),
    )
    assert comparison.flags == ("below 50° reference",)
    assert comparison.summary == ("40° (80%)",)
    assert comparison.difference is None


def test_compare_within_range_has_no_flags() -> None:
    values = make({("hip_abduction", L): 30, ("hip_abduction", R): 37})
    comparison = compare("hip_abduction", values, DEFAULT_CUTOFFS)
    assert comparison is not None
    assert comparison.flags == ()


def test_compare_non_degree_item_never_flags_difference() -> None:
    values = make({("leg_length_true", L): 90, ("leg_length_true", R): 99.5})
    comparison = compare("leg_length_true", values, DEFAULT_CUTOFFS)
    assert comparison is not None
    assert comparison.difference == 9.5
    assert comparison.difference_exceeds is False
    assert comparison.reference is None
    assert comparison.summary == ("left 90 cm", "right 99.5 cm", "difference 9.5 cm")


def test_compare_reference_override_changes_flag() -> None:
    values = make({("hip_internal_rotation", L): 27})
    default = compare("hip_internal_rotation", values, DEFAULT_CUTOFFS)
    lowered = compare(
        "hip_internal_rotation", values, cutoffs_for({"hip_internal_rotation_low": 25})
    )
    assert default is not None
    assert lowered is not None
    assert default.flags == ("below 30-40° range (left)",)
    assert lowered.flags == ()

"""Oswestry: percent from the sections (at most 2 missing), the typed total as fallback."""

import pytest

from assessments.outcomes import ODI_MIN_ANSWERED, OdiResult, odi, odi_answered, odi_band
from tests.assessments.outcomes.helpers import make, sections


def test_odi_nothing_entered_is_none() -> None:
    assert odi(make({})) is None


def test_odi_all_sections() -> None:
    values = make(sections(2, 2, 2, 2, 2, 2, 2, 2, 2, 2))
    assert odi(values) == OdiResult(40.0, 10, "sections", "moderate")


def test_odi_all_zero_is_zero_percent() -> None:
    assert odi(make(sections(*[0] * 10))) == OdiResult(0.0, 10, "sections", "minimal")


def test_odi_all_max_is_one_hundred_percent() -> None:
    assert odi(make(sections(*[5] * 10))) == OdiResult(100.0, 10, "sections", "bed-bound")


def test_odi_two_missing_sections_scaled_to_answered() -> None:
    values = make(sections(2, 2, None, 2, 2, 2, None, 2, 1, 1))
    assert odi(values) == OdiResult(35.0, 8, "sections", "moderate")  # 14 / 40 x 100


def test_odi_missing_section_rounded_to_one_decimal() -> None:
    values = make(sections(1, 1, 1, 1, 1, 1, 1, 1, 2))
    assert odi(values) == OdiResult(22.2, 9, "sections", "moderate")  # 10 / 45 x 100


def test_odi_all_max_with_one_missing_is_still_one_hundred() -> None:
    assert odi(make(sections(5, 5, 5, 5, 5, 5, 5, None, 5, 5))) == OdiResult(
        100.0, 9, "sections", "bed-bound"
    )


@pytest.mark.parametrize("answered", [1, 5, ODI_MIN_ANSWERED - 1])
def test_odi_too_few_sections_give_no_score(answered: int) -> None:
    values = make(sections(*[3] * answered))
    assert (odi(values), odi_answered(values)) == (None, answered)


def test_odi_too_few_sections_fall_back_to_the_typed_total() -> None:
    values = make({**sections(4, 4, 4), "odi_percent": 34.5})
    assert odi(values) == OdiResult(34.5, 0, "total", "moderate")


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


def test_odi_band_from_sections_at_boundary() -> None:
    # 10 of 50 is exactly 20%: minimal, the lower band.
    assert odi(make(sections(1, 1, 1, 1, 1, 1, 1, 1, 1, 1))) == OdiResult(
        20.0, 10, "sections", "minimal"
    )

"""Progress series: values by date, the meaningful-change band at its thresholds, drafts."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import User

from assessments.compare.change import Threshold, thresholds
from assessments.norms import cutoffs_for
from assessments.progress.panel import pain_values, progress_visits
from assessments.progress.series import (
    IMPROVED,
    WITHIN_BAND,
    WORSE,
    ChartSpec,
    band_for,
    pain_chart,
    progress_charts,
)
from assessments.services import assessment_finalise, assessment_save, assessment_start
from assessments.values import AssessmentValues, Key, Value
from clinic.models import Client

DAY = datetime.date(2026, 1, 5)
CUTOFFS = cutoffs_for(None)


def _visit(days: int, values: dict[Key, Value]) -> AssessmentValues:
    return AssessmentValues(values=values, visit_date=DAY + datetime.timedelta(days=days))


def _chart(visits: list[AssessmentValues], code: str, cutoffs: dict = CUTOFFS) -> ChartSpec:
    return next(chart for chart in progress_charts(visits, cutoffs) if chart.code == code)


def _pain(*scores: int) -> list[AssessmentValues]:
    return [_visit(7 * n, {("pain_now", ""): Decimal(s)}) for n, s in enumerate(scores)]


def test_progress_charts_are_the_issue_list_in_order() -> None:
    charts = progress_charts([], CUTOFFS)
    assert [(c.code, [s.key for s in c.series]) for c in charts] == [
        ("pain", ["pain_now", "pain_worst_24h"]),
        ("psfs", ["psfs_mean"]),
        ("odi", ["odi_score"]),
        ("rmdq", ["rmdq_score"]),
        ("hip-extension", ["hip_extension:left", "hip_extension:right"]),
        ("hip-internal-rotation", ["hip_internal_rotation:left", "hip_internal_rotation:right"]),
        ("thomas-hip-angle", ["thomas_hip_angle:left", "thomas_hip_angle:right"]),
        ("slr-angle", ["slr_angle:left", "slr_angle:right"]),
    ]
    assert all(chart.is_empty for chart in charts)


def test_progress_series_sorted_by_date_and_skip_unrecorded_visits() -> None:
    visits = [
        _visit(14, {("pain_now", ""): Decimal(3), ("pain_worst_24h", ""): Decimal(5)}),
        _visit(0, {("pain_now", ""): Decimal(6)}),
        _visit(7, {("hip_extension", "left"): Decimal(4)}),
    ]
    now, worst = pain_chart(visits, CUTOFFS).series
    assert [(p.date.day, p.value) for p in now.points] == [(5, 6.0), (19, 3.0)]
    assert [(p.date.day, p.value) for p in worst.points] == [(19, 5.0)]
    assert (now.verdict, worst.verdict) == (IMPROVED, "")
    left, right = _chart(visits, "hip-extension").series
    assert ([p.value for p in left.points], right.points, right.band) == ([4.0], (), None)


@pytest.mark.parametrize(
    ("baseline", "half_width"),
    [(8, Decimal(2)), (5, Decimal("1.5")), (0, Decimal(2)), (10, Decimal(2))],
)
def test_pain_band_is_two_points_or_thirty_percent_whichever_smaller(
    baseline: int, half_width: Decimal
) -> None:
    band = pain_chart(_pain(baseline), CUTOFFS).series[0].band
    assert band is not None
    assert (band.baseline, band.half_width, band.edge_is_meaningful) == (
        baseline,
        half_width,
        True,
    )
    assert (band.low, band.high) == (baseline - float(half_width), baseline + float(half_width))


@pytest.mark.parametrize(
    ("scores", "verdict"),
    [
        ((8, 6), IMPROVED),  # 2 points exactly is meaningful
        ((8, 7), WITHIN_BAND),
        ((5, 4), WITHIN_BAND),  # 20%, 1 point
        ((3, 2), IMPROVED),  # 1 point is 33% of 3
        ((4, 6), WORSE),
        ((0, 1), WITHIN_BAND),  # no 30% rule from 0
    ],
)
def test_pain_verdict_at_the_thresholds(scores: tuple[int, int], verdict: str) -> None:
    assert pain_chart(_pain(*scores), CUTOFFS).series[0].verdict == verdict


def test_pain_verdict_compares_latest_with_first_not_previous() -> None:
    assert pain_chart(_pain(8, 2, 7), CUTOFFS).series[0].verdict == WITHIN_BAND


@pytest.mark.parametrize(
    ("after", "verdict"),
    [(12, WITHIN_BAND), (13, IMPROVED), (-2, WITHIN_BAND), (-3, WORSE)],
)
def test_degree_band_is_beyond_clinic_error(after: int, verdict: str) -> None:
    visits = [
        _visit(0, {("hip_extension", "right"): Decimal(5)}),
        _visit(30, {("hip_extension", "right"): Decimal(after)}),
    ]
    series = _chart(visits, "hip-extension").series[1]
    assert series.band is not None
    assert (series.band.half_width, series.band.edge_is_meaningful) == (Decimal(7), False)
    assert series.verdict == verdict


def test_thomas_hip_angle_lower_is_better() -> None:
    visits = [
        _visit(0, {("thomas_hip_angle", "left"): Decimal(10)}),
        _visit(30, {("thomas_hip_angle", "left"): Decimal(18)}),
    ]
    assert _chart(visits, "thomas-hip-angle").series[0].verdict == WORSE


def test_degree_band_follows_clinic_override() -> None:
    cutoffs = cutoffs_for({"side_difference_deg": 5})
    visits = [
        _visit(0, {("slr_angle", "left"): Decimal(60)}),
        _visit(30, {("slr_angle", "left"): Decimal(66)}),
    ]
    chart = _chart(visits, "slr-angle", cutoffs)
    band = chart.series[0].band
    assert (band.half_width if band else None, chart.series[0].verdict) == (Decimal(5), IMPROVED)
    assert chart.rule == "more than 5°, the clinic's measurement error"


@pytest.mark.parametrize(
    ("first", "later", "half_width", "verdict"),
    [
        (40, 30, Decimal(10), IMPROVED),  # 10 points exactly
        (40, 31, Decimal(10), WITHIN_BAND),
        (20, 14, Decimal(6), IMPROVED),  # 30% of 20
        (20, 15, Decimal(6), WITHIN_BAND),
    ],
)
def test_odi_band_ten_points_or_thirty_percent(
    first: int, later: int, half_width: Decimal, verdict: str
) -> None:
    visits = [
        _visit(0, {("odi_percent", ""): Decimal(first)}),
        _visit(30, {("odi_percent", ""): Decimal(later)}),
    ]
    series = _chart(visits, "odi").series[0]
    assert (series.band.half_width if series.band else None, series.verdict) == (
        half_width,
        verdict,
    )


def test_odi_series_scores_sections_over_entered_total() -> None:
    sections = {(f"odi_section_{n}", ""): Decimal(2) for n in range(1, 11)}
    visits = [_visit(0, {**sections, ("odi_percent", ""): Decimal(39)})]
    assert [p.value for p in _chart(visits, "odi").series[0].points] == [40.0]


@pytest.mark.parametrize(("later", "verdict"), [(Decimal(6), IMPROVED), (Decimal(5), WITHIN_BAND)])
def test_psfs_band_is_two_points_on_the_mean(later: Decimal, verdict: str) -> None:
    visits = [
        _visit(0, {("psfs_score_1", ""): Decimal(3), ("psfs_score_2", ""): Decimal(5)}),
        _visit(30, {("psfs_score_1", ""): later, ("psfs_score_2", ""): later}),
    ]
    series = _chart(visits, "psfs").series[0]
    assert [p.value for p in series.points] == [4.0, float(later)]
    assert (series.band.half_width if series.band else None, series.verdict) == (
        Decimal(2),
        verdict,
    )


@pytest.mark.parametrize("baseline", [0.0, 1.0, 3.0, 6.0, 6.5, 7.0, 10.0, 33.3, 40.0])
@pytest.mark.parametrize("code", ["pain_now", "odi_score", "psfs_mean", "hip_extension"])
def test_band_edge_agrees_with_compare_threshold(code: str, baseline: float) -> None:
    threshold: Threshold = thresholds(CUTOFFS)[code]
    band = band_for(threshold, baseline)
    before = Decimal(str(baseline))
    assert threshold.met(before, band.half_width) is band.edge_is_meaningful
    assert threshold.met(before, band.half_width + Decimal("0.01")) is True
    assert threshold.met(before, band.half_width - Decimal("0.01")) is False


def test_rom_instrument_mix_gives_caveat_and_notes() -> None:
    visits = [
        _visit(0, {("rom_instrument", ""): "goniometer",
                   ("hip_internal_rotation", "left"): Decimal(20)}),
        _visit(30, {("rom_instrument", ""): "inclinometer",
                    ("hip_internal_rotation", "left"): Decimal(28)}),
    ]  # fmt: skip
    chart = _chart(visits, "hip-internal-rotation")
    assert [p.note for p in chart.series[0].points] == ["Goniometer", "Inclinometer"]
    assert chart.caveat.startswith("Measured with goniometer and inclinometer at different")
    assert _chart(visits, "thomas-hip-angle").caveat == ""


def test_same_instrument_gives_no_caveat() -> None:
    visits = [
        _visit(n, {("rom_instrument", ""): "goniometer", ("hip_extension", "left"): Decimal(n)})
        for n in (0, 10)
    ]
    assert _chart(visits, "hip-extension").caveat == ""


# --- the reads: finalised visits only --------------------------------------------------


def _saved(therapist: User, client: Client, days: int, values: dict, *, final: bool) -> None:
    draft = assessment_start(
        actor=therapist, client=client, visit_date=DAY + datetime.timedelta(days=days)
    )
    saved = assessment_save(
        actor=therapist, assessment=draft, expected_version=1, narrative={}, values=values
    )
    if final:
        assessment_finalise(actor=therapist, assessment=saved, expected_version=2)


def test_progress_visits_chart_finalised_visits_only(
    therapist: User, client_record: Client
) -> None:
    _saved(therapist, client_record, 20, {("pain_now", ""): Decimal(1)}, final=False)
    _saved(therapist, client_record, 10, {("pain_now", ""): Decimal(4)}, final=True)
    _saved(therapist, client_record, 0, {("pain_now", ""): Decimal(7)}, final=True)
    visits, finalised = progress_visits(client_record)
    assert [v.visit_date.day for v in visits] == [5, 15, 25]
    assert [(v.visit_date, v.number("pain_now")) for v in finalised] == [
        (DAY, 7.0),
        (DAY + datetime.timedelta(days=10), 4.0),
    ]
    assert [v.number("pain_now") for v in pain_values(client_record)] == [7.0, 4.0]


def test_progress_visits_loads_only_chart_items(therapist: User, client_record: Client) -> None:
    values = {("pain_now", ""): Decimal(5), ("agg_sitting", ""): "yes"}
    _saved(therapist, client_record, 0, values, final=True)
    _, finalised = progress_visits(client_record)
    assert dict(finalised[0].values) == {("pain_now", ""): Decimal(5)}

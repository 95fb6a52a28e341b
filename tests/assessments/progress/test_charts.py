"""Chart geometry and its SVG: 0, 1 and many points, axes, dates, accessibility, escaping."""

import datetime
import itertools
import re
from decimal import Decimal

import pytest
from django.template.loader import render_to_string

from assessments.norms import cutoffs_for
from assessments.progress.charts import (
    DATE_GAP,
    NO_VISITS,
    chart_view,
    nice_step,
    y_domain,
)
from assessments.progress.series import Band, ChartSpec, Point, Series, pain_chart, progress_charts
from assessments.values import AssessmentValues

DAY = datetime.date(2026, 1, 5)
CUTOFFS = cutoffs_for(None)


def _pain(scores: list[int], *, every: int = 7) -> ChartSpec:
    visits = [
        AssessmentValues(
            values={("pain_now", ""): Decimal(score), ("pain_worst_24h", ""): Decimal(score + 2)},
            visit_date=DAY + datetime.timedelta(days=every * n),
        )
        for n, score in enumerate(scores)
    ]
    return pain_chart(visits, CUTOFFS)


def _html(spec: ChartSpec, **options: str) -> str:
    return render_to_string("assessments/_chart.html", {"chart": chart_view(spec, **options)})


def test_chart_without_points_says_no_visits() -> None:
    spec = pain_chart([], CUTOFFS)
    view = chart_view(spec)
    html = _html(spec)
    assert (view.is_empty, view.x_ticks, view.series, view.rows) == (True, (), (), ())
    assert NO_VISITS == "No visits recorded yet."
    assert f'<p class="text-secondary mb-0">{NO_VISITS}</p>' in html
    assert "<svg" not in html
    assert '<h2 class="h5" id="chart-pain-heading">Pain (NPRS)</h2>' in html


def test_chart_with_one_point_has_marker_no_line_and_labelled_axes() -> None:
    view = chart_view(_pain([6]))
    now = view.series[0]
    assert (now.line, len(now.markers), now.markers[0].x) == (
        "",
        1,
        "273.0",
    )  # the middle of the plot
    assert now.markers[0].title == "Pain now, 5 Jan 2026: 6/10"
    assert [tick.label for tick in view.x_ticks] == ["5 Jan 2026"]
    assert [tick.label for tick in view.y_ticks] == ["0", "2", "4", "6", "8", "10"]
    html = _html(_pain([6]))
    assert "<polyline" not in html
    assert ">Visit date</text>" in html
    assert ">Pain, 0-10</text>" in html
    assert ">5 Jan 2026</text>" in html


def test_chart_with_many_points_spaces_dates_by_time_and_thins_labels() -> None:
    spec = _pain([n % 11 for n in range(30)])
    view = chart_view(spec)
    now = view.series[0]
    coordinates = [float(pair.split(",")[0]) for pair in now.line.split()]
    assert len(coordinates) == 30
    gaps = [b - a for a, b in itertools.pairwise(coordinates)]
    assert max(gaps) - min(gaps) <= 0.2  # weekly visits: equal spacing (to the rounding)
    positions = [float(tick.position) for tick in view.x_ticks]
    assert all(b - a >= DATE_GAP for a, b in itertools.pairwise(positions))
    assert (view.x_ticks[0].label, view.x_ticks[-1].label) == ("5 Jan 2026", "27 Jul 2026")
    assert 3 <= len(view.x_ticks) < 30
    assert len(view.rows) == 30  # the table keeps every date


def test_chart_x_positions_follow_the_calendar() -> None:
    visits = [
        AssessmentValues(values={("pain_now", ""): Decimal(5)}, visit_date=DAY + delta)
        for delta in (datetime.timedelta(0), datetime.timedelta(days=30), datetime.timedelta(90))
    ]
    xs = [float(marker.x) for marker in chart_view(pain_chart(visits, CUTOFFS)).series[0].markers]
    assert round((xs[2] - xs[1]) / (xs[1] - xs[0]), 6) == 2.0


def test_chart_svg_is_accessible_and_has_table_fallback() -> None:
    html = _html(_pain([6, 3]))
    assert (
        '<svg class="progress-chart-svg" viewBox="0 0 520 260" role="img" '
        'aria-labelledby="chart-pain-title chart-pain-desc"' in html
    )
    assert '<title id="chart-pain-title">Pain (NPRS)</title>' in html
    desc = re.search(r'<desc id="chart-pain-desc">(.*?)</desc>', html)
    assert desc is not None
    assert desc.group(1) == (
        "Pain now: 2 visits from 5 Jan 2026 to 12 Jan 2026; first 6/10, latest 3/10, "
        "improved beyond the meaningful-change band (±1.8 points around the first value). "
        "Worst pain, last 24 hours: 2 visits from 5 Jan 2026 to 12 Jan 2026; first 8/10, "
        "latest 5/10, improved beyond the meaningful-change band (±2 points around the first "
        "value). Meaningful change: 2 points or 30% of the first value, whichever is smaller."
    )
    assert "<summary>Data table: Pain (NPRS)</summary>" in html
    assert (
        '<tr><th scope="row" class="fw-normal"><time datetime="2026-01-05">5 Jan 2026</time>'
        "</th><td>6/10</td><td>8/10</td></tr>" in html
    )


def test_chart_lines_differ_without_colour_and_use_no_style_or_script() -> None:
    html = _html(_pain([6, 3, 2]))
    assert html.count('stroke-dasharray="7 4"') == 3  # band, line and legend swatch
    assert "<circle" in html
    assert '<rect x="' in html  # open squares mark the second series
    assert " style=" not in html
    assert "<script" not in html


def test_chart_legend_names_the_band() -> None:
    view = chart_view(_pain([5, 4]))
    band = view.series[0].band
    assert band is not None
    assert band.text == "band: first value 5/10 ±1.5 points"
    html = _html(_pain([5, 4]))
    assert band.text in html
    assert (
        "Shaded band: first value ± the smallest meaningful change (2 points or 30% of the "
        "first value, whichever is smaller)." in html
    )


def test_chart_band_is_clipped_to_the_scale() -> None:
    view = chart_view(_pain([0, 0]))
    band = view.series[0].band
    assert band is not None
    # 0 +/- 2 on 0-10: from 0 up to 2, i.e. 20% of the 194-unit plot height above its
    # bottom at 208
    assert (band.y, band.height) == ("169.2", "38.8")


def test_degree_chart_scales_to_data_with_nice_ticks() -> None:
    visits = [
        AssessmentValues(
            values={
                ("hip_extension", "left"): Decimal(v),
                ("hip_extension", "right"): Decimal(12),
            },
            visit_date=DAY + datetime.timedelta(days=14 * n),
        )
        for n, v in enumerate([-4, 3, 9])
    ]
    spec = next(c for c in progress_charts(visits, CUTOFFS) if c.code == "hip-extension")
    assert y_domain(spec) == (-20, 20, 10)  # -4 - 7 = -11 and 12 + 7 = 19, rounded out
    view = chart_view(spec)
    assert [tick.label for tick in view.y_ticks] == ["-20", "-10", "0", "10", "20"]
    assert view.y_label == "Degrees"
    html = _html(spec)
    assert "band: first value -4° ±7°" in html
    assert '<th scope="col">Left</th><th scope="col">Right</th>' in html


@pytest.mark.parametrize(
    ("span", "step"), [(10, 2), (100, 20), (14, 5), (3, 1), (0.4, 0.1), (40, 10)]
)
def test_nice_step_is_one_two_or_five_times_power_of_ten(span: float, step: float) -> None:
    assert nice_step(span) == pytest.approx(step)


def test_chart_text_is_escaped() -> None:
    hostile = "<script>alert(1)</script> & co"
    spec = ChartSpec(
        code="x",
        title=f"Title {hostile}",
        unit="°",
        y_label=hostile,
        minimum=None,
        maximum=None,
        bounds=(0, 90),
        rule=hostile,
        series=(
            Series(
                "x",
                hostile,
                (Point(DAY, 10.0, note=hostile),),
                Band(10.0, Decimal(7), edge_is_meaningful=False),
                "",
            ),
        ),
        caveat=hostile,
    )
    html = _html(spec)
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in html
    assert '<title id="chart-x-title">Title &lt;script&gt;' in html


def test_chart_ids_take_the_prefix() -> None:
    html = _html(_pain([4]), id_prefix="panel")
    assert 'aria-labelledby="panel-pain-title panel-pain-desc"' in html

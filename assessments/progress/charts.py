"""SVG geometry for the progress charts: scales, ticks, lines, markers, bands and text.

Pure: no Django, no database. templates/assessments/_chart.html draws what this returns.
Coordinates are strings already formatted, so the template's number localisation can
never turn 12.5 into "12,5" inside an SVG attribute. Text is plain (escaped by the
template).

- x: visits placed by date (a visit two months later sits twice as far as one a month
  later); one date sits in the middle. Date labels are thinned so they do not overlap;
  the first and last are always shown, and the data table lists every date.
- y: the chart's fixed range (pain 0-10, ODI 0-100) or, for degrees, a range around the
  values and bands rounded out to "nice" ticks (steps of 1, 2 or 5 x 10^n).
- Lines differ by dash pattern and marker shape as well as colour (readable in black and
  white): series 0 solid with filled circles, series 1 dashed with open squares, series 2
  dotted with triangles.
"""

import datetime
import math
from collections.abc import Sequence
from dataclasses import dataclass

from assessments.progress.series import IMPROVED, WITHIN_BAND, WORSE, Band, ChartSpec, Series
from clinic.dates import format_date

# In SVG user units; the chart scales to its column, and at about half a wide page the
# 13-unit text (set in _chart.html) reads at 11-13 px.
WIDTH, HEIGHT = 520, 260
LEFT, RIGHT, TOP, BOTTOM = 60, 34, 14, 52  # margins: tick labels, axis titles
X_PAD = 18  # keeps the first and last markers off the axes
DATE_GAP = 96  # minimum distance between two date labels ("13 Apr 2026" is about 75)
Y_TICKS = 5
MIN_SPAN = 10.0  # smallest y range for charts scaled to their data (degrees)
SHAPES = ("circle", "square", "triangle")
NO_VISITS = "No visits recorded yet."


@dataclass(frozen=True)
class Tick:
    position: str  # x for date ticks, y for value ticks
    label: str


@dataclass(frozen=True)
class Marker:
    x: str
    y: str
    shape: str
    corner_x: str  # top-left corner, for squares
    corner_y: str
    triangle: str  # polygon points, for triangles
    title: str


@dataclass(frozen=True)
class BandRect:
    y: str
    height: str
    text: str


@dataclass(frozen=True)
class SeriesGeometry:
    index: int
    label: str
    line: str  # polyline points; "" when fewer than two points
    markers: tuple[Marker, ...]
    band: BandRect | None


@dataclass(frozen=True)
class TableRow:
    date: str
    iso: str
    values: tuple[str, ...]
    note: str


@dataclass(frozen=True)
class ChartView:
    """Everything _chart.html needs for one chart."""

    slug: str
    title: str
    description: str
    y_label: str
    x_label: str
    caveat: str
    empty_text: str
    is_empty: bool
    width: int
    height: int
    plot: tuple[str, str, str, str]  # left, top, right, bottom
    plot_size: tuple[str, str]  # width, height
    centre: tuple[str, str]  # middle of the plot area (axis titles are centred on it)
    x_label_y: str
    x_ticks: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...]
    series: tuple[SeriesGeometry, ...]
    headers: tuple[str, ...]
    rows: tuple[TableRow, ...]
    show_notes: bool
    rule: str  # the meaningful change in words, under the legend


def _n(number: float) -> str:
    """An SVG coordinate: one decimal, never '-0.0'."""
    text = f"{number:.1f}"
    return "0.0" if text == "-0.0" else text


def format_value(value: float, unit: str) -> str:
    """'6/10', '42%', '12°'."""
    text = f"{round(value, 2):g}"
    return f"{'0' if text == '-0' else text}{unit}"


def band_text(band: Band, unit: str) -> str:
    """'±2 points' or '±7°' (the half-width of the meaningful-change band)."""
    width = f"{band.half_width:f}"
    return f"±{width}°" if unit == "°" else f"±{width} point{'' if width == '1' else 's'}"


def nice_step(span: float, target: int = Y_TICKS) -> float:
    """A tick step of 1, 2 or 5 x 10^n giving about `target` intervals over `span`."""
    raw = span / target
    magnitude = 10 ** math.floor(math.log10(raw))
    for multiple in (1, 2, 5, 10):
        if multiple * magnitude >= raw:
            return multiple * magnitude
    return 10 * magnitude  # pragma: no cover (the loop always returns)


def y_domain(spec: ChartSpec) -> tuple[float, float, float]:
    """The y range (low, high) and tick step."""
    if spec.minimum is not None and spec.maximum is not None:
        low, high = spec.minimum, spec.maximum
        return low, high, nice_step(high - low)
    values = [point.value for series in spec.series for point in series.points]
    for series in spec.series:
        if series.band is not None:
            values += [_clamp(series.band.low, spec), _clamp(series.band.high, spec)]
    low, high = min(values), max(values)
    if high - low < MIN_SPAN:
        middle = (low + high) / 2
        low, high = middle - MIN_SPAN / 2, middle + MIN_SPAN / 2
    step = nice_step(high - low)
    return math.floor(low / step) * step, math.ceil(high / step) * step, step


def _clamp(value: float, spec: ChartSpec) -> float:
    return min(max(value, spec.bounds[0]), spec.bounds[1])


class _Scale:
    def __init__(self, dates: Sequence[datetime.date], low: float, high: float) -> None:
        self.first, self.last = min(dates), max(dates)
        self.low, self.high = low, high

    def x(self, day: datetime.date) -> float:
        span = (self.last - self.first).days
        if span == 0:
            return (LEFT + WIDTH - RIGHT) / 2
        inner = WIDTH - LEFT - RIGHT - 2 * X_PAD
        return LEFT + X_PAD + (day - self.first).days / span * inner

    def y(self, value: float) -> float:
        bottom = HEIGHT - BOTTOM
        return bottom - (value - self.low) / (self.high - self.low) * (bottom - TOP)


def _date_ticks(dates: Sequence[datetime.date], scale: _Scale) -> tuple[Tick, ...]:
    chosen: list[tuple[float, datetime.date]] = []
    for day in dates:
        x = scale.x(day)
        if not chosen or x - chosen[-1][0] >= DATE_GAP:
            chosen.append((x, day))
    last = dates[-1]
    if chosen[-1][1] != last:
        if len(chosen) > 1 and scale.x(last) - chosen[-1][0] < DATE_GAP:
            chosen.pop()
        chosen.append((scale.x(last), last))
    return tuple(Tick(_n(x), format_date(day)) for x, day in chosen)


def _value_ticks(low: float, high: float, step: float, scale: _Scale) -> tuple[Tick, ...]:
    count = round((high - low) / step)
    values = [round(low + index * step, 6) for index in range(count + 1)]
    return tuple(Tick(_n(scale.y(value)), f"{value:g}") for value in values)


def _marker(shape: str, x: float, y: float, title: str) -> Marker:
    triangle = f"{_n(x)},{_n(y - 5.5)} {_n(x + 5.5)},{_n(y + 4.5)} {_n(x - 5.5)},{_n(y + 4.5)}"
    return Marker(_n(x), _n(y), shape, _n(x - 4), _n(y - 4), triangle, title)


def _geometry(index: int, series: Series, spec: ChartSpec, scale: _Scale) -> SeriesGeometry:
    shape = SHAPES[index % len(SHAPES)]
    coordinates = [(scale.x(point.date), scale.y(point.value)) for point in series.points]
    markers = tuple(
        _marker(
            shape, x, y, f"{series.label}, {format_date(point.date)}: "
            f"{format_value(point.value, spec.unit)}"
        )
        for (x, y), point in zip(coordinates, series.points, strict=True)
    )  # fmt: skip
    line = " ".join(f"{_n(x)},{_n(y)}" for x, y in coordinates) if len(coordinates) > 1 else ""
    band = None
    if series.band is not None:
        top = scale.y(min(_clamp(series.band.high, spec), scale.high))
        bottom = scale.y(max(_clamp(series.band.low, spec), scale.low))
        text = (
            f"band: first value {format_value(series.band.baseline, spec.unit)} "
            f"{band_text(series.band, spec.unit)}"
        )
        band = BandRect(_n(top), _n(max(bottom - top, 1.0)), text)
    return SeriesGeometry(index, series.label, line, markers, band)


def _summary(series: Series, unit: str) -> str:
    points = series.points
    if not points:
        return f"{series.label}: not recorded."
    if len(points) == 1:
        return (
            f"{series.label}: one visit, {format_date(points[0].date)}: "
            f"{format_value(points[0].value, unit)}."
        )
    band = series.band
    where = {
        IMPROVED: "improved beyond",
        WORSE: "worse beyond",
        WITHIN_BAND: "within",
    }[series.verdict]
    around = "" if band is None else f" ({band_text(band, unit)} around the first value)"
    return (
        f"{series.label}: {len(points)} visits from {format_date(points[0].date)} to "
        f"{format_date(points[-1].date)}; first {format_value(points[0].value, unit)}, latest "
        f"{format_value(points[-1].value, unit)}, {where} the meaningful-change band{around}."
    )


def description(spec: ChartSpec) -> str:
    """The chart in words (the SVG's <desc>)."""
    parts = [_summary(series, spec.unit) for series in spec.series]
    parts.append(f"Meaningful change: {spec.rule}.")
    if spec.caveat:
        parts.append(spec.caveat)
    return " ".join(parts)


def _table(spec: ChartSpec) -> tuple[TableRow, ...]:
    dates = sorted({point.date for series in spec.series for point in series.points})
    rows = []
    for day in dates:
        values = tuple(
            ", ".join(format_value(p.value, spec.unit) for p in series.points if p.date == day)
            or "not recorded"
            for series in spec.series
        )
        notes = {p.note for series in spec.series for p in series.points if p.date == day}
        rows.append(TableRow(format_date(day), day.isoformat(), values, ", ".join(sorted(notes))))
    return tuple(rows)


def chart_view(
    spec: ChartSpec, *, id_prefix: str = "chart", empty_text: str = NO_VISITS
) -> ChartView:
    """The geometry and text of one chart; with no points at all, only the empty text."""
    x_ticks: tuple[Tick, ...] = ()
    y_ticks: tuple[Tick, ...] = ()
    geometry: tuple[SeriesGeometry, ...] = ()
    if not spec.is_empty:
        low, high, step = y_domain(spec)
        dates = sorted({point.date for series in spec.series for point in series.points})
        scale = _Scale(dates, low, high)
        x_ticks = _date_ticks(dates, scale)
        y_ticks = _value_ticks(low, high, step, scale)
        geometry = tuple(
            _geometry(index, series, spec, scale) for index, series in enumerate(spec.series)
        )
    return ChartView(
        slug=f"{id_prefix}-{spec.code}",
        title=spec.title,
        description=empty_text if spec.is_empty else description(spec),
        y_label=spec.y_label,
        x_label="Visit date",
        caveat=spec.caveat,
        empty_text=empty_text,
        is_empty=spec.is_empty,
        width=WIDTH,
        height=HEIGHT,
        plot=(_n(LEFT), _n(TOP), _n(WIDTH - RIGHT), _n(HEIGHT - BOTTOM)),
        plot_size=(_n(WIDTH - LEFT - RIGHT), _n(HEIGHT - TOP - BOTTOM)),
        centre=(_n((LEFT + WIDTH - RIGHT) / 2), _n((TOP + HEIGHT - BOTTOM) / 2)),
        x_label_y=_n(HEIGHT - 8),
        x_ticks=x_ticks,
        y_ticks=y_ticks,
        series=geometry,
        headers=tuple(series.label for series in spec.series),
        rows=_table(spec),
        show_notes=bool(spec.caveat),
        rule=spec.rule,
    )

"""Progress over a client's visits: the series the progress charts plot (issue 6).

Pure: no Django, no database. The caller passes the visits as AssessmentValues.

Which visits: FINALISED visits only. A draft may be half-entered, and copy-forward fills
a draft with the last visit's measurements until the therapist confirms them, so a draft
would plot values nobody measured that day. The progress page says how many drafts it
left out.

The meaningful-change band (docs/clinical.md "Pain and function", "Meaningful change"; the
rules and constants are compare.py's, reused here): a band around the series' FIRST
value (its baseline), as wide as the smallest change that counts as meaningful:

- NPRS: 2 points or 30% of the first value, whichever is met first, so the half-width
  is min(2, 0.3 x first); a first value of 0 has no 30% rule, so 2 points.
- PSFS mean: 2 points.
- ODI: 10 points or 30% of the first value: min(10, 0.3 x first).
- Degrees: the clinic's `side_difference_deg` (7 by default); only a change of MORE than
  that is beyond measurement error, so a point exactly on the band's edge is inside it.
  For NPRS, PSFS and ODI a change of exactly the half-width is meaningful (on the edge
  counts as outside).

A later point outside the band has changed meaningfully since the first visit.
"""

import datetime
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from assessments.catalogue.items import ITEMS, Side
from assessments.compare.change import DIRECTION, HIGHER, INSTRUMENTS, Threshold, thresholds
from assessments.outcomes import ODI_SECTIONS, PSFS_ACTIVITIES, odi, psfs_mean
from assessments.values import AssessmentValues

IMPROVED, WORSE, WITHIN_BAND = "improved", "worse", "within band"


@dataclass(frozen=True)
class Point:
    date: datetime.date
    value: float
    note: str = ""  # e.g. the instrument, when it matters for this measure


@dataclass(frozen=True)
class Band:
    """The meaningful-change band around a series' first value."""

    baseline: float
    half_width: Decimal
    edge_is_meaningful: bool  # a point exactly on the edge: outside (True) or inside

    @property
    def low(self) -> float:
        return self.baseline - float(self.half_width)

    @property
    def high(self) -> float:
        return self.baseline + float(self.half_width)


@dataclass(frozen=True)
class Series:
    key: str  # "pain_now", "hip_extension:left"
    label: str
    points: tuple[Point, ...]
    band: Band | None
    verdict: str  # latest against the first: IMPROVED, WORSE, WITHIN_BAND; "" if < 2 points


@dataclass(frozen=True)
class ChartSpec:
    """One chart: its series, y unit and range (None: from the data), and any caveat."""

    code: str
    title: str
    unit: str  # "/10", "%", "°"
    y_label: str
    minimum: float | None
    maximum: float | None
    bounds: tuple[float, float]  # what the measure can take (the catalogue's bounds)
    rule: str  # the meaningful change in words, for the legend and description
    series: tuple[Series, ...]
    caveat: str = ""

    @property
    def is_empty(self) -> bool:
        return not any(series.points for series in self.series)


def spec_to_data(spec: ChartSpec) -> dict[str, object]:
    """The chart as plain JSON values (dates as ISO text, the band's width as text)."""
    return {
        "code": spec.code,
        "title": spec.title,
        "unit": spec.unit,
        "y_label": spec.y_label,
        "minimum": spec.minimum,
        "maximum": spec.maximum,
        "bounds": list(spec.bounds),
        "rule": spec.rule,
        "caveat": spec.caveat,
        "series": [
            {
                "key": series.key,
                "label": series.label,
                "verdict": series.verdict,
                "points": [[p.date.isoformat(), p.value, p.note] for p in series.points],
                "band": None
                if series.band is None
                else [
                    series.band.baseline,
                    str(series.band.half_width),
                    series.band.edge_is_meaningful,
                ],
            }
            for series in spec.series
        ],
    }


def spec_from_data(data: Mapping[str, Any]) -> ChartSpec:
    """The chart spec_to_data wrote, exactly as it was."""

    def band(values: list[Any] | None) -> Band | None:
        if values is None:
            return None
        baseline, half_width, edge = values
        return Band(baseline=baseline, half_width=Decimal(half_width), edge_is_meaningful=edge)

    low, high = data["bounds"]
    return ChartSpec(
        code=data["code"],
        title=data["title"],
        unit=data["unit"],
        y_label=data["y_label"],
        minimum=data["minimum"],
        maximum=data["maximum"],
        bounds=(low, high),
        rule=data["rule"],
        caveat=data["caveat"],
        series=tuple(
            Series(
                key=series["key"],
                label=series["label"],
                verdict=series["verdict"],
                points=tuple(
                    Point(date=datetime.date.fromisoformat(day), value=value, note=note)
                    for day, value, note in series["points"]
                ),
                band=band(series["band"]),
            )
            for series in data["series"]
        ),
    )


Reader = Callable[[AssessmentValues], float | None]


def _item(code: str, side: str = Side.NONE) -> Reader:
    return lambda values: values.number(code, side)


def _odi_percent(values: AssessmentValues) -> float | None:
    result = odi(values)
    return None if result is None else result.percent


@dataclass(frozen=True)
class _Line:
    key: str
    label: str
    rule_code: str  # its entry in compare.thresholds and compare.DIRECTION
    read: Reader


@dataclass(frozen=True)
class _Chart:
    code: str
    title: str
    unit: str
    y_label: str
    minimum: float | None
    maximum: float | None
    bounds: tuple[float, float]
    rule: str
    lines: tuple[_Line, ...]


def _sided(code: str, title: str, rule: str) -> _Chart:
    item = ITEMS[code]
    if item.minimum is None or item.maximum is None:
        raise LookupError(f"Catalogue item {code} has no bounds.")
    return _Chart(
        code=code.replace("_", "-"),
        title=title,
        unit="°",
        y_label="Degrees",
        minimum=None,
        maximum=None,
        bounds=(item.minimum, item.maximum),
        rule=rule,
        lines=tuple(
            _Line(f"{code}:{side}", side.capitalize(), code, _item(code, side))
            for side in (Side.LEFT, Side.RIGHT)
        ),
    )


def _charts(cutoffs: Mapping[str, float]) -> tuple[_Chart, ...]:
    degrees = f"more than {cutoffs['side_difference_deg']:g}°, the clinic's measurement error"
    return (
        # NPRS 0-10, docs/clinical.md "Pain and function".
        _Chart("pain", "Pain (NPRS)", "/10", "Pain, 0-10", 0, 10, (0, 10),
               "2 points or 30% of the first value, whichever is smaller", (
                   _Line("pain_now", "Pain now", "pain_now", _item("pain_now")),
                   _Line("pain_worst_24h", "Worst pain, last 24 hours", "pain_worst_24h",
                         _item("pain_worst_24h")),
               )),
        _Chart("psfs", "PSFS mean", "/10", "PSFS mean, 0-10", 0, 10, (0, 10), "2 points",
               (_Line("psfs_mean", "PSFS mean", "psfs_mean", psfs_mean),)),
        _Chart("odi", "Oswestry Disability Index (ODI)", "%", "ODI, %", 0, 100, (0, 100),
               "10 points or 30% of the first value, whichever is smaller",
               (_Line("odi_score", "ODI", "odi_score", _odi_percent),)),
        # Roland-Morris 0-24, the total from the clinic's form (docs/clinical.md).
        _Chart("rmdq", "Roland-Morris Disability Questionnaire", "/24", "RMDQ, 0-24", 0, 24,
               (0, 24), "5 points or 30% of the first value, whichever is smaller",
               (_Line("rmdq_score", "RMDQ", "rmdq_score", _item("rmdq_score")),)),
        _sided("hip_extension", "Hip extension", degrees),
        _sided("hip_internal_rotation", "Hip internal rotation", degrees),
        _sided("thomas_hip_angle", "Thomas test: hip angle to the table", degrees),
        _sided("slr_angle", "Straight leg raise", degrees),
    )  # fmt: skip


# The measurement items the charts read, so a caller can load only those rows.
CHART_ITEMS: frozenset[str] = frozenset(
    {"pain_now", "pain_worst_24h", "odi_percent", "rmdq_score", "hip_extension",
     "hip_internal_rotation", "thomas_hip_angle", "slr_angle", *INSTRUMENTS,
     *(f"psfs_score_{n}" for n in PSFS_ACTIVITIES), *(f"odi_section_{n}" for n in ODI_SECTIONS)}
)  # fmt: skip
PAIN_ITEMS: frozenset[str] = frozenset({"pain_now", "pain_worst_24h"})


def band_for(threshold: Threshold, baseline: float) -> Band:
    """The band around `baseline`: the smallest change `threshold` counts as meaningful."""
    first = Decimal(str(baseline))
    half = threshold.points
    edge = threshold.inclusive
    if threshold.relative is not None and first > 0 and threshold.relative * first <= half:
        # The 30% rule is met first; Threshold.met counts it inclusively.
        half, edge = threshold.relative * first, True
    return Band(baseline=baseline, half_width=half.normalize(), edge_is_meaningful=edge)


def _verdict(rule_code: str, band: Band, latest: float) -> str:
    change = Decimal(str(latest)) - Decimal(str(band.baseline))
    size = abs(change)
    outside = size >= band.half_width if band.edge_is_meaningful else size > band.half_width
    if not outside:
        return WITHIN_BAND
    better_if_higher = DIRECTION.get(rule_code) == HIGHER
    return IMPROVED if (change > 0) == better_if_higher else WORSE


def _instrument_of(code: str) -> str | None:
    return next((name for name, codes in INSTRUMENTS.items() if code in codes), None)


def _series(
    line: _Line, visits: Sequence[AssessmentValues], rules: Mapping[str, Threshold]
) -> Series:
    instrument = _instrument_of(line.rule_code)
    points = []
    for values in visits:
        value = line.read(values)
        if value is None or values.visit_date is None:
            continue
        choice = values.choice(instrument) if instrument else None
        note = ITEMS[instrument].choice_label(choice) if instrument and choice else ""
        points.append(Point(values.visit_date, value, note))
    if not points:
        return Series(line.key, line.label, (), None, "")
    band = band_for(rules[line.rule_code], points[0].value)
    verdict = _verdict(line.rule_code, band, points[-1].value) if len(points) > 1 else ""
    return Series(line.key, line.label, tuple(points), band, verdict)


def _caveat(series: Sequence[Series]) -> str:
    """Goniometer and inclinometer differ by 3-5° (docs/clinical.md): say so when mixed."""
    used = sorted({point.note for line in series for point in line.points if point.note})
    if len(used) < 2:
        return ""
    names = " and ".join(name.lower() for name in used)
    return (
        f"Measured with {names} at different visits: instruments differ by 3-5°, so "
        "compare only points measured the same way (see the data table)."
    )


def _build(
    chart: _Chart, visits: Sequence[AssessmentValues], cutoffs: Mapping[str, float]
) -> ChartSpec:
    rules = thresholds(cutoffs)
    ordered = sorted(
        (values for values in visits if values.visit_date is not None),
        key=lambda values: values.visit_date or datetime.date.min,
    )
    series = tuple(_series(line, ordered, rules) for line in chart.lines)
    return ChartSpec(
        code=chart.code,
        title=chart.title,
        unit=chart.unit,
        y_label=chart.y_label,
        minimum=chart.minimum,
        maximum=chart.maximum,
        bounds=chart.bounds,
        rule=chart.rule,
        series=series,
        caveat=_caveat(series),
    )


def progress_charts(
    visits: Sequence[AssessmentValues], cutoffs: Mapping[str, float]
) -> tuple[ChartSpec, ...]:
    """Every progress chart for these finalised visits (any order; plotted by date)."""
    return tuple(_build(chart, visits, cutoffs) for chart in _charts(cutoffs))


def pain_chart(visits: Sequence[AssessmentValues], cutoffs: Mapping[str, float]) -> ChartSpec:
    """The pain chart alone (the client page's panel)."""
    return _build(_charts(cutoffs)[0], visits, cutoffs)

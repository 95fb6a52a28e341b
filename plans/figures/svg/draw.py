"""Writing a pair of frames as SVG: start, an arrow, end; one size, one zoom.

Pure Python (no Django). The output is deterministic text: no scripts, no styles, no
links or external references; `role="img"` with a <title>.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from xml.sax.saxutils import escape

from plans.figures.skeleton import PROPORTIONS, STROKE
from plans.figures.svg.polygons import clip
from plans.figures.svg.scene import (
    FAR_INK,
    FLOOR_FILL,
    FLOOR_Y,
    GAP,
    HEIGHT,
    INK,
    MARGIN,
    MAT_FILL,
    PANEL_WIDTH,
    PAPER,
    PROP_FILL,
    STRAP,
    WIDTH,
    Drawn,
    Pair,
    Shape,
    draw_frame,
)


def _fmt(value: float) -> str:
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text in {"-0", ""} else text


def _points(points: Iterable[tuple[float, float]]) -> str:
    return " ".join(f"{_fmt(x)},{_fmt(y)}" for x, y in points)


MAX_ZOOM = 1.4  # a small figure (lying down) is drawn up to this much larger


class _Placement:
    """Where a frame goes: camera units to SVG units (zoomed, y flipped), in one panel."""

    def __init__(self, left: float, dx: float, dy: float, zoom: float) -> None:
        self.left, self.dx, self.dy, self.zoom = left, dx, dy, zoom

    def point(self, p: tuple[float, float]) -> tuple[float, float]:
        return self.left + self.dx + p[0] * self.zoom, self.dy - p[1] * self.zoom


def _to_svg(shape: Shape, place: _Placement) -> str:
    """One shape in SVG coordinates."""
    pts = [place.point(p) for p in shape.points]
    if shape.kind == "floor":
        return (
            f'<rect x="{_fmt(place.left + 2)}" y="{_fmt(FLOOR_Y)}" '
            f'width="{_fmt(PANEL_WIDTH - 4)}" height="3" rx="1.5" fill="{FLOOR_FILL}"/>'
        )
    if shape.kind == "fill":
        return f'<polygon points="{_points(pts)}"/>'
    if shape.kind == "mat":
        clipped = clip(pts, place.left + 1, 1.0, place.left + PANEL_WIDTH - 1, HEIGHT - 1)
        return f'<polygon points="{_points(clipped)}" fill="{MAT_FILL}"/>'
    if shape.kind == "strap":
        return f'<polyline points="{_points(pts)}" stroke-width="{_fmt(STRAP)}"/>'
    if shape.kind == "curve":
        (ax, ay), (cx, cy), (bx, by) = pts
        return f'<path d="M{_fmt(ax)},{_fmt(ay)} Q{_fmt(cx)},{_fmt(cy)} {_fmt(bx)},{_fmt(by)}"/>'
    if shape.kind == "head":
        (x, y), (fx, fy) = pts[0], shape.points[1]
        r = PROPORTIONS.head_radius * place.zoom
        parts = [f'<circle cx="{_fmt(x)}" cy="{_fmt(y)}" r="{_fmt(r)}" fill="{PAPER}"/>']
        if math.hypot(fx, fy) > 0.35:  # the face points somewhere we can see: a nose
            tip = r + 2.4 * place.zoom
            nose = [(x + fx * r, y - fy * r), (x + fx * tip, y - fy * tip)]
            parts.append(f'<polyline points="{_points(nose)}"/>')
        return "".join(parts)
    return f'<polyline points="{_points(pts)}"/>'


def _draw(drawn: Drawn, place: _Placement) -> list[str]:
    props = [s for s in drawn.shapes if s.kind in {"mat", "fill", "floor"}]
    straps = [s for s in drawn.shapes if s.kind == "strap"]
    body = sorted(
        (s for s in drawn.shapes if s.kind in {"line", "curve", "head"}), key=lambda s: s.depth
    )
    far = [s for s in body if s.ink == FAR_INK]
    near = [s for s in body if s.ink != FAR_INK]
    out = [f'<g fill="{PROP_FILL}">', *(_to_svg(s, place) for s in props), "</g>"]
    line = 'fill="none" stroke-linecap="round" stroke-linejoin="round"'
    if far:
        out.append(f'<g {line} stroke="{FAR_INK}" stroke-width="{_fmt(STROKE)}">')
        out += [_to_svg(s, place) for s in far]
        out.append("</g>")
    out.append(f'<g {line} stroke="{INK}" stroke-width="{_fmt(STROKE)}">')
    out += [_to_svg(s, place) for s in near + straps]
    out.append("</g>")
    return out


def _anchors(frames: Sequence[Drawn]) -> list[float] | None:
    anchors = [drawn.anchor[0] for drawn in frames if drawn.anchor is not None]
    return anchors if len(anchors) == len(frames) else None


def _span(frames: Sequence[Drawn]) -> tuple[float, float]:
    """The widest horizontal extent to fit: the anchored union, else each frame's own."""
    anchors = _anchors(frames)
    if anchors is not None:
        lows = [drawn.bounds()[0] - x for drawn, x in zip(frames, anchors, strict=True)]
        highs = [drawn.bounds()[2] - x for drawn, x in zip(frames, anchors, strict=True)]
        return min(lows), max(highs)
    return 0.0, max(drawn.bounds()[2] - drawn.bounds()[0] for drawn in frames)


def _zoom(frames: Sequence[Drawn]) -> float:
    """One zoom for both frames: as large as fits, at most MAX_ZOOM."""
    low, high = _span(frames)
    zoom = min(MAX_ZOOM, (PANEL_WIDTH - 2 * MARGIN - STROKE) / max(high - low, 1e-6))
    for drawn in frames:
        _x0, y0, _x1, y1 = drawn.bounds()
        if drawn.level:  # the floor stays on its line; the top must fit above it
            zoom = min(zoom, (FLOOR_Y - MARGIN - STROKE) / max(y1, 1e-6))
        else:
            zoom = min(zoom, (HEIGHT - 2 * MARGIN - STROKE) / max(y1 - y0, 1e-6))
    return zoom


def _placements(start: Drawn, end: Drawn) -> tuple[_Placement, _Placement]:
    frames = (start, end)
    zoom = _zoom(frames)
    lefts = (0.0, PANEL_WIDTH + GAP)
    # Horizontally: each frame centred, or the anchor at one place in both, the pair centred.
    anchors = _anchors(frames)
    if anchors is not None:
        low, high = _span(frames)
        dxs = [PANEL_WIDTH / 2 - (x + (low + high) / 2) * zoom for x in anchors]
    else:
        dxs = [PANEL_WIDTH / 2 - (d.bounds()[0] + d.bounds()[2]) / 2 * zoom for d in frames]
    places = []
    for drawn, left, dx in zip(frames, lefts, dxs, strict=True):
        # Level: the floor on one line in every picture (the lowest line's edge on it);
        # from above: the lowest point on the bottom margin.
        bottom = HEIGHT - MARGIN - STROKE / 2 + drawn.bounds()[1] * zoom
        dy = FLOOR_Y - STROKE / 2 if drawn.level else bottom
        places.append(_Placement(left, dx, dy, zoom))
    return places[0], places[1]


def _arrow() -> str:
    y = HEIGHT * 0.5
    x0, x1 = PANEL_WIDTH + 4, PANEL_WIDTH + GAP - 4
    head = [(x1 - 6, y - 6), (x1, y), (x1 - 6, y + 6)]
    return (
        f'<g fill="none" stroke="{INK}" stroke-width="3" stroke-linecap="round" '
        f'stroke-linejoin="round"><polyline points="{_points([(x0, y), (x1, y)])}"/>'
        f'<polyline points="{_points(head)}"/></g>'
    )


def frames_of(pair: Pair) -> tuple[Drawn, Drawn]:
    return (
        draw_frame(pair.start, pair.view, pair.anchor),
        draw_frame(pair.end, pair.view, pair.anchor),
    )


def draw_pair(pair: Pair, *, title: str) -> str:
    """The exercise as one SVG image: start on the left, an arrow, the end on the right."""
    start, end = frames_of(pair)
    first, second = _placements(start, end)
    lines = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_fmt(WIDTH)} {_fmt(HEIGHT)}" '
        'role="img">',
        f"<title>{escape(title)}</title>",
        "<desc>Left: the start position. Right: the end position.</desc>",
        *_draw(start, first),
        _arrow(),
        *_draw(end, second),
        "</svg>",
    ]
    return "\n".join(lines) + "\n"


def placed_bounds(pair: Pair) -> list[tuple[float, float, float, float]]:
    """Each frame's drawing (without the floor) in SVG units: tests check it fits its panel."""
    start, end = frames_of(pair)
    result = []
    for drawn, place in zip((start, end), _placements(start, end), strict=True):
        x0, y0, x1, y1 = drawn.bounds()
        (a, b), (c, d) = place.point((x0, y1)), place.point((x1, y0))
        result.append((a, b, c, d))
    return result


def zoom_of(pair: Pair) -> float:
    start, end = frames_of(pair)
    return _placements(start, end)[0].zoom

"""Drawing posed figures as SVG: two frames (start, end) side by side, one fixed size.

Pure Python (no Django). The output is deterministic text: no scripts, no styles, no
links or external references; `role="img"` with a <title>. Every picture shares the
scale, the proportions (plans.figures.skeleton) and the line weight.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from xml.sax.saxutils import escape

from plans.figures.skeleton import (
    PROPORTIONS,
    STROKE,
    Mat,
    Pose,
    Vec,
    apply,
    body_points,
    matmul,
    pose_joints,
    rotation,
)

# One frame is PANEL_WIDTH x HEIGHT figure units; the pair adds a gap with the arrow.
PANEL_WIDTH = 116.0
GAP = 22.0
HEIGHT = 100.0
WIDTH = 2 * PANEL_WIDTH + GAP
MARGIN = 3.0  # between a frame's edge and its drawing
FLOOR_Y = HEIGHT - 7.0  # where the floor is drawn in a level view

INK, FAR_INK, PROP_FILL, FLOOR_FILL = "#000", "#8c8c8c", "#d9d9d9", "#bfbfbf"
MAT_FILL = "#f0f0f0"
PAPER = "#fff"
STRAP = 2.0  # a towel or strap: a thin line


@dataclass(frozen=True)
class View:
    """Where the camera looks from: turned about the vertical, then from above."""

    yaw: float = 0.0  # 0: the figure's near side; -90: the figure's front
    elevation: float = 0.0  # 0: level with the floor; positive: from above


@dataclass(frozen=True)
class Block:
    """A box-shaped prop (chair seat, wall, bench, step) placed from a joint of the pose.

    x and y are offsets from the joint; with `from_floor`, y[0] is a height above the floor.
    """

    at: str
    x: tuple[float, float]
    y: tuple[float, float]
    z: tuple[float, float] = (-14.0, 14.0)
    from_floor: bool = False


@dataclass(frozen=True)
class Strap:
    """A towel or strap held between two joints."""

    start: str
    end: str


Prop = Block | Strap


@dataclass(frozen=True)
class Frame:
    pose: Pose
    props: tuple[Prop, ...] = ()
    view: View | None = None  # this frame's own view, instead of the pair's


@dataclass(frozen=True)
class Pair:
    """An exercise's start and end, seen from one view."""

    start: Frame
    end: Frame
    view: View = field(default_factory=View)
    # A joint that stays put (the feet of a bridge): drawn at the same place in both frames.
    anchor: str | None = None


@dataclass
class _Shape:
    kind: str  # "line" (a polyline), "curve" (pelvis-spine-neck), "head", "fill", "strap"
    points: list[tuple[float, float]]
    depth: float
    ink: str = INK


@cache
def _view_matrix(view: View) -> Mat:
    return matmul(rotation(0, view.elevation), rotation(1, view.yaw))


def _camera(view: View, point: Vec) -> tuple[float, float, float]:
    """(x, y, depth) seen by the camera; larger depth is nearer the viewer."""
    return apply(_view_matrix(view), point)


def _is_level(view: View) -> bool:
    return abs(view.elevation) < 1e-9


def _limb_shapes(joints: dict[str, Vec], view: View) -> list[_Shape]:
    cam = {name: _camera(view, point) for name, point in joints.items() if name != "face"}
    # In a side view one side is behind the body: drawn lighter, under it. Which side is
    # nearer is the direction of the body's near side (hip to hip) seen by the camera.
    hips = (cam["hip_n"][2] - cam["hip_f"][2]) / (2 * PROPORTIONS.hip_width)
    lighter = "f" if hips > 0.35 else "n" if hips < -0.35 else ""
    shapes = []
    for tag in ("n", "f"):
        ink = FAR_INK if tag == lighter else INK
        for chain in (("hip", "knee", "ankle", "toe"), ("shoulder", "elbow", "hand")):
            points = [cam[f"{name}_{tag}"] for name in chain]
            depth = sum(p[2] for p in points) / len(points)
            shapes.append(_Shape("line", [(p[0], p[1]) for p in points], depth, ink))
    spine = [_camera(view, p) for p in (joints["pelvis"], joints["spine"], joints["neck"])]
    shapes.append(_Shape("curve", [(p[0], p[1]) for p in spine], spine[0][2]))
    for a, b in (("hip_n", "hip_f"), ("shoulder_n", "shoulder_f")):
        ends = [cam[a], cam[b]]
        if math.dist(ends[0][:2], ends[1][:2]) > 0.5:  # seen end-on, it is a point: skip it
            middle = (ends[0][2] + ends[1][2]) / 2
            shapes.append(_Shape("line", [(p[0], p[1]) for p in ends], middle))
    head = cam["head"]
    face = _camera(view, joints["face"])
    shapes.append(_Shape("head", [(head[0], head[1]), (face[0], face[1])], head[2]))
    return shapes


def _box_corners(block: Block, joints: dict[str, Vec]) -> list[Vec]:
    x, y, z = joints[block.at]
    y0 = block.y[0] if block.from_floor else y + block.y[0]
    y1 = y + block.y[1]
    return [
        (x + block.x[i], (y0, y1)[j], z + block.z[k])
        for i in (0, 1)
        for j in (0, 1)
        for k in (0, 1)
    ]


def _hull(points: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
    """Convex hull (monotone chain), counter-clockwise, without repeated points."""
    pts = sorted(set(points))
    if len(pts) < 3:
        return pts

    def turn(o: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[tuple[float, float]] = []
    upper: list[tuple[float, float]] = []
    for p in pts:
        while len(lower) >= 2 and turn(lower[-2], lower[-1], p) <= 1e-9:
            lower.pop()
        lower.append(p)
    for p in reversed(pts):
        while len(upper) >= 2 and turn(upper[-2], upper[-1], p) <= 1e-9:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


def _clip(
    points: Sequence[tuple[float, float]], x0: float, y0: float, x1: float, y1: float
) -> list[tuple[float, float]]:
    """The polygon cut to a rectangle (Sutherland-Hodgman)."""
    edges = (
        (lambda p: p[0] >= x0, lambda a, b: _cross_x(a, b, x0)),
        (lambda p: p[0] <= x1, lambda a, b: _cross_x(a, b, x1)),
        (lambda p: p[1] >= y0, lambda a, b: _cross_y(a, b, y0)),
        (lambda p: p[1] <= y1, lambda a, b: _cross_y(a, b, y1)),
    )
    result = list(points)
    for inside, cut in edges:
        if not result:
            break
        source, result = result, []
        for i, current in enumerate(source):
            previous = source[i - 1]
            if inside(current):
                if not inside(previous):
                    result.append(cut(previous, current))
                result.append(current)
            elif inside(previous):
                result.append(cut(previous, current))
    return result


def _cross_x(a: tuple[float, float], b: tuple[float, float], x: float) -> tuple[float, float]:
    t = (x - a[0]) / (b[0] - a[0])
    return x, a[1] + t * (b[1] - a[1])


def _cross_y(a: tuple[float, float], b: tuple[float, float], y: float) -> tuple[float, float]:
    t = (y - a[1]) / (b[1] - a[1])
    return a[0] + t * (b[0] - a[0]), y


def _prop_shapes(props: Iterable[Prop], joints: dict[str, Vec], view: View) -> list[_Shape]:
    shapes = []
    for prop in props:
        if isinstance(prop, Strap):
            ends = [_camera(view, joints[prop.start]), _camera(view, joints[prop.end])]
            shapes.append(_Shape("strap", [(p[0], p[1]) for p in ends], 1e6, INK))
            continue
        corners = [_camera(view, corner) for corner in _box_corners(prop, joints)]
        depth = min(p[2] for p in corners)
        shapes.append(_Shape("fill", _hull([(p[0], p[1]) for p in corners]), depth, PROP_FILL))
    return shapes


def _mat_shape(joints: dict[str, Vec], view: View) -> _Shape:
    """The floor under the figure: a strip when seen level, a mat when seen from above."""
    points = list(body_points(joints))
    xs, zs = [p[0] for p in points], [p[2] for p in points]
    x0, x1 = min(xs) - 4, max(xs) + 4
    z0, z1 = min(zs) - 3, max(zs) + 3
    if _is_level(view):
        # A thin strip just under the floor, its ends fixed later to the frame's width.
        return _Shape("floor", [(x0, 0.0), (x1, 0.0)], -1e6, FLOOR_FILL)
    corners = [_camera(view, (x, 0.0, z)) for x in (x0, x1) for z in (z0, z1)]
    return _Shape("mat", _hull([(p[0], p[1]) for p in corners]), -1e6, MAT_FILL)


@dataclass
class _Drawn:
    shapes: list[_Shape]
    anchor: tuple[float, float] | None
    level: bool  # seen level with the floor: the floor is a line

    def bounds(self) -> tuple[float, float, float, float]:
        return self._bounds

    @cached_property
    def _bounds(self) -> tuple[float, float, float, float]:
        xs: list[float] = []
        ys: list[float] = []
        for shape in self.shapes:
            if shape.kind in {"floor", "mat"}:
                continue
            if shape.kind == "head":
                (x, y), r = shape.points[0], PROPORTIONS.head_radius
                xs += [x - r, x + r]
                ys += [y - r, y + r]
            else:
                xs += [p[0] for p in shape.points]
                ys += [p[1] for p in shape.points]
        return min(xs), min(ys), max(xs), max(ys)


def _draw_frame(frame: Frame, view: View, anchor: str | None) -> _Drawn:
    view = frame.view or view
    joints = pose_joints(frame.pose)
    shapes = [_mat_shape(joints, view), *_prop_shapes(frame.props, joints, view)]
    shapes += _limb_shapes(joints, view)
    where = None
    if anchor is not None:
        point = _camera(view, joints[anchor])
        where = (point[0], point[1])
    return _Drawn(shapes, where, _is_level(view))


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


def _to_svg(shape: _Shape, place: _Placement) -> str:
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
        clipped = _clip(pts, place.left + 1, 1.0, place.left + PANEL_WIDTH - 1, HEIGHT - 1)
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


def _draw(drawn: _Drawn, place: _Placement) -> list[str]:
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


def _anchors(frames: Sequence[_Drawn]) -> list[float] | None:
    anchors = [drawn.anchor[0] for drawn in frames if drawn.anchor is not None]
    return anchors if len(anchors) == len(frames) else None


def _span(frames: Sequence[_Drawn]) -> tuple[float, float]:
    """The widest horizontal extent to fit: the anchored union, else each frame's own."""
    anchors = _anchors(frames)
    if anchors is not None:
        lows = [drawn.bounds()[0] - x for drawn, x in zip(frames, anchors, strict=True)]
        highs = [drawn.bounds()[2] - x for drawn, x in zip(frames, anchors, strict=True)]
        return min(lows), max(highs)
    return 0.0, max(drawn.bounds()[2] - drawn.bounds()[0] for drawn in frames)


def _zoom(frames: Sequence[_Drawn]) -> float:
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


def _placements(start: _Drawn, end: _Drawn) -> tuple[_Placement, _Placement]:
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


def frames_of(pair: Pair) -> tuple[_Drawn, _Drawn]:
    return (
        _draw_frame(pair.start, pair.view, pair.anchor),
        _draw_frame(pair.end, pair.view, pair.anchor),
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

"""What a frame shows: the body, its props and the floor, seen by the camera.

Pure Python (no Django). A Frame's pose (plans.figures.skeleton) becomes Shapes in camera
units (x right, y up, depth towards the viewer); plans.figures.svg.draw places and writes
them.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property

from plans.figures.skeleton import (
    PROPORTIONS,
    Mat,
    Pose,
    Vec,
    apply,
    body_points,
    matmul,
    pose_joints,
    rotation,
)
from plans.figures.svg.polygons import hull

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
    # The limbs drawn lighter: a side ("n", "f"), or limbs by name ("leg_n arm_f"), or ""
    # for none; None: the side the camera sees behind the body, if any. Set it when a
    # turned pelvis would change it mid-pair, or to pick out one limb behind another.
    lighter: str | None = None


@dataclass(frozen=True)
class Pair:
    """An exercise's start and end, seen from one view."""

    start: Frame
    end: Frame
    view: View = field(default_factory=View)
    # A joint that stays put (the feet of a bridge): drawn at the same place in both frames.
    anchor: str | None = None


@dataclass
class Shape:
    kind: str  # "line" (a polyline), "curve" (pelvis-spine-neck), "head", "fill", "strap"
    points: list[tuple[float, float]]
    depth: float
    ink: str = INK


@cache
def view_matrix(view: View) -> Mat:
    return matmul(rotation(0, view.elevation), rotation(1, view.yaw))


def camera(view: View, point: Vec) -> tuple[float, float, float]:
    """(x, y, depth) seen by the camera; larger depth is nearer the viewer."""
    return apply(view_matrix(view), point)


def is_level(view: View) -> bool:
    return abs(view.elevation) < 1e-9


LIMBS = (("leg", ("hip", "knee", "ankle", "toe")), ("arm", ("shoulder", "elbow", "hand")))


def limb_shapes(joints: dict[str, Vec], view: View, lighter: str | None = None) -> list[Shape]:
    cam = {name: camera(view, point) for name, point in joints.items() if name != "face"}
    # In a side view one side is behind the body: drawn lighter, under it. Which side is
    # nearer is the direction of the body's near side (hip to hip) seen by the camera.
    hips = (cam["hip_n"][2] - cam["hip_f"][2]) / (2 * PROPORTIONS.hip_width)
    if lighter is None:
        lighter = "f" if hips > 0.35 else "n" if hips < -0.35 else ""
    light = set(lighter.split())
    shapes = []
    for tag in ("n", "f"):
        for limb, chain in LIMBS:
            ink = FAR_INK if {tag, f"{limb}_{tag}"} & light else INK
            points = [cam[f"{name}_{tag}"] for name in chain]
            depth = sum(p[2] for p in points) / len(points)
            shapes.append(Shape("line", [(p[0], p[1]) for p in points], depth, ink))
    spine = [camera(view, p) for p in (joints["pelvis"], joints["spine"], joints["neck"])]
    shapes.append(Shape("curve", [(p[0], p[1]) for p in spine], spine[0][2]))
    for a, b in (("hip_n", "hip_f"), ("shoulder_n", "shoulder_f")):
        ends = [cam[a], cam[b]]
        if math.dist(ends[0][:2], ends[1][:2]) > 0.5:  # seen end-on, it is a point: skip it
            middle = (ends[0][2] + ends[1][2]) / 2
            shapes.append(Shape("line", [(p[0], p[1]) for p in ends], middle))
    head = cam["head"]
    face = camera(view, joints["face"])
    shapes.append(Shape("head", [(head[0], head[1]), (face[0], face[1])], head[2]))
    return shapes


def box_corners(block: Block, joints: dict[str, Vec]) -> list[Vec]:
    x, y, z = joints[block.at]
    y0 = block.y[0] if block.from_floor else y + block.y[0]
    y1 = y + block.y[1]
    return [
        (x + block.x[i], (y0, y1)[j], z + block.z[k])
        for i in (0, 1)
        for j in (0, 1)
        for k in (0, 1)
    ]


def prop_shapes(props: Iterable[Prop], joints: dict[str, Vec], view: View) -> list[Shape]:
    shapes = []
    for prop in props:
        if isinstance(prop, Strap):
            ends = [camera(view, joints[prop.start]), camera(view, joints[prop.end])]
            shapes.append(Shape("strap", [(p[0], p[1]) for p in ends], 1e6, INK))
            continue
        corners = [camera(view, corner) for corner in box_corners(prop, joints)]
        depth = min(p[2] for p in corners)
        shapes.append(Shape("fill", hull([(p[0], p[1]) for p in corners]), depth, PROP_FILL))
    return shapes


def mat_shape(joints: dict[str, Vec], view: View) -> Shape:
    """The floor under the figure: a strip when seen level, a mat when seen from above."""
    points = list(body_points(joints))
    xs, zs = [p[0] for p in points], [p[2] for p in points]
    x0, x1 = min(xs) - 4, max(xs) + 4
    z0, z1 = min(zs) - 3, max(zs) + 3
    if is_level(view):
        # A thin strip just under the floor, its ends fixed later to the frame's width.
        return Shape("floor", [(x0, 0.0), (x1, 0.0)], -1e6, FLOOR_FILL)
    corners = [camera(view, (x, 0.0, z)) for x in (x0, x1) for z in (z0, z1)]
    return Shape("mat", hull([(p[0], p[1]) for p in corners]), -1e6, MAT_FILL)


@dataclass
class Drawn:
    shapes: list[Shape]
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


def draw_frame(frame: Frame, view: View, anchor: str | None) -> Drawn:
    view = frame.view or view
    joints = pose_joints(frame.pose)
    shapes = [mat_shape(joints, view), *prop_shapes(frame.props, joints, view)]
    shapes += limb_shapes(joints, view, frame.lighter)
    where = None
    if anchor is not None:
        point = camera(view, joints[anchor])
        where = (point[0], point[1])
    return Drawn(shapes, where, is_level(view))

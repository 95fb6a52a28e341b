"""A human figure from joint angles: one body, posed in 3D, seen by an orthographic camera.

Pure Python (no Django). Every figure uses the same proportions (PROPORTIONS), in units of
a standing height of about 100; a pose only says how the joints are bent.

Conventions. The body's own axes are F (forward, out of the chest), U (up the spine) and R
(the near side: the figure's right, towards the viewer in a side view). The world has x to
the right, y up and z towards the viewer; the floor is y = 0. Angles are in degrees:

- hip: the thigh forward of the trunk (90 = sitting); negative is behind (extension).
- knee and elbow: bent (0 = straight); ankle: toes pointed (0 = foot at a right angle).
- out: the limb lifted out to its side (abduction); turn_out: the thigh turned outward.
- shoulder: the arm raised forward (0 = by the side, 90 = straight ahead, 180 = overhead).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

Vec = tuple[float, float, float]
Mat = tuple[Vec, Vec, Vec]  # rows


@dataclass(frozen=True)
class Proportions:
    """Segment lengths shared by every figure, in figure units (standing height about 100)."""

    head_radius: float = 6.5
    neck: float = 4.0
    trunk: float = 30.0  # hip joints to the base of the neck
    upper_arm: float = 16.5
    forearm: float = 14.5  # elbow to the wrist
    thigh: float = 24.5
    shin: float = 24.5
    foot: float = 9.5  # ankle to toes
    # Half the distance between the hip joints and between the shoulders: narrow, so a
    # figure seen from the front or from above still reads as one body.
    hip_width: float = 2.5
    shoulder_width: float = 3.5


PROPORTIONS = Proportions()
STROKE = 4.2  # the one line weight, in figure units


@dataclass(frozen=True)
class Leg:
    hip: float = 0.0
    knee: float = 0.0
    ankle: float = 0.0
    out: float = 0.0
    turn_out: float = 0.0


@dataclass(frozen=True)
class Arm:
    shoulder: float = 0.0
    elbow: float = 0.0
    out: float = 0.0
    turn: float = 0.0  # the upper arm turned about its length: the plane the elbow bends in


# Where the body's forward and up axes point in the world, before tilt, turn and roll.
ORIENTATIONS: Mapping[str, tuple[Vec, Vec]] = {
    "upright": ((1.0, 0.0, 0.0), (0.0, 1.0, 0.0)),  # facing right
    "supine": ((0.0, 1.0, 0.0), (-1.0, 0.0, 0.0)),  # on the back, head to the left
    "prone": ((0.0, -1.0, 0.0), (1.0, 0.0, 0.0)),  # face down, head to the right
    "side": ((0.0, 0.0, 1.0), (1.0, 0.0, 0.0)),  # on the far side, head right, facing the viewer
}


@dataclass(frozen=True)
class Pose:
    """Joint angles of one moment of an exercise (see the module docstring for signs)."""

    orient: str = "upright"
    tilt: float = 0.0  # the pelvis tipped forward (about the body's side-to-side axis)
    turn: float = 0.0  # the pelvis turned about the spine, towards the near side
    roll: float = 0.0  # the pelvis rolled about the forward axis
    bend: float = 0.0  # the trunk bent forward from the pelvis
    lean: float = 0.0  # the trunk bent sideways, towards the near side
    curve: float = 0.0  # the back rounded (positive) or arched (negative), share of trunk
    neck: float = 0.0  # the head bent forward
    near_leg: Leg = field(default_factory=Leg)
    far_leg: Leg = field(default_factory=Leg)
    near_arm: Arm = field(default_factory=Arm)
    far_arm: Arm = field(default_factory=Arm)


def rotation(axis: int, degrees: float) -> Mat:
    """A rotation about local x (0), y (1) or z (2); positive turns x to y, y to z, z to x."""
    c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    if axis == 0:
        return ((1.0, 0.0, 0.0), (0.0, c, -s), (0.0, s, c))
    if axis == 1:
        return ((c, 0.0, s), (0.0, 1.0, 0.0), (-s, 0.0, c))
    return ((c, -s, 0.0), (s, c, 0.0), (0.0, 0.0, 1.0))


def matmul(a: Mat, b: Mat) -> Mat:
    def row(r: Vec) -> Vec:
        return (
            r[0] * b[0][0] + r[1] * b[1][0] + r[2] * b[2][0],
            r[0] * b[0][1] + r[1] * b[1][1] + r[2] * b[2][1],
            r[0] * b[0][2] + r[1] * b[1][2] + r[2] * b[2][2],
        )

    return (row(a[0]), row(a[1]), row(a[2]))


def apply(m: Mat, v: Vec) -> Vec:
    return (
        m[0][0] * v[0] + m[0][1] * v[1] + m[0][2] * v[2],
        m[1][0] * v[0] + m[1][1] * v[1] + m[1][2] * v[2],
        m[2][0] * v[0] + m[2][1] * v[1] + m[2][2] * v[2],
    )


def add(a: Vec, b: Vec, scale: float = 1.0) -> Vec:
    return (a[0] + b[0] * scale, a[1] + b[1] * scale, a[2] + b[2] * scale)


def cross(a: Vec, b: Vec) -> Vec:
    return (a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0])


def distance(a: Vec, b: Vec) -> float:
    return math.dist(a, b)


FORWARD, UP, SIDE = (1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, 1.0)
DOWN = (0.0, -1.0, 0.0)


def _root(pose: Pose) -> Mat:
    forward, up = ORIENTATIONS[pose.orient]
    side = cross(forward, up)
    base = tuple(zip(forward, up, side, strict=True))  # columns F, U, R
    frame = matmul(base, rotation(2, -pose.tilt))  # type: ignore[arg-type]
    frame = matmul(frame, rotation(1, pose.turn))
    return matmul(frame, rotation(0, pose.roll))


def _leg(joints: dict[str, Vec], frame: Mat, leg: Leg, tag: str, sign: float) -> None:
    p = PROPORTIONS
    hip = apply(frame, (0.0, 0.0, sign * p.hip_width))
    thigh = matmul(frame, rotation(2, leg.hip))
    thigh = matmul(thigh, rotation(0, -sign * leg.out))
    thigh = matmul(thigh, rotation(1, -sign * leg.turn_out))
    knee = add(hip, apply(thigh, DOWN), p.thigh)
    shin = matmul(thigh, rotation(2, -leg.knee))
    ankle = add(knee, apply(shin, DOWN), p.shin)
    toe = add(ankle, apply(matmul(shin, rotation(2, -leg.ankle)), FORWARD), p.foot)
    joints.update({f"hip_{tag}": hip, f"knee_{tag}": knee, f"ankle_{tag}": ankle})
    joints[f"toe_{tag}"] = toe


def _arm(joints: dict[str, Vec], trunk: Mat, arm: Arm, tag: str, sign: float) -> None:
    p = PROPORTIONS
    shoulder = add(joints["neck"], apply(trunk, SIDE), sign * p.shoulder_width)
    upper = matmul(trunk, rotation(2, arm.shoulder))
    upper = matmul(upper, rotation(0, -sign * arm.out))
    upper = matmul(upper, rotation(1, -sign * arm.turn))
    elbow = add(shoulder, apply(upper, DOWN), p.upper_arm)
    lower = matmul(upper, rotation(2, arm.elbow))
    hand = add(elbow, apply(lower, DOWN), p.forearm)
    joints.update({f"shoulder_{tag}": shoulder, f"elbow_{tag}": elbow, f"hand_{tag}": hand})


def _trunk(pose: Pose) -> Mat:
    return matmul(matmul(_root(pose), rotation(2, -pose.bend)), rotation(0, pose.lean))


def pelvis_frame(pose: Pose) -> Mat:
    """The pelvis's axes (columns F, U, R) in the world: the legs hang from it."""
    return _root(pose)


def trunk_frame(pose: Pose) -> Mat:
    """The trunk's axes in the world (after bend and lean): the arms hang from it."""
    return _trunk(pose)


def raw_joints(pose: Pose) -> dict[str, Vec]:
    """Every joint's position with the pelvis at the origin (not yet on the floor)."""
    p = PROPORTIONS
    frame = _root(pose)
    joints: dict[str, Vec] = {"pelvis": (0.0, 0.0, 0.0)}
    trunk = _trunk(pose)
    joints["neck"] = apply(trunk, (0.0, p.trunk, 0.0))
    middle = apply(trunk, (-pose.curve * p.trunk, p.trunk / 2, 0.0))
    # The control point of the quadratic curve through pelvis, middle and neck.
    joints["spine"] = add(add(middle, middle), joints["neck"], -0.5)
    head = matmul(trunk, rotation(2, -pose.neck))
    # The head sits a little forward of the neck, as it does on a real spine.
    centre = add(joints["neck"], apply(head, UP), p.neck + 0.6 * p.head_radius)
    joints["head"] = add(centre, apply(head, FORWARD), 0.55 * p.head_radius)
    joints["face"] = apply(head, FORWARD)  # a direction, not a point
    _leg(joints, frame, pose.near_leg, "n", 1.0)
    _leg(joints, frame, pose.far_leg, "f", -1.0)
    _arm(joints, trunk, pose.near_arm, "n", 1.0)
    _arm(joints, trunk, pose.far_arm, "f", -1.0)
    return joints


def pose_joints(pose: Pose) -> dict[str, Vec]:
    """Every joint's world position, on the floor (the lowest point of the body at y = 0)."""
    return _grounded(raw_joints(pose))


def spine_points(joints: Mapping[str, Vec], steps: int = 8) -> list[Vec]:
    """Points along the curved trunk, pelvis to neck."""
    a, c, b = joints["pelvis"], joints["spine"], joints["neck"]
    points = []
    for i in range(steps + 1):
        t = i / steps
        points.append(
            tuple((1 - t) ** 2 * a[k] + 2 * (1 - t) * t * c[k] + t**2 * b[k] for k in range(3))
        )
    return points  # type: ignore[return-value]


NOT_POINTS = frozenset({"face", "spine"})


def body_points(joints: Mapping[str, Vec]) -> Iterable[Vec]:
    """Every drawn point of the body (not the curve's control point or the face direction)."""
    yield from (v for k, v in joints.items() if k not in NOT_POINTS and k != "head")
    yield from spine_points(joints)
    x, y, z = joints["head"]
    r = PROPORTIONS.head_radius
    yield from ((x, y - r, z), (x, y + r, z), (x - r, y, z), (x + r, y, z))


def _grounded(joints: dict[str, Vec]) -> dict[str, Vec]:
    lowest = min(point[1] for point in body_points(joints))
    return {k: v if k == "face" else (v[0], v[1] - lowest, v[2]) for k, v in joints.items()}


# --- Authoring in the picture plane ----------------------------------------------------------
# Side views are posed in the world's x-y plane; these helpers turn directions there
# (degrees anticlockwise from pointing right, as on a protractor) into joint angles, so an
# exercise can say "thigh straight up, shin flat on the floor" and keep every joint angle
# consistent with the pelvis or trunk it hangs from.


def _direction(v: Vec) -> float:
    return math.degrees(math.atan2(v[1], v[0]))


def _wrap(angle: float) -> float:
    return (angle + 180.0) % 360.0 - 180.0


def _plane(frame: Mat) -> tuple[float, float, float]:
    """(down, forward, sense) of a body frame in the x-y plane."""
    down, forward = apply(frame, DOWN), apply(frame, FORWARD)
    sense = 1.0 if down[0] * forward[1] - down[1] * forward[0] >= 0 else -1.0
    return _direction(down), _direction(forward), sense


def leg_at(pose: Pose, thigh: float, shin: float, foot: float | None = None) -> Leg:
    """The leg whose thigh, shin and (optionally) foot point in these directions."""
    down, forward, s = _plane(_root(pose))
    hip = s * _wrap(thigh - down)
    knee = -s * _wrap(shin - thigh)
    ankle = 0.0 if foot is None else -s * _wrap(foot - (forward + s * hip - s * knee))
    return Leg(hip=round(hip, 1), knee=round(knee, 1), ankle=round(ankle, 1))


def leg_to(pose: Pose, ankle: tuple[float, float], foot: float | None = None) -> Leg:
    """The leg whose ankle is at (x, y) from the hip joint, the knee bending forward."""
    _down, _forward, s = _plane(_root(pose))
    thigh, shin = _two_bones(ankle, PROPORTIONS.thigh, PROPORTIONS.shin, s)
    return leg_at(pose, thigh, shin, foot)


def arm_at(pose: Pose, upper: float, fore: float) -> Arm:
    """The arm whose upper arm and forearm point in these directions."""
    down, _forward, s = _plane(_trunk(pose))
    shoulder = s * _wrap(upper - down)
    return Arm(shoulder=round(shoulder, 1), elbow=round(s * _wrap(fore - upper), 1))


def arm_to(pose: Pose, hand: tuple[float, float]) -> Arm:
    """The arm whose wrist is at (x, y) from the shoulder, the elbow bending backward."""
    _down, _forward, s = _plane(_trunk(pose))
    upper, fore = _two_bones(hand, PROPORTIONS.upper_arm, PROPORTIONS.forearm, -s)
    return arm_at(pose, upper, fore)


def _two_bones(
    target: tuple[float, float], first: float, second: float, sense: float
) -> tuple[float, float]:
    """Directions of two segments from the origin to the target, the joint to one side."""
    reach = min(math.hypot(*target), first + second - 1e-6)
    towards = math.degrees(math.atan2(target[1], target[0]))
    cosine = (first**2 + reach**2 - second**2) / (2 * first * reach)
    spread = math.degrees(math.acos(max(-1.0, min(1.0, cosine))))
    a = towards + sense * spread
    joint = (first * math.cos(math.radians(a)), first * math.sin(math.radians(a)))
    b = math.degrees(math.atan2(target[1] - joint[1], target[0] - joint[0]))
    return a, b


SEGMENTS: tuple[tuple[str, str, str], ...] = (
    # (from, to, length name) of every straight segment of the figure
    ("hip_{s}", "knee_{s}", "thigh"),
    ("knee_{s}", "ankle_{s}", "shin"),
    ("ankle_{s}", "toe_{s}", "foot"),
    ("shoulder_{s}", "elbow_{s}", "upper_arm"),
    ("elbow_{s}", "hand_{s}", "forearm"),
)

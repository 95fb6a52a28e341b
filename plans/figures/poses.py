"""Base poses (standing, lying on the back...), props and helpers for posing.

Pure data (no Django). The built-in exercises (plans.figures.exercises) and a clinic's own
figures (plans.figures.posing) start from these. Side views are posed with the
picture-plane helpers of plans.figures.skeleton (directions in degrees: 0 right, 90 up,
180 left, -90 down); poses seen from the front, from above or at three-quarters set the
3D angles directly or place limbs with plans.figures.reach.
"""

from __future__ import annotations

import math
from dataclasses import replace

from plans.figures.skeleton import (
    PROPORTIONS,
    Arm,
    Leg,
    Pose,
    arm_at,
    arm_to,
    leg_at,
    leg_to,
    raw_joints,
)
from plans.figures.svg import Block, Frame, Pair, View

P = PROPORTIONS
SIDE = View()
FROM_ABOVE = View(elevation=32)  # side-lying: the body across, the knees towards you
FRONT = View(yaw=-90)


def xy(pose: Pose, joint: str) -> tuple[float, float]:
    x, y, _z = raw_joints(pose)[joint]
    return x, y


def hands(pose: Pose, near: tuple[float, float], far: tuple[float, float] | None = None) -> Pose:
    """The wrists at these points (x, y from the pelvis); far defaults to near."""
    sx, sy = xy(pose, "shoulder_n")
    far = near if far is None else far
    return replace(
        pose,
        near_arm=arm_to(pose, (near[0] - sx, near[1] - sy)),
        far_arm=arm_to(pose, (far[0] - sx, far[1] - sy)),
    )


def shin_to_floor(pose: Pose, thigh: float, floor: float, back: bool = False) -> Leg:
    """The thigh in this direction, the shin down to the floor at height `floor` (from the
    hip joint), the foot flat: pointing the way the shin leans unless `back`."""
    ky = P.thigh * math.sin(math.radians(thigh))
    drop = math.degrees(math.asin(max(-1.0, min(1.0, (floor - ky) / P.shin))))
    shin = 180 - drop if back else drop
    return leg_at(pose, thigh, shin, 180 if back else 0)


def pair(start: Pose | Frame, end: Pose | Frame, view: View = SIDE, **kw: str) -> Pair:
    first = start if isinstance(start, Frame) else Frame(start)
    second = end if isinstance(end, Frame) else Frame(end)
    return Pair(start=first, end=second, view=view, **kw)


# --- Base poses (the library's starting points, and a clinic's own posing) -------------------

_UPRIGHT = Pose()
STANDING = replace(
    _UPRIGHT,
    near_leg=leg_at(_UPRIGHT, -88, -91, 0),
    far_leg=leg_at(_UPRIGHT, -93, -91, 0),
    near_arm=arm_at(_UPRIGHT, -84, -72),
    far_arm=arm_at(_UPRIGHT, -97, -86),
)

SUPINE = Pose(orient="supine", neck=16)
LYING_BACK = replace(
    SUPINE,
    near_leg=leg_at(SUPINE, 0, 0, 80),
    far_leg=leg_at(SUPINE, 0, 0, 80),
    near_arm=arm_at(SUPINE, 0, 0),
    far_arm=arm_at(SUPINE, 0, 0),
)
LYING_BACK_KNEES_BENT = replace(
    LYING_BACK,
    near_leg=shin_to_floor(SUPINE, 55, 0),
    far_leg=shin_to_floor(SUPINE, 55, 0),
)

_PRONE = Pose(orient="prone", neck=-30)
LYING_FRONT = replace(
    _PRONE,
    near_leg=leg_at(_PRONE, 180, 180, 170),
    far_leg=leg_at(_PRONE, 180, 180, 170),
    near_arm=arm_at(_PRONE, -70, 0),
    far_arm=arm_at(_PRONE, -70, 0),
)

# The back slopes up a little so the arms are straight under the shoulders.
ON_ALL_FOURS = Pose(
    orient="prone",
    tilt=-round(math.degrees(math.asin((P.upper_arm + P.forearm - 0.6 - P.thigh) / P.trunk)), 1),
    neck=-10,
)
HANDS_AND_KNEES = hands(
    replace(
        ON_ALL_FOURS,
        near_leg=leg_at(ON_ALL_FOURS, -90, 180, 180),
        far_leg=leg_at(ON_ALL_FOURS, -90, 180, 180),
    ),
    (xy(ON_ALL_FOURS, "neck")[0], -P.thigh),
)

SITTING_FLOOR = replace(
    _UPRIGHT,
    bend=4,
    near_leg=leg_at(_UPRIGHT, 0, 0, 80),
    far_leg=leg_at(_UPRIGHT, 0, 0, 80),
    near_arm=arm_at(_UPRIGHT, -80, -80),
    far_arm=arm_at(_UPRIGHT, -100, -90),
)

SITTING_CHAIR = replace(
    _UPRIGHT,
    near_leg=leg_at(_UPRIGHT, 0, -92, 0),
    far_leg=leg_at(_UPRIGHT, 2, -90, 0),
    near_arm=arm_at(_UPRIGHT, -95, -80),
    far_arm=arm_at(_UPRIGHT, -95, -80),
)
# A chair seen from the side: seat just under the pelvis, legs, and a back rest behind.
CHAIR = (
    Block("pelvis", (-9.0, 15.0), (-6.5, -2.6)),
    Block("pelvis", (-9.0, -6.0), (0.0, -6.5), from_floor=True),
    Block("pelvis", (12.0, 15.0), (0.0, -6.5), from_floor=True),
    Block("pelvis", (-12.5, -9.0), (0.0, 34.0), from_floor=True),
)

SIDE_LYING_BASE = Pose(
    orient="side",
    near_arm=Arm(shoulder=75, elbow=70),
    far_arm=Arm(shoulder=170, elbow=25),
)
SIDE_LYING = replace(SIDE_LYING_BASE, near_leg=Leg(hip=5), far_leg=Leg(hip=40, knee=80))

_KNEEL = Pose()
KNEELING = replace(
    _KNEEL,
    near_leg=leg_at(_KNEEL, -90, 180, 180),
    far_leg=leg_at(_KNEEL, -92, 180, 180),
    near_arm=arm_at(_KNEEL, -84, -72),
    far_arm=arm_at(_KNEEL, -97, -86),
)


def half_kneel(back_thigh: float, front_ankle: float, lean: float = 0.0) -> Pose:
    """Kneeling on the near knee (shin flat behind), the far foot flat in front."""
    pose = Pose(tilt=-lean)
    knee_y = P.thigh * math.sin(math.radians(back_thigh))
    return replace(
        pose,
        near_leg=leg_at(pose, back_thigh, 180, 180),
        far_leg=leg_to(pose, (front_ankle, knee_y), 0),
        near_arm=arm_at(pose, -85 - lean, -70 - lean),
        far_arm=arm_at(pose, -95 - lean, -80 - lean),
    )


HALF_KNEELING = half_kneel(-98, 22)

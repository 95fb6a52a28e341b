"""Posing limbs in 3D: along directions in the world, or with a hand or a foot at a point.

Pure Python (no Django). The picture-plane helpers of plans.figures.skeleton (leg_at,
arm_to...) pose a side view; a pose seen from the front, from above or at three-quarters
(a leg across the body, a pelvis turned open) needs its limbs placed in 3D. These turn
world directions and points (raw_joints coordinates: x right, y up, z towards the viewer
of a side view, the pelvis at the origin) into the joint angles of Leg and Arm, so a pose
keeps the one body and its proportions.
"""

from __future__ import annotations

import math

from plans.figures.skeleton import (
    PROPORTIONS,
    Arm,
    Leg,
    Mat,
    Pose,
    Vec,
    add,
    apply,
    matmul,
    pelvis_frame,
    raw_joints,
    rotation,
    trunk_frame,
)

SIGN = {"n": 1.0, "f": -1.0}


def _transpose(m: Mat) -> Mat:
    return ((m[0][0], m[1][0], m[2][0]), (m[0][1], m[1][1], m[2][1]), (m[0][2], m[1][2], m[2][2]))


def _unit(v: Vec) -> Vec:
    size = math.sqrt(v[0] ** 2 + v[1] ** 2 + v[2] ** 2)
    return (v[0] / size, v[1] / size, v[2] / size)


def _swing(frame: Mat, direction: Vec) -> tuple[float, float]:
    """(forward, out-angle) that point a limb hanging from this frame along `direction`.

    A limb's direction in its parent's frame is Rz(forward) Rx(a) of straight down, that is
    (sin f cos a, -cos f cos a, -sin a).
    """
    d = apply(_transpose(frame), _unit(direction))
    a = math.degrees(math.asin(max(-1.0, min(1.0, -d[2]))))
    forward = math.degrees(math.atan2(d[0], -d[1]))
    return forward, a


def leg_along(
    pose: Pose,
    side: str,
    thigh: Vec,
    shin: Vec | None = None,
    foot: Vec | None = None,
) -> Leg:
    """The leg whose thigh, shin and foot point along these world directions.

    The shin defaults to the thigh's direction (a straight knee); the foot, if given, is
    turned as near to its direction as the ankle allows (a straight leg's foot also sets
    how far the thigh is turned out).
    """
    s = SIGN[side]
    hip, a = _swing(pelvis_frame(pose), thigh)
    out = -s * a
    base = matmul(matmul(pelvis_frame(pose), rotation(2, hip)), rotation(0, a))
    knee, phi = 0.0, 0.0
    if shin is not None:
        e = apply(_transpose(base), _unit(shin))
        bend = math.hypot(e[0], e[2])
        knee = math.degrees(math.atan2(bend, -e[1]))
        if bend > 1e-6:
            phi = math.degrees(math.atan2(e[2], -e[0]))
    ankle = 0.0
    if foot is not None:
        if knee < 1e-3:  # a straight leg: the foot sets the turn
            f = apply(_transpose(base), _unit(foot))
            phi = math.degrees(math.atan2(-f[2], f[0]))
        lower = matmul(matmul(base, rotation(1, phi)), rotation(2, -knee))
        f = apply(_transpose(lower), _unit(foot))
        ankle = math.degrees(math.atan2(-f[1], f[0]))
    return Leg(
        hip=round(hip, 2),
        knee=round(knee, 2),
        ankle=round(ankle, 2),
        out=round(out, 2),
        turn_out=round(-s * phi, 2),
    )


def arm_along(pose: Pose, side: str, upper: Vec, fore: Vec | None = None) -> Arm:
    """The arm whose upper arm and forearm point along these world directions."""
    s = SIGN[side]
    shoulder, a = _swing(trunk_frame(pose), upper)
    elbow, phi = 0.0, 0.0
    if fore is not None:
        frame = matmul(matmul(trunk_frame(pose), rotation(2, shoulder)), rotation(0, a))
        f = apply(_transpose(frame), _unit(fore))
        bend = math.hypot(f[0], f[2])
        elbow = math.degrees(math.atan2(bend, -f[1]))
        if bend > 1e-6:
            phi = math.degrees(math.atan2(-f[2], f[0]))
    return Arm(
        shoulder=round(shoulder, 2),
        elbow=round(elbow, 2),
        out=round(-s * a, 2),
        turn=round(-s * phi, 2),
    )


def _bend(start: Vec, target: Vec, first: float, second: float, towards: Vec) -> Vec:
    """The middle joint of two segments from start to target, bent towards `towards`."""
    axis = (target[0] - start[0], target[1] - start[1], target[2] - start[2])
    reach = min(math.sqrt(sum(c * c for c in axis)), first + second - 1e-6)
    axis = _unit(axis)
    # The part of `towards` square to the axis: the way the joint sticks out.
    along = sum(t * c for t, c in zip(towards, axis, strict=True))
    out = _unit(add(towards, axis, -along))
    cosine = (first**2 + reach**2 - second**2) / (2 * first * reach)
    angle = math.acos(max(-1.0, min(1.0, cosine)))
    return add(add(start, axis, first * math.cos(angle)), out, first * math.sin(angle))


def leg_reach(
    pose: Pose, side: str, ankle: Vec, knee_towards: Vec, foot: Vec | None = None
) -> Leg:
    """The leg whose ankle is at this point (pelvis at the origin), the knee bending out
    towards `knee_towards` (a direction), the foot along `foot`."""
    hip = raw_joints(pose)[f"hip_{side}"]
    p = PROPORTIONS
    knee = _bend(hip, ankle, p.thigh, p.shin, knee_towards)
    thigh = (knee[0] - hip[0], knee[1] - hip[1], knee[2] - hip[2])
    shin = (ankle[0] - knee[0], ankle[1] - knee[1], ankle[2] - knee[2])
    return leg_along(pose, side, thigh, shin, foot)


def arm_reach(pose: Pose, side: str, hand: Vec, elbow_towards: Vec) -> Arm:
    """The arm whose wrist is at this point (pelvis at the origin), the elbow bending out
    towards `elbow_towards` (a direction)."""
    shoulder = raw_joints(pose)[f"shoulder_{side}"]
    p = PROPORTIONS
    elbow = _bend(shoulder, hand, p.upper_arm, p.forearm, elbow_towards)
    return arm_along(pose, side, _sub(elbow, shoulder), _sub(hand, elbow))


def _sub(a: Vec, b: Vec) -> Vec:
    return (a[0] - b[0], a[1] - b[1], a[2] - b[2])

"""The built-in stretches' pictures (plans/library/stretches.py): start and end poses.

Pure data (no Django); collected in plans.figures.exercises.EXERCISES.
"""

import math
from dataclasses import replace

from plans.figures.poses import (
    FRONT,
    HANDS_AND_KNEES,
    LYING_BACK,
    LYING_BACK_KNEES_BENT,
    SUPINE,
    P,
    half_kneel,
    hands,
    pair,
    xy,
)
from plans.figures.reach import arm_along, arm_reach, leg_along, leg_reach
from plans.figures.skeleton import Arm, Leg, Pose, arm_at, leg_at, leg_to, raw_joints
from plans.figures.svg import Block, Frame, Strap, View

KNEELING_HIP_FLEXOR = pair(half_kneel(-98, 22), half_kneel(-122, 12), anchor="knee_n")

_LUNGE_START = Pose()
_LUNGE_END = Pose(tilt=-4)


def _lunge(pose: Pose, height: float, back: float, front: float) -> Pose:
    heel_up = 4.5
    return replace(
        pose,
        near_leg=leg_to(pose, (back, -height + heel_up), -28),
        far_leg=leg_to(pose, (front, -height), 0),
        near_arm=arm_at(pose, -80, -70),
        far_arm=arm_at(pose, -100, -85),
    )


LUNGE_STRETCH = pair(
    _lunge(_LUNGE_START, 46.5, -26, 22), _lunge(_LUNGE_END, 40, -38, 11), anchor="ankle_f"
)


def _couch(lean: float, back_thigh: float) -> Frame:
    pose = Pose(tilt=lean)
    knee_y = P.thigh * math.sin(math.radians(back_thigh))
    posed = replace(
        pose,
        near_leg=leg_at(pose, back_thigh, 90, 100),
        far_leg=leg_to(pose, (23 - lean * 0.1, knee_y), 0),
        near_arm=arm_at(pose, -70, -40),
        far_arm=arm_at(pose, -80, -50),
    )
    wall = Block("knee_n", (-9.0, -4.5), (0.0, 68.0), from_floor=True)
    return Frame(posed, (wall,))


COUCH_STRETCH = pair(_couch(30, -100), _couch(0, -112), anchor="knee_n")


def _hamstring(raise_to: float) -> Frame:
    pose = replace(LYING_BACK, near_leg=leg_at(SUPINE, raise_to, raise_to, raise_to + 80))
    toe = raw_joints(pose)["toe_n"]
    neck = xy(pose, "neck")
    # Hands hold the strap about two thirds of the way from the shoulders to the foot.
    grip = (neck[0] + (toe[0] - neck[0]) * 0.42, neck[1] + (toe[1] - neck[1]) * 0.42 + 6)
    return Frame(hands(pose, grip), (Strap("hand_n", "toe_n"),))


SUPINE_HAMSTRING = pair(_hamstring(25), _hamstring(72))


def _fold(lean: float, reach: float) -> Pose:
    pose = Pose(tilt=lean)
    posed = replace(
        pose,
        near_leg=leg_at(pose, 0, 0, 90),
        far_leg=leg_at(pose, 0, 0, 90),
    )
    shoulder_x = xy(posed, "shoulder_n")[0]
    return hands(posed, (shoulder_x + reach, 6.0), (shoulder_x + reach - 1, 6.0))


SEATED_FORWARD_FOLD = pair(_fold(0, 12), _fold(42, 22))

# Lying on the back, knees bent; then the far ankle crossed over the near knee, the far
# knee out to its side: the "4". Seen from the feet and the near side, a little from
# above; the crossed leg drawn black, the standing one grey.
FOUR_VIEW = View(yaw=-40, elevation=25)


def _figure_four() -> Frame:
    pose = LYING_BACK_KNEES_BENT
    knee = raw_joints(pose)["knee_n"]
    ankle = (knee[0] - 3.0, knee[1] + 3.5, knee[2] - 1.0)  # on the thigh, by the knee
    crossed = leg_reach(pose, "f", ankle, (0.3, 0.05, -1.0), (0.0, 0.2, 1.0))
    return Frame(replace(pose, far_leg=crossed), lighter="n")


FIGURE_FOUR = pair(Frame(LYING_BACK_KNEES_BENT, lighter="n"), _figure_four(), FOUR_VIEW)

_FLY_UP = Leg(hip=145.5, out=27.5, turn_out=22.5, knee=121, ankle=35)
_FLY_DOWN = Leg(hip=120, out=50.5, turn_out=56.5, knee=121, ankle=28)
_FLY_ARM = Arm(shoulder=41.5, out=-10, elbow=2)
SEATED_BUTTERFLY = pair(
    Pose(bend=8, near_leg=_FLY_UP, far_leg=_FLY_UP, near_arm=_FLY_ARM, far_arm=_FLY_ARM),
    Pose(bend=8, near_leg=_FLY_DOWN, far_leg=_FLY_DOWN, near_arm=_FLY_ARM, far_arm=_FLY_ARM),
    View(yaw=-90, elevation=25),
)

# Sitting on the floor: the near leg in front (thigh forward, shin across in front), the
# far leg out to the side (thigh sideways, shin back), both knees at right angles; then
# leaning forward over the front shin, hands on the floor in front of it. Seen from in
# front and the far side, from above, so both right angles and the lean show.
NINETY_VIEW = View(yaw=-165, elevation=30)


def _ninety(lean: float) -> Frame:
    pose = Pose(tilt=lean, neck=-0.3 * lean)
    pose = replace(
        pose,
        near_leg=leg_along(pose, "n", (1, 0, 0), (0, 0, -1), (0.3, 0, -1)),
        far_leg=leg_along(pose, "f", (0, 0, -1), (-1, 0, 0), (-1, 0, 0.3)),
    )
    if lean:  # on the floor beyond the front shin
        ahead = raw_joints(pose)["knee_n"][0] + 10.0
        near, far = (ahead, 0.0, -4.0), (ahead, 0.0, -13.0)
    else:  # on the floor beside the hips
        near, far = (-3.0, 0.0, 9.0), (-3.0, 0.0, -9.0)
    pose = replace(
        pose,
        near_arm=arm_reach(pose, "n", near, (-1, 0, 0.5)),
        far_arm=arm_reach(pose, "f", far, (-1, 0, -0.5)),
    )
    return Frame(pose, lighter="f")


NINETY_NINETY = pair(_ninety(0), _ninety(40), NINETY_VIEW)

# From hands and knees: the near knee forward, its shin across in front, the far leg
# straight back along the floor, up on straight arms. Seen from the near side, turned a
# little to the front and from above, so the shin across and the long back leg show.
PIGEON_VIEW = View(yaw=-15, elevation=20)


def _pigeon(lean: float) -> Pose:
    pose = Pose(tilt=lean, neck=-5)
    pose = replace(
        pose, near_leg=leg_along(pose, "n", (1, -0.18, 0.4), (0.2, 0, -1), (0.1, -0.3, -1))
    )
    joints = raw_joints(pose)
    floor = min(joints[name][1] for name in ("knee_n", "ankle_n", "toe_n"))
    # The back leg straight, its toes on the floor behind.
    drop = math.asin((joints["hip_f"][1] - floor) / (P.thigh + P.shin + P.foot))
    back = (-math.cos(drop), -math.sin(drop), 0.0)
    pose = replace(pose, far_leg=leg_along(pose, "f", back, back, back))
    ahead = raw_joints(pose)["shoulder_n"][0] + 2.0
    return replace(
        pose,
        near_arm=arm_reach(pose, "n", (ahead, floor, 15.0), (-1, 0, 1)),
        far_arm=arm_reach(pose, "f", (ahead, floor, -15.0), (-1, 0, -1)),
    )


PIGEON = pair(HANDS_AND_KNEES, _pigeon(26), PIGEON_VIEW)


def _side_lunges(bend: float) -> tuple[Pose, Pose]:
    """Feet wide and still: both legs straight, then the near knee bent `bend` degrees
    sideways (its shin upright) with the other leg straight, both feet on the floor."""
    far = math.degrees(math.acos((1 + math.cos(math.radians(bend))) / 2))
    width = P.thigh * math.sin(math.radians(bend)) + (P.thigh + P.shin) * math.sin(
        math.radians(far)
    )
    stance = math.degrees(math.asin(width / (2 * (P.thigh + P.shin))))
    arms = {"near_arm": Arm(out=14, elbow=10), "far_arm": Arm(out=14, elbow=10)}
    start = Pose(near_leg=Leg(out=stance), far_leg=Leg(out=stance), **arms)  # type: ignore[arg-type]
    end = Pose(
        lean=-8,
        near_leg=Leg(out=bend, turn_out=90, knee=bend),
        far_leg=Leg(out=round(far, 1)),
        **arms,  # type: ignore[arg-type]
    )
    return start, end


SIDE_LUNGE = pair(*_side_lunges(50), FRONT, anchor="ankle_f")

# Seen from the front: the near leg (the one stretched) crossed behind the far one and
# drawn grey, as a limb behind is in every picture; then the near hip pushed out to its
# side, the trunk leaning the other way and the near arm reaching up over the head.
_STANDING_LEG = P.thigh + P.shin - 0.5  # hip to ankle, the knee soft
_CROSS = 11.0  # the crossed foot beyond the standing one


def _tfl(hip_out: float, lean: float) -> Frame:
    pose = Pose(lean=-lean)
    stance = (0.0, -_STANDING_LEG, -P.hip_width - hip_out)
    crossed = (-3.0, -_STANDING_LEG + 1.0, stance[2] - _CROSS)
    pose = replace(
        pose,
        far_leg=leg_reach(pose, "f", stance, (1, 0, 0), (1, 0, 0)),
        near_leg=leg_reach(pose, "n", crossed, (1, 0, 0), (1, -0.1, 0)),
        far_arm=arm_along(pose, "f", (0, -1, -0.15), (0, -1, -0.15)),
    )
    if lean:
        reach = arm_along(pose, "n", (0, 1, -0.2), (0, 0.45, -1))
    else:
        reach = arm_along(pose, "n", (0, -1, 0.15), (0, -1, 0.15))
    return Frame(replace(pose, near_arm=reach), lighter="leg_n")


TFL = pair(_tfl(0, 0), _tfl(10, 22), FRONT, anchor="ankle_f")

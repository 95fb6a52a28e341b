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

_FOUR_BASE = LYING_BACK_KNEES_BENT
FIGURE_FOUR = pair(
    _FOUR_BASE,
    replace(_FOUR_BASE, near_leg=Leg(hip=62, out=41.5, turn_out=92.5, knee=109.5)),
    View(yaw=22, elevation=28),
)

_FLY_UP = Leg(hip=145.5, out=27.5, turn_out=22.5, knee=121, ankle=35)
_FLY_DOWN = Leg(hip=120, out=50.5, turn_out=56.5, knee=121, ankle=28)
_FLY_ARM = Arm(shoulder=41.5, out=-10, elbow=2)
SEATED_BUTTERFLY = pair(
    Pose(bend=8, near_leg=_FLY_UP, far_leg=_FLY_UP, near_arm=_FLY_ARM, far_arm=_FLY_ARM),
    Pose(bend=8, near_leg=_FLY_DOWN, far_leg=_FLY_DOWN, near_arm=_FLY_ARM, far_arm=_FLY_ARM),
    View(yaw=-90, elevation=25),
)

_NINETY = Pose(
    near_leg=Leg(hip=90, out=25, turn_out=90, knee=90, ankle=-10),  # in front, shin across
    far_leg=Leg(hip=0, out=90, knee=90, ankle=60),  # out to the side, shin behind
    near_arm=Arm(shoulder=4, out=6),
    far_arm=Arm(shoulder=4, out=6),
)
NINETY_NINETY = pair(
    _NINETY,
    replace(
        _NINETY,
        bend=32,
        near_arm=Arm(shoulder=55, out=12, elbow=10),
        far_arm=Arm(shoulder=55, out=12, elbow=10),
    ),
    View(yaw=-95, elevation=55),
)

PIGEON = pair(
    HANDS_AND_KNEES,
    Pose(
        tilt=1.5,
        bend=28.5,
        neck=-10,
        near_leg=Leg(hip=75.5, out=21.5, turn_out=90.5, knee=112, ankle=-10),
        far_leg=Leg(hip=-80, out=1, ankle=90),
        near_arm=Arm(shoulder=30, out=8),
        far_arm=Arm(shoulder=30, out=8),
    ),
    View(yaw=-30, elevation=25),
)


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

# Crossed behind: the far knee a little soft so both feet reach the floor (by the solver).
TFL = pair(
    Pose(
        near_leg=Leg(out=-10, hip=-6),
        far_leg=Leg(hip=10.8, knee=21.5),
        near_arm=Arm(out=10),
        far_arm=Arm(out=10),
    ),
    Pose(
        lean=-22,
        near_leg=Leg(out=-19.5, hip=-6, knee=1),
        far_leg=Leg(out=10.5, hip=17.5, knee=35),
        near_arm=Arm(out=165, elbow=15),
        far_arm=Arm(out=20, elbow=20),
    ),
    FRONT,
    anchor="ankle_f",
)

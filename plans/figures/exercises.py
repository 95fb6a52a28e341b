"""Every built-in home exercise as a pair of poses: its start and its end.

Pure data (no Django). EXERCISES maps each slug of the built-in library that has a picture
to its Pair; `manage.py draw_figures` writes them to static/plans/illustrations/<slug>.svg
and a test checks the committed files are exactly what these draw (docs/library.md).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import replace

from plans.figures.poses import (
    CHAIR,
    FROM_ABOVE,
    FRONT,
    HANDS_AND_KNEES,
    LYING_BACK,
    LYING_BACK_KNEES_BENT,
    ON_ALL_FOURS,
    SIDE,
    SIDE_LYING_BASE,
    SUPINE,
    P,
    half_kneel,
    hands,
    pair,
    shin_to_floor,
    xy,
)
from plans.figures.skeleton import Arm, Leg, Pose, arm_at, leg_at, leg_to, raw_joints
from plans.figures.svg import Block, Frame, Pair, Strap, View

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


def _bridge(lift: float, straight_leg: bool = False) -> Pose:
    """On the back, hips lifted `lift` degrees (shoulders to knees in one line), feet flat."""
    pose = Pose(orient="supine", neck=16, tilt=-lift)
    hip_height = P.trunk * math.sin(math.radians(lift))
    bent = shin_to_floor(pose, 55 if lift == 0 else lift, -hip_height)
    thigh = 55 if lift == 0 else lift
    return replace(
        pose,
        near_leg=leg_at(pose, thigh, thigh, thigh + 100) if straight_leg else bent,
        far_leg=bent,
        near_arm=arm_at(pose, 0, 0),
        far_arm=arm_at(pose, 0, 0),
    )


GLUTE_BRIDGE = pair(_bridge(0), _bridge(27), anchor="ankle_f")
SINGLE_LEG_BRIDGE = pair(_bridge(0, True), _bridge(27, True), anchor="ankle_f")


def _thrust(lift: float) -> Frame:
    """Upper back on a bench edge (as high as a shin): hips from the floor to level."""
    pose = Pose(orient="supine", neck=20, tilt=lift)
    bench = P.shin
    neck_x, neck_y = xy(pose, "neck")
    feet = (neck_x + P.trunk + P.thigh, neck_y - bench)  # where the feet stay
    posed = replace(
        pose,
        near_leg=leg_to(pose, feet, 0),
        far_leg=leg_to(pose, feet, 0),
        near_arm=arm_at(pose, 182, 182),
        far_arm=arm_at(pose, 182, 182),
    )
    block = Block("neck", (-26.0, 3.5), (0.0, -P.trunk * 0.0 - 2.6), from_floor=True)
    return Frame(posed, (block,))


HIP_THRUST = pair(_thrust(55), _thrust(0), anchor="ankle_n")


def _seated(knee_up: float) -> Frame:
    pose = Pose()
    posed = replace(
        pose,
        near_leg=leg_at(pose, knee_up, -90 + knee_up * 0.6, knee_up * 0.6),
        far_leg=leg_at(pose, 0, -90, 0),
        near_arm=arm_at(pose, -92, -92),
        far_arm=arm_at(pose, -92, -92),
    )
    return Frame(posed, CHAIR)


SEATED_KNEE_LIFT = pair(_seated(0), _seated(18))


def _plank(lifted: bool) -> Pose:
    """Face down on the forearms (elbows under the shoulders): hips down, or body straight."""
    upper_arm = P.upper_arm
    if lifted:
        toe_angle = -70.0  # toes tucked under, heels up
        ankle_height = P.foot * math.sin(math.radians(-toe_angle))
        length = P.trunk + P.thigh + P.shin
        slope = math.degrees(math.asin((upper_arm - ankle_height) / length))
        pose = Pose(orient="prone", tilt=-slope, neck=-5)
        leg = leg_at(pose, 180 + slope, 180 + slope, toe_angle)
    else:
        slope = math.degrees(math.asin(upper_arm / P.trunk))
        pose = Pose(orient="prone", tilt=-slope, neck=-15)
        leg = leg_at(pose, 180, 180, 175)
    arm = arm_at(pose, -90, 0)
    return replace(pose, near_leg=leg, far_leg=leg, near_arm=arm, far_arm=arm)


PLANK = pair(_plank(False), _plank(True), anchor="elbow_n")

_DEAD_BUG = Pose(orient="supine", neck=16)
_BUG_LEG = leg_at(_DEAD_BUG, 90, 0, 80)
_BUG_ARM = arm_at(_DEAD_BUG, 90, 90)
DEAD_BUG = pair(
    replace(_DEAD_BUG, near_leg=_BUG_LEG, far_leg=_BUG_LEG, near_arm=_BUG_ARM, far_arm=_BUG_ARM),
    replace(
        _DEAD_BUG,
        near_leg=_BUG_LEG,
        far_leg=leg_at(_DEAD_BUG, 14, 14, 90),
        near_arm=arm_at(_DEAD_BUG, 166, 166),
        far_arm=_BUG_ARM,
    ),
)

BIRD_DOG = pair(
    HANDS_AND_KNEES,
    replace(
        HANDS_AND_KNEES,
        far_leg=leg_at(ON_ALL_FOURS, 182, 182, 175),
        near_arm=arm_at(ON_ALL_FOURS, 6, 6),
        neck=22,
    ),
    anchor="knee_f",
)


def _cat_cow(curve: float, neck: float) -> Pose:
    return replace(HANDS_AND_KNEES, curve=curve, neck=neck)


CAT_COW = pair(_cat_cow(0.2, 45), _cat_cow(-0.14, -35), anchor="knee_n")


def _rock_back(back: float) -> Pose:
    """On hands and knees, hips rocked `back` degrees towards the heels, hands in place."""
    start = raw_joints(HANDS_AND_KNEES)
    knee, hand = start["knee_n"], start["hand_n"]
    thigh = 90 + back  # from the knee up to the hip
    hip = (
        knee[0] + P.thigh * math.cos(math.radians(thigh)),
        knee[1] + P.thigh * math.sin(math.radians(thigh)),
    )
    # The trunk's slope that leaves the arms straight, hands where they were.
    reach = P.upper_arm + P.forearm - 0.6
    slope = min(
        (step / 10 for step in range(-600, 600)),
        key=lambda s: (
            abs(
                math.dist(
                    (
                        hip[0] + P.trunk * math.cos(math.radians(s)),
                        hip[1] + P.trunk * math.sin(math.radians(s)),
                    ),
                    (hand[0], hand[1]),
                )
                - reach
            )
            + abs(s) / 1000
        ),
    )
    pose = Pose(orient="prone", tilt=-slope, neck=-10)
    posed = replace(
        pose,
        near_leg=leg_at(pose, thigh + 180, 180, 180),
        far_leg=leg_at(pose, thigh + 180, 180, 180),
    )
    target = (hand[0] - hip[0], hand[1] - hip[1])
    return hands(posed, target)


QUADRUPED_ROCK_BACK = pair(HANDS_AND_KNEES, _rock_back(48), anchor="knee_n")


def _hinge(lean: float) -> Pose:
    pose = Pose(tilt=lean)
    hip_back = 14 * lean / 60
    feet = (hip_back, -(P.thigh + P.shin) + 4 * lean / 60)
    posed = replace(pose, near_leg=leg_to(pose, feet, 0), far_leg=leg_to(pose, feet, 0))
    # Hands on the front of the hips: a point just in front of the pelvis, turning with it.
    front = math.radians(-lean)
    hand = (5 * math.cos(front) - 3 * math.sin(front), 5 * math.sin(front) + 3 * math.cos(front))
    return hands(posed, hand)


HIP_HINGE = pair(_hinge(0), _hinge(58), anchor="ankle_n")

PELVIC_TILT = pair(
    replace(LYING_BACK_KNEES_BENT, curve=0.03),
    replace(LYING_BACK_KNEES_BENT, curve=-0.16),
)

_CLAM = Leg(hip=45, knee=95)
CLAMSHELL = pair(
    replace(SIDE_LYING_BASE, near_leg=_CLAM, far_leg=_CLAM),
    # The knee opens about the line from hip to feet: the feet stay together.
    replace(
        SIDE_LYING_BASE, near_leg=Leg(hip=34, knee=95, out=33.5, turn_out=36.5), far_leg=_CLAM
    ),
    FROM_ABOVE,
)

_BOTTOM_LEG = Leg(hip=40, knee=80)
SIDE_LYING_LEG_RAISE = pair(
    replace(SIDE_LYING_BASE, near_leg=Leg(hip=-3), far_leg=_BOTTOM_LEG),
    replace(SIDE_LYING_BASE, near_leg=Leg(hip=-3, out=35), far_leg=_BOTTOM_LEG),
    FROM_ABOVE,
)

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


def _chair_in_front(at: str, dx: float) -> tuple[Block, ...]:
    """A chair seen from the side, its back towards the figure, `dx` in front of a joint."""
    return (
        Block(at, (dx, dx + 3.5), (0.0, 47.0), from_floor=True, z=(-12.0, 12.0)),
        Block(at, (dx, dx + 22.0), (22.0, 25.0), from_floor=True, z=(-12.0, 12.0)),
        Block(at, (dx + 18.5, dx + 22.0), (0.0, 25.0), from_floor=True, z=(-12.0, 12.0)),
    )


def _airplane(hinge: float) -> Frame:
    """Standing on the near leg, a hand on a chair; hinged forward, the other leg behind."""
    pose = Pose(tilt=hinge, neck=-20 * hinge / 80)
    stance = leg_at(pose, -92, -90, 0)
    lifted = leg_at(pose, 180 + 0 * hinge, 180, -90) if hinge else leg_at(pose, -95, -120, -30)
    posed = replace(pose, near_leg=stance, far_leg=lifted)
    ankle_x = xy(posed, "ankle_n")[0]
    hand = (
        (ankle_x + 24, -P.thigh - P.shin + 47.5)
        if not hinge
        else (ankle_x + 36, -P.thigh - P.shin + 25.5)
    )
    posed = hands(
        posed, hand, (hand[0] - 6, hand[1] - 4) if hinge else (hand[0] - 30, hand[1] - 2)
    )
    return Frame(posed, _chair_in_front("ankle_n", 24.0))


HIP_AIRPLANE = pair(_airplane(0), _airplane(80), SIDE, anchor="ankle_n")

EXERCISES: Mapping[str, Pair] = {
    "kneeling-hip-flexor-stretch": KNEELING_HIP_FLEXOR,
    "lunge-stretch": LUNGE_STRETCH,
    "couch-stretch": COUCH_STRETCH,
    "supine-hamstring-stretch": SUPINE_HAMSTRING,
    "seated-forward-fold": SEATED_FORWARD_FOLD,
    "figure-four-stretch": FIGURE_FOUR,
    "pigeon-pose": PIGEON,
    "90-90-hip-stretch": NINETY_NINETY,
    "seated-butterfly-stretch": SEATED_BUTTERFLY,
    "side-lunge-stretch": SIDE_LUNGE,
    "standing-tfl-stretch": TFL,
    "glute-bridge": GLUTE_BRIDGE,
    "single-leg-bridge": SINGLE_LEG_BRIDGE,
    "hip-thrust": HIP_THRUST,
    "clamshell": CLAMSHELL,
    "side-lying-leg-raise": SIDE_LYING_LEG_RAISE,
    "seated-knee-lift": SEATED_KNEE_LIFT,
    "hip-airplane": HIP_AIRPLANE,
    "plank": PLANK,
    "dead-bug": DEAD_BUG,
    "bird-dog": BIRD_DOG,
    "hip-hinge": HIP_HINGE,
    "pelvic-tilt": PELVIC_TILT,
    "cat-cow": CAT_COW,
    "quadruped-rock-back": QUADRUPED_ROCK_BACK,
}

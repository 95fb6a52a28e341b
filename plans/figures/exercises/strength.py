"""The built-in strengthening and movement exercises' pictures (plans/library/exercises.py).

Pure data (no Django); collected in plans.figures.exercises.EXERCISES.
"""

import math
from dataclasses import replace

from plans.figures.poses import (
    CHAIR,
    HANDS_AND_KNEES,
    LYING_BACK_KNEES_BENT,
    ON_ALL_FOURS,
    SIDE_LYING_BASE,
    P,
    hands,
    pair,
    shin_to_floor,
    xy,
)
from plans.figures.reach import arm_along, arm_reach, leg_along
from plans.figures.skeleton import (
    Leg,
    Pose,
    apply,
    arm_at,
    leg_at,
    leg_to,
    raw_joints,
    trunk_frame,
)
from plans.figures.svg import Block, Frame, View


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

# Side-lying: the top leg is the near one. Seen from in front of the knees and towards
# the feet, a little from above, so the top knee (or leg) visibly rises off the bottom one;
# the bottom side stays grey, whichever way the camera turns.
CLAM_VIEW = View(yaw=45, elevation=20)
LEG_RAISE_VIEW = View(yaw=20, elevation=15)


def _side_lying(top: Leg, bottom: Leg) -> Frame:
    """The head on the lower arm, the top hand on the floor in front of the chest."""
    pose = replace(SIDE_LYING_BASE, near_leg=top, far_leg=bottom)
    joints = raw_joints(pose)
    floor = min(point[1] for name, point in joints.items() if name.endswith("_f"))
    shoulder = joints["shoulder_n"]
    hand = (shoulder[0] - 17.0, floor, shoulder[2] + 14.0)
    pose = replace(pose, near_arm=arm_reach(pose, "n", hand, (0.3, 0.4, 1.0)))
    return Frame(pose, lighter="f")


_CLAM = Leg(hip=45, knee=95)


def _clam_frames() -> tuple[Frame, Frame]:
    """Knees together; then the top knee opened about the line from hip to feet, so the
    feet stay together."""
    return (
        _side_lying(_CLAM, _CLAM),
        _side_lying(Leg(hip=34, knee=95, out=33.5, turn_out=36.5), _CLAM),
    )


CLAMSHELL = pair(*_clam_frames(), CLAM_VIEW)
_BOTTOM_LEG = Leg(hip=40, knee=80)
SIDE_LYING_LEG_RAISE = pair(
    _side_lying(Leg(hip=-3), _BOTTOM_LEG),
    _side_lying(Leg(hip=-3, out=35), _BOTTOM_LEG),
    LEG_RAISE_VIEW,
)


def _chair_ahead(at: str, dx: float, dz: float = 0.0) -> tuple[Block, ...]:
    """A chair facing the figure, its seat's front `dx` in front of a joint, `dz` aside."""
    z = (dz - 11.0, dz + 11.0)
    return (
        Block(at, (dx, dx + 22.0), (22.0, 25.0), from_floor=True, z=z),
        Block(at, (dx, dx + 3.5), (0.0, 25.0), from_floor=True, z=z),
        Block(at, (dx + 18.5, dx + 22.0), (0.0, 47.0), from_floor=True, z=z),
    )


AIRPLANE_VIEW = View(yaw=-45, elevation=15)  # from in front and to the lifted leg's side
_CHAIR_AHEAD = 20.0  # the front of the chair's seat, in front of the standing foot
_CHAIR_SIDE = -6.0  # and a little to its side


def _airplane(turn: float) -> Frame:
    """Standing on the far leg, hinged forward with the near leg reaching back, the far
    hand on a chair's seat in front; the pelvis and chest turned `turn` degrees open (towards
    the lifted leg's side), the free arm opening with the chest."""
    pose = Pose(tilt=80, turn=-turn, neck=-10)
    # The standing leg stays upright under the turning pelvis, knee soft, foot forward.
    stance = leg_along(pose, "f", (0.06, -1.0, 0.0), (-0.03, -1.0, 0.0), (1.0, 0.0, 0.0))
    posed = replace(pose, far_leg=stance, near_leg=Leg(hip=-8, ankle=60))
    ankle = raw_joints(posed)["ankle_f"]
    grip = (ankle[0] + _CHAIR_AHEAD + 9, ankle[1] + 26.5, ankle[2] + _CHAIR_SIDE)
    if turn:  # the free arm out from the shoulder, in line with the turned chest
        side = apply(trunk_frame(posed), (0.0, 0.0, 1.0))
        free = arm_along(posed, "n", side, side)
    else:  # hanging beside the other
        free = arm_along(posed, "n", (0.05, -1.0, 0.15), (0.1, -1.0, 0.15))
    posed = replace(posed, far_arm=arm_reach(posed, "f", grip, (0, 0, -1)), near_arm=free)
    # The turned pelvis would change which leg looks nearer: keep the standing side grey.
    return Frame(posed, _chair_ahead("ankle_f", _CHAIR_AHEAD, _CHAIR_SIDE), lighter="f")


HIP_AIRPLANE = pair(_airplane(0), _airplane(65), AIRPLANE_VIEW, anchor="ankle_f")

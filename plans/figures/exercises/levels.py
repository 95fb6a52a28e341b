"""Pictures of the easier and harder levels added for the progression chains
(plans/library/levels.py, control_levels.py and stretch_levels.py): start and end poses.

Pure data (no Django); collected in plans.figures.exercises.EXERCISES.
"""

import math
from dataclasses import replace

from plans.figures.exercises.strength import (
    _BUG_LEG,
    _DEAD_BUG,
    CLAM_VIEW,
    _bridge,
    _clam_frames,
    _hinge,
    _plank,
    _rock_back,
    _thrust,
)
from plans.figures.poses import (
    CHAIR,
    FRONT,
    HANDS_AND_KNEES,
    LYING_BACK_KNEES_BENT,
    LYING_FRONT,
    ON_ALL_FOURS,
    SITTING_CHAIR,
    STANDING,
    SUPINE,
    P,
    half_kneel,
    hands,
    pair,
    xy,
)
from plans.figures.skeleton import Arm, Leg, Pose, arm_at, leg_at, leg_to, raw_joints
from plans.figures.svg import Block, Frame, Strap

# --- Stretches ------------------------------------------------------------------------


def _knees_to_chest(both: bool) -> Pose:
    """On the back, one knee (or both) pulled up towards the chest, hands on the shin."""
    pulled = leg_at(SUPINE, 128, -12, 70)
    pose = replace(
        LYING_BACK_KNEES_BENT,
        near_leg=pulled,
        far_leg=pulled if both else LYING_BACK_KNEES_BENT.far_leg,
    )
    knee = xy(pose, "knee_n")
    return hands(pose, (knee[0] + 4.0, knee[1] - 4.0))


KNEE_TO_CHEST = pair(LYING_BACK_KNEES_BENT, _knees_to_chest(False))
DOUBLE_KNEE_TO_CHEST = pair(LYING_BACK_KNEES_BENT, _knees_to_chest(True))


def _quad(bent: bool) -> Pose:
    """Standing; then the near heel drawn up behind towards the buttock, held by the hand."""
    if not bent:
        return STANDING
    pose = replace(STANDING, near_leg=leg_at(Pose(), -112, 100, 190))
    ankle = xy(pose, "ankle_n")
    return hands(pose, (ankle[0] - 1.0, ankle[1] - 1.0), xy(STANDING, "hand_f"))


STANDING_QUAD = pair(_quad(False), _quad(True), anchor="ankle_f")


def _reach(lean: float, back_thigh: float, front: float) -> Pose:
    pose = half_kneel(back_thigh, front, lean)
    return replace(pose, near_arm=arm_at(pose, 100 + lean, 100 + lean))


KNEELING_HIP_FLEXOR_REACH = pair(half_kneel(-98, 22), _reach(0, -122, 12), anchor="knee_n")

CHILDS_POSE = pair(HANDS_AND_KNEES, _rock_back(70), anchor="knee_n")


def _heel_on_step(lean: float) -> Frame:
    """Standing on the far leg, the near heel on a low step in front, leaning forward."""
    pose = Pose(tilt=lean)
    stand = P.thigh + P.shin - 0.5
    posed = replace(
        pose,
        far_leg=leg_to(pose, (0.0, -stand), 0),
        near_leg=leg_at(pose, -40, -40, 55),
        near_arm=arm_at(pose, -75 - lean * 0.3, -70 - lean * 0.3),
        far_arm=arm_at(pose, -80 - lean * 0.3, -75 - lean * 0.3),
    )
    joints = raw_joints(posed)
    heel = joints["ankle_n"][1] - joints["ankle_f"][1]
    step = Block("ankle_n", (-5.0, 9.0), (0.0, heel - 2.6), from_floor=True)
    return Frame(posed, (step,))


STANDING_HAMSTRING = pair(_heel_on_step(0), _heel_on_step(30), anchor="ankle_f")

# --- Bridge levels ---------------------------------------------------------------------

PRONE_HIP_EXTENSION = pair(
    LYING_FRONT, replace(LYING_FRONT, near_leg=leg_at(Pose(orient="prone"), 166, 166, 170))
)


def _marching() -> Pose:
    pose = _bridge(27)
    return replace(pose, near_leg=leg_at(pose, 110, 20, 110))


BRIDGE_MARCH = pair(_bridge(27), _marching(), anchor="ankle_f")


def _one_leg_thrust(lift: float) -> Frame:
    frame = _thrust(lift)
    joints = raw_joints(frame.pose)
    hip, knee = joints["hip_f"], joints["knee_f"]
    thigh = math.degrees(math.atan2(knee[1] - hip[1], knee[0] - hip[0]))
    leg = leg_at(frame.pose, thigh, thigh, thigh + 80)
    return Frame(replace(frame.pose, near_leg=leg), frame.props)


SINGLE_LEG_HIP_THRUST = pair(_one_leg_thrust(55), _one_leg_thrust(0), anchor="ankle_f")

# --- Side of the hip and the front of the hip -----------------------------------------

_CLAM_START, _CLAM_END = _clam_frames()
BANDED_CLAMSHELL = pair(
    replace(_CLAM_START, props=(Strap("knee_n", "knee_f"),)),
    replace(_CLAM_END, props=(Strap("knee_n", "knee_f"),)),
    CLAM_VIEW,
)

STANDING_KNEE_LIFT = pair(
    STANDING, replace(STANDING, near_leg=leg_at(Pose(), 2, -88, 0)), anchor="ankle_f"
)

# --- Sit to stand, split squat, step-up -------------------------------------------------


def _chair_by_ankle(pose: Pose) -> tuple[Block, ...]:
    """The same chair as CHAIR, placed from the ankle so it stays put when the body rises."""
    joints = raw_joints(pose)
    dx = joints["pelvis"][0] - joints["ankle_n"][0]
    dy = joints["pelvis"][1] - joints["ankle_n"][1]
    return tuple(
        replace(
            block,
            at="ankle_n",
            x=(block.x[0] + dx, block.x[1] + dx),
            y=(block.y[0] if block.from_floor else block.y[0] + dy, block.y[1] + dy),
        )
        for block in CHAIR
    )


def _sit_to_stand() -> tuple[Frame, Frame]:
    sitting = replace(
        SITTING_CHAIR, near_arm=arm_at(Pose(), -10, -10), far_arm=arm_at(Pose(), -10, -10)
    )
    chair = _chair_by_ankle(sitting)
    standing = replace(
        STANDING, near_arm=arm_at(Pose(), -10, -10), far_arm=arm_at(Pose(), -10, -10)
    )
    return Frame(sitting, chair), Frame(standing, chair)


SIT_TO_STAND = pair(*_sit_to_stand(), anchor="ankle_n")


def _split(height: float, back: float, front: float) -> Pose:
    pose = Pose()
    heel_up = 4.5
    return replace(
        pose,
        near_leg=leg_to(pose, (back, -height + heel_up), -28),
        far_leg=leg_to(pose, (front, -height), 0),
        near_arm=arm_at(pose, -85, -75),
        far_arm=arm_at(pose, -95, -85),
    )


SPLIT_SQUAT = pair(_split(46.5, -20, 18), _split(33, -24, 18), anchor="ankle_f")

_STEP = 12.0


def _step_up(up: bool) -> Frame:
    pose = Pose()
    stand = P.thigh + P.shin - 0.5
    if up:
        posed = replace(
            STANDING,
            near_leg=leg_to(pose, (2.0, -stand), 0),
            far_leg=leg_to(pose, (-6.0, -stand + 3.0), -30),
        )
    else:
        posed = replace(
            STANDING,
            near_leg=leg_to(pose, (12.0, -stand + _STEP), 0),
            far_leg=leg_to(pose, (0.0, -stand), 0),
        )
    step = Block("ankle_n", (-8.0, 12.0), (0.0, _STEP - 2.6), from_floor=True)
    return Frame(posed, (step,))


STEP_UP = pair(_step_up(False), _step_up(True), anchor="ankle_n")

# --- Hinge levels -----------------------------------------------------------------------


def _wall_hinge(lean: float) -> Frame:
    pose = _hinge(lean)
    joints = raw_joints(_hinge(58))
    behind = min(joints["pelvis"][0], joints["hip_n"][0]) - joints["ankle_n"][0] - 5.5
    wall = Block("ankle_n", (behind - 3.5, behind), (0.0, 62.0), from_floor=True)
    return Frame(pose, (wall,))


WALL_HIP_HINGE = pair(_wall_hinge(0), _wall_hinge(58), anchor="ankle_n")


def _one_leg_hinge(lean: float) -> Pose:
    pose = Pose(tilt=lean, neck=-0.2 * lean)
    stand = P.thigh + P.shin - 0.5
    back = -90 - lean + 4
    return replace(
        pose,
        far_leg=leg_to(pose, (0.0, -stand), 0),
        near_leg=leg_at(pose, back, back, back + 80) if lean else leg_at(pose, -88, -91, 0),
        near_arm=arm_at(pose, -90, -90),
        far_arm=arm_at(pose, -92, -92),
    )


SINGLE_LEG_HIP_HINGE = pair(_one_leg_hinge(0), _one_leg_hinge(75), anchor="ankle_f")

# --- Plank levels -----------------------------------------------------------------------


def _kneeling_plank() -> Pose:
    slope = math.degrees(math.asin(P.upper_arm / (P.trunk + P.thigh)))
    pose = Pose(orient="prone", tilt=-slope, neck=-5)
    leg = leg_at(pose, 180 + slope, 180, 180)
    arm = arm_at(pose, -90, 0)
    return replace(pose, near_leg=leg, far_leg=leg, near_arm=arm, far_arm=arm)


KNEELING_PLANK = pair(_plank(False), _kneeling_plank(), anchor="elbow_n")


def _leg_lift() -> Pose:
    pose = _plank(True)
    slope = -pose.tilt
    return replace(pose, near_leg=leg_at(pose, 180 + slope - 10, 180 + slope - 10, 110))


PLANK_LEG_LIFT = pair(_plank(True), _leg_lift(), anchor="elbow_f")

# --- Dead bug levels --------------------------------------------------------------------

_ARMS_DOWN = arm_at(SUPINE, 0, 0)
HEEL_SLIDE = pair(
    LYING_BACK_KNEES_BENT, replace(LYING_BACK_KNEES_BENT, near_leg=leg_at(SUPINE, 0, 0, 80))
)
_TABLE = replace(
    _DEAD_BUG, near_leg=_BUG_LEG, far_leg=_BUG_LEG, near_arm=_ARMS_DOWN, far_arm=_ARMS_DOWN
)
TOE_TAP = pair(_TABLE, replace(_TABLE, near_leg=leg_at(_DEAD_BUG, 42, -40, 20)))

# --- Bird dog levels --------------------------------------------------------------------

ARM_REACH = pair(
    HANDS_AND_KNEES,
    replace(HANDS_AND_KNEES, near_arm=arm_at(ON_ALL_FOURS, 6, 6), neck=22),
    anchor="knee_f",
)
LEG_REACH = pair(
    HANDS_AND_KNEES,
    replace(HANDS_AND_KNEES, far_leg=leg_at(ON_ALL_FOURS, 182, 182, 175)),
    anchor="knee_n",
)

# --- Mobility ---------------------------------------------------------------------------

SEATED_PELVIC_TILT = pair(
    Frame(replace(SITTING_CHAIR, curve=0.14, neck=10), CHAIR),
    Frame(replace(SITTING_CHAIR, curve=-0.12, neck=-5), CHAIR),
)


def _swing(thigh: float) -> Frame:
    pose = replace(STANDING, near_leg=leg_at(Pose(), thigh, thigh - 4, thigh + 90))
    wall = Block("ankle_f", (-14.0, -10.5), (0.0, 70.0), from_floor=True, z=(-30.0, -20.0))
    posed = hands(pose, xy(STANDING, "hand_n"), (-8.0, 8.0))
    return Frame(posed, (wall,))


LEG_SWINGS = pair(_swing(-60), _swing(-115), anchor="ankle_f")

# --- Standing hip abduction (seen from the front) and kicking back on hands and knees ----

STANDING_HIP_ABDUCTION = pair(
    Pose(near_leg=Leg(out=2), far_leg=Leg(out=2), near_arm=Arm(out=8), far_arm=Arm(out=14)),
    Pose(
        lean=-4,
        near_leg=Leg(out=28),
        far_leg=Leg(out=4),
        near_arm=Arm(out=8),
        far_arm=Arm(out=14),
    ),
    FRONT,
    anchor="ankle_f",
)
QUADRUPED_HIP_EXTENSION = pair(
    HANDS_AND_KNEES,
    replace(HANDS_AND_KNEES, near_leg=leg_at(ON_ALL_FOURS, 178, 90, 0)),
    anchor="knee_f",
)

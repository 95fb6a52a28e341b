"""Posing limbs in 3D (plans.figures.reach): directions and points become joint angles."""

import math
import random
from dataclasses import replace

import pytest

from plans.figures.reach import arm_along, arm_reach, leg_along, leg_reach
from plans.figures.skeleton import Pose, Vec, raw_joints


def _unit(v: Vec) -> Vec:
    size = math.sqrt(sum(c * c for c in v))
    return (v[0] / size, v[1] / size, v[2] / size)


def _direction(joints: dict[str, Vec], a: str, b: str) -> Vec:
    return _unit(tuple(joints[b][k] - joints[a][k] for k in range(3)))  # type: ignore[arg-type]


def _poses() -> list[Pose]:
    rng = random.Random(7)  # noqa: S311 - test data, not secrets
    return [
        Pose(
            orient=orient,
            tilt=rng.uniform(-60, 90),
            turn=rng.uniform(-60, 60),
            roll=rng.uniform(-30, 30),
            bend=rng.uniform(0, 40),
            lean=rng.uniform(-20, 20),
        )
        for orient in ("upright", "supine", "prone", "side")
        for _ in range(4)
    ]


def _random_unit(rng: random.Random) -> Vec:
    return _unit((rng.uniform(-1, 1), rng.uniform(-1, 1), rng.uniform(-1, 1)))


@pytest.mark.parametrize("side", ["n", "f"])
def test_limbs_point_along_the_directions_asked(side: str) -> None:
    rng = random.Random(side)  # noqa: S311
    for pose in _poses():
        thigh, shin, upper, fore = (_random_unit(rng) for _ in range(4))
        posed = replace(
            pose,
            **{
                f"{'near' if side == 'n' else 'far'}_leg": leg_along(pose, side, thigh, shin),
                f"{'near' if side == 'n' else 'far'}_arm": arm_along(pose, side, upper, fore),
            },
        )
        joints = raw_joints(posed)
        for got, want in (
            (_direction(joints, f"hip_{side}", f"knee_{side}"), thigh),
            (_direction(joints, f"knee_{side}", f"ankle_{side}"), shin),
            (_direction(joints, f"shoulder_{side}", f"elbow_{side}"), upper),
            (_direction(joints, f"elbow_{side}", f"hand_{side}"), fore),
        ):
            assert got == pytest.approx(want, abs=1e-3)


def test_a_straight_leg_turns_its_foot_as_asked() -> None:
    pose = Pose(tilt=80, turn=40)
    leg = leg_along(pose, "n", (0, -1, 0), (0, -1, 0), (0.6, 0, -0.8))
    joints = raw_joints(replace(pose, near_leg=leg))
    assert _direction(joints, "ankle_n", "toe_n") == pytest.approx((0.6, 0, -0.8), abs=1e-3)


def test_hands_and_feet_reach_their_points() -> None:
    pose = Pose(orient="supine", neck=16)
    ankle, hand = (30.0, -20.0, 12.0), (-20.0, 10.0, 9.0)
    posed = replace(
        pose,
        near_leg=leg_reach(pose, "n", ankle, (0, 1, 0)),
        far_arm=arm_reach(pose, "f", hand, (0, 1, 0)),
    )
    joints = raw_joints(posed)
    assert joints["ankle_n"] == pytest.approx(ankle, abs=0.05)
    assert joints["hand_f"] == pytest.approx(hand, abs=0.05)
    assert joints["knee_n"][1] > max(joints["hip_n"][1], ankle[1])  # bent the way asked

"""A clinic's own figure: a start and an end pose, each a named base pose with a few angles.

Pure Python (no Django). A clinic picks a base pose (standing, lying on the back...) for
each frame and may change four angles of the moving side (the side nearest the viewer, or
the top side when lying on the side): hip, knee, hip out to the side, shoulder. The choice
is stored as plain JSON (PosePair.to_data) and drawn with the same body, scale and line
weight as the built-in pictures.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from plans.figures.poses import (
    CHAIR,
    FROM_ABOVE,
    HALF_KNEELING,
    HANDS_AND_KNEES,
    KNEELING,
    LYING_BACK,
    LYING_BACK_KNEES_BENT,
    LYING_FRONT,
    SIDE_LYING,
    SITTING_CHAIR,
    SITTING_FLOOR,
    STANDING,
)
from plans.figures.skeleton import Pose
from plans.figures.svg import Block, Frame, Pair, View, draw_pair


@dataclass(frozen=True)
class BasePose:
    label: str
    pose: Pose
    view: View = field(default_factory=View)
    props: tuple[Block, ...] = ()


BASE_POSES: Mapping[str, BasePose] = {
    "standing": BasePose("Standing", STANDING),
    "sitting_chair": BasePose("Sitting on a chair", SITTING_CHAIR, props=CHAIR),
    "sitting_floor": BasePose("Sitting on the floor", SITTING_FLOOR),
    "kneeling": BasePose("Kneeling upright", KNEELING),
    "half_kneeling": BasePose("Kneeling on one knee", HALF_KNEELING),
    "hands_knees": BasePose("On hands and knees", HANDS_AND_KNEES),
    "lying_back": BasePose("Lying on the back", LYING_BACK),
    "lying_back_knees_bent": BasePose("Lying on the back, knees bent", LYING_BACK_KNEES_BENT),
    "lying_front": BasePose("Lying on the front", LYING_FRONT),
    "lying_side": BasePose("Lying on the side", SIDE_LYING, FROM_ABOVE),
}

# The angles a clinic may set, with their limits in degrees (docs/library.md, "Posing").
ANGLES: Mapping[str, tuple[str, int, int]] = {
    "hip": ("Hip bent: 0 in line with the body, 90 a right angle, below 0 behind", -45, 150),
    "knee": ("Knee bent: 0 straight, 90 a right angle", 0, 160),
    "hip_out": ("Leg out to the side: 0 in line, below 0 across the other leg", -30, 90),
    "shoulder": ("Arm raised forward: 0 by the side, 90 straight ahead, 180 overhead", -60, 180),
}


class PoseError(ValueError):
    """Pose data that cannot be drawn; the message says why, for the person posing."""


@dataclass(frozen=True)
class PoseChoice:
    """One frame: a base pose, and the moving side's angles (None keeps the base's)."""

    base: str
    hip: int | None = None
    knee: int | None = None
    hip_out: int | None = None
    shoulder: int | None = None

    def __post_init__(self) -> None:
        if self.base not in BASE_POSES:
            raise PoseError(f"Unknown base pose: {self.base!r}.")
        for name, (_label, low, high) in ANGLES.items():
            value = getattr(self, name)
            if value is None:
                continue
            if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
                raise PoseError(f"{name} must be a whole number from {low} to {high}.")

    def to_data(self) -> dict[str, Any]:
        return {"base": self.base, **{name: getattr(self, name) for name in ANGLES}}

    def frame(self) -> Frame:
        base = BASE_POSES[self.base]
        pose = base.pose
        leg, arm = pose.near_leg, pose.near_arm
        leg = replace(
            leg,
            hip=leg.hip if self.hip is None else self.hip,
            knee=leg.knee if self.knee is None else self.knee,
            out=leg.out if self.hip_out is None else self.hip_out,
        )
        arm = replace(arm, shoulder=arm.shoulder if self.shoulder is None else self.shoulder)
        return Frame(replace(pose, near_leg=leg, near_arm=arm), base.props, base.view)


@dataclass(frozen=True)
class PosePair:
    """A clinic exercise's two frames."""

    start: PoseChoice
    end: PoseChoice

    def to_data(self) -> dict[str, Any]:
        return {"start": self.start.to_data(), "end": self.end.to_data()}

    @classmethod
    def from_data(cls, data: object) -> PosePair:
        """Read stored pose data; PoseError if it is not a pose pair we can draw."""
        if not isinstance(data, Mapping) or set(data) != {"start", "end"}:
            raise PoseError("A pose needs a start and an end.")
        frames = []
        for key in ("start", "end"):
            frame = data[key]
            if not isinstance(frame, Mapping) or not set(frame) <= {"base", *ANGLES}:
                raise PoseError(f"The {key} pose is not in the expected shape.")
            values = {name: frame.get(name) for name in ANGLES}
            frames.append(PoseChoice(base=str(frame.get("base", "")), **values))
        return cls(start=frames[0], end=frames[1])

    def pair(self) -> Pair:
        return Pair(start=self.start.frame(), end=self.end.frame())

    def draw(self, *, title: str) -> str:
        """The SVG text, drawn like every built-in picture."""
        return draw_pair(self.pair(), title=title)

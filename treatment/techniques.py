"""The built-in hands-on techniques: pure data, no database (docs/treatment.md).

Each technique has a short description, a firmness (used by the precaution rules in
`treatment.precautions`) and a scope of practice: who is offered it. A clinic adds its own
in `treatment.models.ClinicTechnique`; both are offered through `offered()`.
The descriptions say what is done, never what it achieves: docs/clinical.md
"Hands-on treatment: precautions" holds the only clinical facts this app uses.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass


class Depth(enum.IntEnum):
    """How firm a technique (or the pressure used) is; ordered, so rules can compare."""

    LIGHT = 1
    MODERATE = 2
    FIRM = 3

    @property
    def code(self) -> str:
        return self.name.lower()

    @property
    def label(self) -> str:
        return {1: "Light", 2: "Moderate", 3: "Firm or deep"}[self.value]

    @classmethod
    def from_code(cls, code: str) -> Depth:
        return cls[code.upper()]


DEPTH_CHOICES = tuple((depth.code, depth.label) for depth in Depth)


class Scope(enum.StrEnum):
    """Who may be offered a technique."""

    HANDS_ON = "hands_on"  # every hands-on therapist (massage therapists, physiotherapists)
    PHYSIO = "physio"  # physiotherapists only (joint and nerve techniques)

    @property
    def label(self) -> str:
        return {"hands_on": "All hands-on therapists", "physio": "Physiotherapists only"}[
            self.value
        ]


SCOPE_CHOICES = tuple((scope.value, scope.label) for scope in Scope)
# Profession (clinic.models.Profession values) -> the scopes it is offered.
SCOPES_BY_PROFESSION: dict[str, frozenset[Scope]] = {
    "physiotherapist": frozenset({Scope.HANDS_ON, Scope.PHYSIO}),
    "massage_therapist": frozenset({Scope.HANDS_ON}),
    "other": frozenset({Scope.HANDS_ON}),
}


@dataclass(frozen=True)
class Technique:
    code: str  # a built-in's slug, or "clinic-<id>" for a clinic's own
    name: str
    description: str
    depth: Depth
    scope: Scope
    built_in: bool = True

    def offered_to(self, profession: str) -> bool:
        return self.scope in SCOPES_BY_PROFESSION.get(profession, frozenset({Scope.HANDS_ON}))


def _t(code: str, name: str, description: str, depth: Depth, scope: Scope) -> Technique:
    return Technique(code, name, description, depth, scope)


H, P = Scope.HANDS_ON, Scope.PHYSIO
BUILT_IN: tuple[Technique, ...] = (
    _t(
        "swedish-massage",
        "Swedish massage (effleurage, petrissage)",
        "Long gliding strokes and kneading of the muscles, usually with oil or lotion.",
        Depth.LIGHT,
        H,
    ),
    _t(
        "deep-tissue-massage",
        "Deep tissue massage",
        "Slow strokes and sustained pressure into the deeper layers of a muscle.",
        Depth.FIRM,
        H,
    ),
    _t(
        "myofascial-release",
        "Myofascial release",
        "Sustained, slow stretch of the skin and underlying tissue with hands or forearms.",
        Depth.MODERATE,
        H,
    ),
    _t(
        "trigger-point-compression",
        "Trigger point (ischaemic) compression",
        "Steady pressure held on a tender point in a muscle until it eases, then released.",
        Depth.FIRM,
        H,
    ),
    _t(
        "muscle-energy-technique",
        "Muscle energy technique / contract-relax stretch",
        "The client gently contracts the muscle against the therapist's hand, relaxes, and "
        "the therapist takes up the new range.",
        Depth.MODERATE,
        H,
    ),
    _t(
        "passive-stretching",
        "Passive stretching",
        "The therapist moves the relaxed limb to a comfortable end of range and holds it.",
        Depth.MODERATE,
        H,
    ),
    _t(
        "iastm",
        "Instrument-assisted soft tissue mobilisation",
        "Strokes over the muscle with a smooth-edged tool instead of the hands.",
        Depth.FIRM,
        H,
    ),
    _t(
        "positional-release",
        "Positional release / strain-counterstrain",
        "The body part is placed in a position of ease for a tender point and held there.",
        Depth.LIGHT,
        H,
    ),
    _t(
        "cupping",
        "Cupping",
        "Cups that draw the skin up by suction, left in place or glided. Counted as firm here "
        "because the suction often marks the skin.",
        Depth.FIRM,
        H,
    ),
    _t(
        "foam-roller-instruction",
        "Foam roller instruction",
        "Showing the client how to roll a muscle on a foam roller, with the pressure they "
        "control.",
        Depth.MODERATE,
        H,
    ),
    _t(
        "heat-application",
        "Heat application",
        "A warm pack over the area before or after hands-on work.",
        Depth.LIGHT,
        H,
    ),
    _t(
        "hip-joint-mobilisation",
        "Hip joint mobilisation",
        "Graded passive movements of the hip joint by the therapist.",
        Depth.FIRM,
        P,
    ),
    _t(
        "lumbar-joint-mobilisation",
        "Lumbar joint mobilisation",
        "Graded passive pressures on the lower back's spinal joints.",
        Depth.FIRM,
        P,
    ),
    _t(
        "neural-mobilisation",
        "Neural mobilisation (nerve glides)",
        "Movements of the leg and trunk that slide a nerve gently back and forth.",
        Depth.LIGHT,
        P,
    ),
)
BY_CODE: dict[str, Technique] = {technique.code: technique for technique in BUILT_IN}
CLINIC_PREFIX = "clinic-"


def clinic_code(pk: int) -> str:
    """The code a clinic's own technique is recorded under."""
    return f"{CLINIC_PREFIX}{pk}"


def offered(profession: str, extra: Iterable[Technique] = ()) -> list[Technique]:
    """The built-in techniques and the clinic's own (`extra`) this profession is offered."""
    return [t for t in (*BUILT_IN, *extra) if t.offered_to(profession)]

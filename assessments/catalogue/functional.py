"""Catalogue section of functional screens: squat, step-down, sit-to-stand, lunges, and three
mobility measures (fingertip to floor, knee to wall, thoracic rotation).

Part of `assessments.catalogue.items`, which orders the sections; import from there. Our
sources give no published norm for any of them, so the movements are read qualitatively
(FUNCTION_QUALITY) and the measures are shown and compared, never turned into a finding:
docs/clinical.md "Functional screens".
"""

from assessments.catalogue.scales import FUNCTION_QUALITY
from assessments.catalogue.types import Item, Kind, Section, choice_item, degrees_item

FUNCTION = Section(
    "function",
    "Functional screens",
    (
        choice_item("deep_squat", "Deep squat", FUNCTION_QUALITY),
        choice_item("step_down", "Step-down (stance leg)", FUNCTION_QUALITY, sided=True),
        choice_item("sit_to_stand", "Sit-to-stand", FUNCTION_QUALITY),
        choice_item("forward_lunge", "Forward lunge", FUNCTION_QUALITY),
        choice_item("lunge_twist", "Lunge with a twist", FUNCTION_QUALITY),
        Item(
            "fingertip_floor",
            "Fingertip-to-floor distance",
            Kind.NUMBER,
            unit="cm",
            minimum=0,
            maximum=80,
            decimals=1,
            help="Standing forward bend, knees straight; 0 if the fingers reach the floor.",
        ),
        Item(
            "knee_to_wall",
            "Knee-to-wall (ankle dorsiflexion)",
            Kind.NUMBER,
            sided=True,
            unit="cm",
            minimum=0,
            maximum=25,
            decimals=1,
            help="Toe to wall with the knee touching it and the heel down.",
        ),
        degrees_item("thoracic_rotation", "Thoracic rotation", 0, 90),
    ),
    intro=(
        "Compensates: done, but with a compensation (trunk lean, pelvic drop or twist, knee "
        "moving in, back bending instead of the hips). No published norms in our sources: "
        "these are recorded and compared, not scored."
    ),
)

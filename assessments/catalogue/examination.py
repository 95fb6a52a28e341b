"""Catalogue sections of the table examination: posture, the modified Thomas test, range
of motion, muscle length and the special tests.

Part of `assessments.catalogue.items`, which orders the sections; import from there.
"""

from assessments.catalogue.scales import POS_NEG, YES_NO
from assessments.catalogue.types import (
    Item,
    Kind,
    Section,
    choice_item,
    degrees_item,
    score_item,
)

POSTURE = Section(
    "posture",
    "Posture",
    (
        choice_item(
            "pelvic_tilt_direction",
            "Pelvic tilt",
            (("anterior", "Anterior"), ("neutral", "Neutral"), ("posterior", "Posterior")),
        ),
        degrees_item(
            "pelvic_tilt_deg",
            "Pelvic tilt angle",
            0,
            40,
            sided=False,
            help="ASIS-PSIS line to horizontal.",
        ),
        choice_item(
            "pelvic_tilt_instrument",
            "Tilt measured with",
            (
                ("inclinometer", "Inclinometer"),
                ("palpation_meter", "Palpation meter"),
                ("visual", "Visual estimate"),
            ),
        ),
        choice_item(
            "lumbar_lordosis",
            "Lumbar lordosis",
            (("increased", "Increased"), ("normal", "Normal"), ("decreased", "Decreased")),
        ),
        Item(
            "leg_length_true",
            "True leg length",
            Kind.NUMBER,
            sided=True,
            unit="cm",
            minimum=50,
            maximum=130,
            decimals=1,
            help="ASIS to medial malleolus.",
        ),
    ),
)

THOMAS = Section(
    "thomas",
    "Thomas test (modified)",
    (
        degrees_item(
            "thomas_hip_angle",
            "Hip angle to the table",
            -30,
            45,
            help="Positive: thigh above the table.",
        ),
        degrees_item("thomas_knee_angle", "Knee flexion angle", 0, 160),
        degrees_item("thomas_abduction", "Thigh abduction", -20, 45),
        choice_item(
            "thomas_pelvis_controlled", "Pelvis controlled (lumbar flat)", YES_NO, sided=True
        ),
    ),
)

RANGE_OF_MOTION = Section(
    "rom",
    "Range of motion",
    (
        degrees_item("hip_flexion", "Hip flexion", 0, 150),
        degrees_item("hip_extension", "Hip extension", -30, 50),
        degrees_item("hip_abduction", "Hip abduction", 0, 90),
        degrees_item("hip_adduction", "Hip adduction", 0, 50),
        degrees_item("hip_internal_rotation", "Hip internal rotation", 0, 80),
        degrees_item("hip_external_rotation", "Hip external rotation", 0, 90),
        choice_item(
            "hip_rotation_position",
            "Rotation measured",
            (("seated", "Seated"), ("prone", "Prone"), ("supine", "Supine")),
        ),
        degrees_item("lumbar_flexion", "Lumbar flexion", 0, 100, sided=False),
        degrees_item("lumbar_extension", "Lumbar extension", 0, 60, sided=False),
        degrees_item("lumbar_side_flexion", "Lumbar side flexion", 0, 60),
        choice_item(
            "rom_instrument",
            "Measured with",
            (
                ("goniometer", "Goniometer"),
                ("inclinometer", "Inclinometer"),
                ("visual", "Visual estimate"),
            ),
        ),
    ),
)

MUSCLE_LENGTH = Section(
    "muscle_length",
    "Muscle length",
    (
        degrees_item("slr_angle", "Straight leg raise", 0, 130),
        choice_item(
            "slr_below_knee_pain", "SLR reproduces pain below the knee", YES_NO, sided=True
        ),
        degrees_item(
            "ake_deficit",
            "90/90 knee extension deficit",
            0,
            90,
            help="Degrees short of a straight knee.",
        ),
        choice_item(
            "ober",
            "Ober test",
            POS_NEG,
            sided=True,
            help="Positive: the leg stays up, cannot reach horizontal.",
        ),
    ),
)

SPECIAL_TESTS = Section(
    "special_tests",
    "Special tests",
    (
        choice_item("faber", "FABER (Patrick)", POS_NEG, sided=True),
        choice_item(
            "faber_pain_site",
            "FABER: where it hurt",
            (
                ("posterior", "Back / SIJ"),
                ("groin", "Groin"),
                ("lateral", "Side of hip"),
                ("other", "Elsewhere"),
            ),
            sided=True,
        ),
        choice_item("fadir", "FADIR", POS_NEG, sided=True),
        choice_item("fair", "FAIR (piriformis)", POS_NEG, sided=True),
        score_item("aslr_score", "Active SLR score", 5, sided=True, unit="/5"),
    ),
)

"""Catalogue sections of active testing: strength (Oxford grades and optional dynamometer
force per muscle) and movement and compensation.

Part of `assessments.catalogue.items`, which orders the sections; import from there.
"""

from assessments.catalogue.scales import OXFORD, OXFORD_RETIRED, POS_NEG, YES_NO
from assessments.catalogue.types import Item, Kind, Section, choice_item

STRENGTH_MUSCLES = (
    ("glute_max", "Gluteus maximus"),
    ("glute_med", "Gluteus medius"),
    ("iliopsoas", "Iliopsoas"),
    ("hamstrings", "Hamstrings"),
    ("deep_abdominals", "Deep abdominals"),
    ("back_extensors", "Back extensors"),
)

STRENGTH = Section(
    "strength",
    "Strength",
    tuple(
        choice_item(f"strength_{code}", label, OXFORD, sided=True, retired=OXFORD_RETIRED)
        for code, label in STRENGTH_MUSCLES
    )
    + tuple(
        Item(
            f"force_{code}",
            f"{label} force",
            Kind.NUMBER,
            sided=True,
            minimum=0,
            maximum=2000,
            decimals=1,
        )
        for code, label in STRENGTH_MUSCLES
    )
    + (
        choice_item(
            "force_unit",
            "Dynamometer unit",
            # Labels start with the unit, so typing "n" or "nm" picks it.
            (("N", "N (newtons)"), ("Nm", "Nm (newton-metres)")),
        ),
        Item("force_position", "Dynamometer position", Kind.TEXT, max_length=200),
    ),
    intro="Oxford scale 0-5; dynamometer force is optional.",
)

MOVEMENT = Section(
    "movement",
    "Movement and compensation",
    (
        choice_item("trendelenburg", "Trendelenburg sign (stance leg)", POS_NEG, sided=True),
        choice_item("sls_trunk_lean", "Single-leg squat: trunk lean", YES_NO, sided=True),
        choice_item("sls_pelvic_drop", "Single-leg squat: pelvic drop", YES_NO, sided=True),
        choice_item("sls_knee_inward", "Single-leg squat: knee moves inward", YES_NO, sided=True),
        choice_item(
            "sls_lumbar_extension", "Single-leg squat: lumbar extension", YES_NO, sided=True
        ),
        choice_item(
            "prone_hip_ext_lumbar",
            "Prone hip extension: lumbar substitution",
            YES_NO,
            sided=True,
        ),
        choice_item("forward_bend_hips_stiff", "Forward bend: hips stiff, back bends", YES_NO),
        choice_item("gait_trendelenburg", "Gait: Trendelenburg", YES_NO),
        choice_item("gait_short_stride", "Gait: shortened stride", YES_NO),
        choice_item("gait_hip_hiking", "Gait: hip hiking", YES_NO),
    ),
)

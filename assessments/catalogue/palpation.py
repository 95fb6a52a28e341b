"""Catalogue section of palpation: tone, tenderness and trigger points per muscle and side.

Part of `assessments.catalogue.items`, which orders the sections; import from there.
Recording conventions and the reliability caveat: docs/clinical.md "Palpation". Per muscle,
three sided drop-downs (tone, tenderness, trigger point) and one short text for where a
trigger point refers (once per muscle, not per side: it is written only where a trigger
point was found, and two fields per muscle would add ten widgets to an already long page:
docs/assessment.md "Palpation").
"""

from assessments.catalogue.scales import TENDERNESS, TONE, TRIGGER_POINT
from assessments.catalogue.types import Item, Kind, Section, choice_item

# The muscles this product treats (docs/clinical.md "The presentation"), in the order a
# therapist palpates them: front of the hip, side, buttock, inner and back of the thigh,
# then the low back.
PALPATION_MUSCLES = (
    ("iliopsoas", "Iliopsoas"),
    ("rectus_femoris", "Rectus femoris"),
    ("tfl_itb", "TFL / ITB"),
    ("glute_max", "Gluteus maximus"),
    ("glute_med", "Gluteus medius"),
    ("piriformis", "Piriformis"),
    ("adductors", "Adductors"),
    ("hamstrings", "Hamstrings"),
    ("quadratus_lumborum", "Quadratus lumborum"),
    ("lumbar_erectors", "Lumbar erectors"),
)
REFERRAL_MAX_LENGTH = 100


def palpation_code(muscle: str, part: str) -> str:
    """The item code of one muscle's tone, tender, trigger or referral: palp_piriformis_tone."""
    return f"palp_{muscle}_{part}"


def _muscle_items(muscle: str, label: str) -> tuple[Item, ...]:
    return (
        choice_item(palpation_code(muscle, "tone"), f"{label}: tone", TONE, sided=True),
        choice_item(
            palpation_code(muscle, "tender"), f"{label}: tenderness", TENDERNESS, sided=True
        ),
        choice_item(
            palpation_code(muscle, "trigger"),
            f"{label}: trigger point",
            TRIGGER_POINT,
            sided=True,
        ),
        Item(
            palpation_code(muscle, "referral"),
            f"{label}: trigger point refers to",
            Kind.TEXT,
            max_length=REFERRAL_MAX_LENGTH,
        ),
    )


PALPATION = Section(
    "palpation",
    "Palpation",
    tuple(item for muscle, label in PALPATION_MUSCLES for item in _muscle_items(muscle, label)),
    intro=(
        "Record only the muscles you palpated; blank is not palpated. Tenderness 0-3; a trigger "
        'point with "Familiar pain" reproduces the client\'s own pain, and "refers to" says where '
        "it refers (name the side if both sides differ). Palpation is supporting evidence: it "
        "strengthens a suggestion a measured test made, never makes one on its own."
    ),
)

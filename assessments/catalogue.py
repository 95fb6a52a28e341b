"""The catalogue of assessment items: what can be recorded, in which section, with bounds.

Pure data, no Django. Every measurement row stores an item `code` from here. Adding a
test means adding an Item (and a migration for its database bounds, which
`makemigrations` writes); forms, storage, display, comparison and the interchange JSON
all follow from the catalogue. Items, norms and cut-offs: ../shared/CLINICAL.md.
"""

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum


class Kind(StrEnum):
    NUMBER = "number"
    CHOICE = "choice"
    TEXT = "text"


class Side(StrEnum):
    NONE = ""
    LEFT = "left"
    RIGHT = "right"


YES_NO = (("yes", "Yes"), ("no", "No"))
POS_NEG = (("positive", "Positive"), ("negative", "Negative"))
PAIN_SIDE = (("left", "Left"), ("right", "Right"), ("both", "Both sides"))
# Oxford / MRC scale 0-5 with +/- (CLINICAL.md, Strength). Each whole grade comes before
# its minus and plus so typing "3" on the keyboard picks 3, and "3-" picks 3-.
OXFORD = (
    ("0", "0 none"),
    ("1", "1 flicker"),
    ("2", "2 gravity eliminated"),
    ("2-", "2-"),
    ("2+", "2+"),
    ("3", "3 against gravity"),
    ("3-", "3-"),
    ("3+", "3+"),
    ("4", "4 some resistance"),
    ("4-", "4-"),
    ("4+", "4+"),
    ("5", "5 normal"),
    ("5-", "5-"),
)
OXFORD_SCORE = {"0": 0, "1": 1, "2-": 1.67, "2": 2, "2+": 2.33, "3-": 2.67, "3": 3, "3+": 3.33,
                "4-": 3.67, "4": 4, "4+": 4.33, "5-": 4.67, "5": 5}  # fmt: skip


@dataclass(frozen=True)
class Item:
    """One thing a therapist can record, once or per side."""

    code: str
    label: str
    kind: Kind
    sided: bool = False
    unit: str = ""
    minimum: float | None = None
    maximum: float | None = None
    decimals: int = 0
    choices: tuple[tuple[str, str], ...] = ()
    help: str = ""
    max_length: int = 200

    @property
    def sides(self) -> tuple[Side, ...]:
        return (Side.LEFT, Side.RIGHT) if self.sided else (Side.NONE,)

    def choice_label(self, value: str) -> str:
        return dict(self.choices).get(value, value)


@dataclass(frozen=True)
class Section:
    code: str
    title: str
    items: tuple[Item, ...]
    # Copy forward carries measurements; pain, red flags and questionnaires are asked anew.
    carry_forward: bool = True
    intro: str = ""
    notes: tuple[str, ...] = field(default=())


def _deg(
    code: str, label: str, low: float, high: float, *, sided: bool = True, help: str = ""
) -> Item:
    return Item(
        code, label, Kind.NUMBER, sided=sided, unit="°", minimum=low, maximum=high, help=help
    )


def _choice(code: str, label: str, choices: tuple[tuple[str, str], ...], *, sided: bool = False,
            help: str = "") -> Item:  # fmt: skip
    return Item(code, label, Kind.CHOICE, sided=sided, choices=choices, help=help)


def _score(code: str, label: str, high: int, *, sided: bool = False, unit: str = "") -> Item:
    return Item(code, label, Kind.NUMBER, sided=sided, unit=unit, minimum=0, maximum=high)


# Red-flag screen (CLINICAL.md, "Red flags"): code, question, group.
RED_FLAGS = (
    ("rf_bladder_bowel", "New bladder or bowel disturbance", "cauda_equina"),
    ("rf_saddle_numbness", "Saddle or genital numbness", "cauda_equina"),
    ("rf_bilateral_leg", "Bilateral leg pain or progressive bilateral weakness", "cauda_equina"),
    ("rf_sexual_dysfunction", "New sexual dysfunction", "cauda_equina"),
    ("rf_cancer_history", "History of cancer", "cancer"),
    ("rf_weight_loss", "Unexplained weight loss", "cancer"),
    ("rf_age_new_pain", "Age over 50 (or under 20) with new back pain", "cancer"),
    ("rf_night_pain", "Persistent night pain", "cancer"),
    ("rf_no_improvement", "No improvement after a month", "cancer"),
    ("rf_fever", "Fever or chills", "infection"),
    ("rf_immunosuppression", "Immunosuppression", "infection"),
    ("rf_iv_drugs", "Intravenous drug use", "infection"),
    ("rf_recent_infection", "Recent infection", "infection"),
    ("rf_major_trauma", "Significant trauma", "fracture"),
    ("rf_minor_trauma_bone", "Minor trauma with osteoporosis or long-term steroids", "fracture"),
    ("rf_progressive_neuro", "Progressive weakness or numbness", "neurological"),
    ("rf_below_knee", "Pain radiating below the knee", "neurological"),
)
RED_FLAG_GROUP = {code: group for code, _, group in RED_FLAGS}

STRENGTH_MUSCLES = (
    ("glute_max", "Gluteus maximus"),
    ("glute_med", "Gluteus medius"),
    ("iliopsoas", "Iliopsoas"),
    ("hamstrings", "Hamstrings"),
    ("deep_abdominals", "Deep abdominals"),
    ("back_extensors", "Back extensors"),
)

SECTIONS: tuple[Section, ...] = (
    Section(
        "subjective",
        "Pain and history",
        (
            # NPRS 0-10 (CLINICAL.md, Pain and function; LOINC 72514-3).
            _score("pain_now", "Pain now (NPRS)", 10, unit="/10"),
            _score("pain_worst_24h", "Worst pain, last 24 hours (NPRS)", 10, unit="/10"),
            _choice("pain_site_low_back", "Pain: low back", (*PAIN_SIDE, ("central", "Central"))),
            _choice("pain_site_buttock", "Pain: buttock", PAIN_SIDE),
            _choice("pain_site_groin", "Pain: groin", PAIN_SIDE),
            _choice("pain_site_thigh", "Pain: thigh", PAIN_SIDE),
            _choice("pain_site_below_knee", "Pain: below the knee", PAIN_SIDE),
            _choice("agg_sitting", "Worse with sitting", YES_NO),
            _choice("agg_standing", "Worse with standing", YES_NO),
            _choice("agg_bending", "Worse with bending", YES_NO),
            _choice("agg_walking", "Worse with walking", YES_NO),
            _choice("agg_lying", "Worse with lying", YES_NO),
            Item(
                "sitting_hours",
                "Hours sitting per day",
                Kind.NUMBER,
                unit="h",
                minimum=0,
                maximum=24,
                decimals=1,
            ),
        ),
        carry_forward=False,
    ),
    Section(
        "red_flags",
        "Red-flag screen",
        tuple(_choice(code, label, YES_NO) for code, label, _ in RED_FLAGS),
        carry_forward=False,
        intro="Ask every visit. A yes stops the home program until the client is referred.",
    ),
    Section(
        "posture",
        "Posture",
        (
            _choice(
                "pelvic_tilt_direction",
                "Pelvic tilt",
                (("anterior", "Anterior"), ("neutral", "Neutral"), ("posterior", "Posterior")),
            ),
            _deg(
                "pelvic_tilt_deg",
                "Pelvic tilt angle",
                0,
                40,
                sided=False,
                help="ASIS-PSIS line to horizontal.",
            ),
            _choice(
                "pelvic_tilt_instrument",
                "Tilt measured with",
                (
                    ("inclinometer", "Inclinometer"),
                    ("palpation_meter", "Palpation meter"),
                    ("visual", "Visual estimate"),
                ),
            ),
            _choice(
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
    ),
    Section(
        "thomas",
        "Thomas test (modified)",
        (
            _deg(
                "thomas_hip_angle",
                "Hip angle to the table",
                -30,
                45,
                help="Positive: thigh above the table.",
            ),
            _deg("thomas_knee_angle", "Knee flexion angle", 0, 160),
            _deg("thomas_abduction", "Thigh abduction", -20, 45),
            _choice(
                "thomas_pelvis_controlled", "Pelvis controlled (lumbar flat)", YES_NO, sided=True
            ),
        ),
    ),
    Section(
        "rom",
        "Range of motion",
        (
            _deg("hip_flexion", "Hip flexion", 0, 150),
            _deg("hip_extension", "Hip extension", -30, 50),
            _deg("hip_abduction", "Hip abduction", 0, 90),
            _deg("hip_adduction", "Hip adduction", 0, 50),
            _deg("hip_internal_rotation", "Hip internal rotation", 0, 80),
            _deg("hip_external_rotation", "Hip external rotation", 0, 90),
            _choice(
                "hip_rotation_position",
                "Rotation measured",
                (("seated", "Seated"), ("prone", "Prone"), ("supine", "Supine")),
            ),
            _deg("lumbar_flexion", "Lumbar flexion", 0, 100, sided=False),
            _deg("lumbar_extension", "Lumbar extension", 0, 60, sided=False),
            _deg("lumbar_side_flexion", "Lumbar side flexion", 0, 60),
            _choice(
                "rom_instrument",
                "Measured with",
                (
                    ("goniometer", "Goniometer"),
                    ("inclinometer", "Inclinometer"),
                    ("visual", "Visual estimate"),
                ),
            ),
        ),
    ),
    Section(
        "muscle_length",
        "Muscle length",
        (
            _deg("slr_angle", "Straight leg raise", 0, 130),
            _choice(
                "slr_below_knee_pain", "SLR reproduces pain below the knee", YES_NO, sided=True
            ),
            _deg(
                "ake_deficit",
                "90/90 knee extension deficit",
                0,
                90,
                help="Degrees short of a straight knee.",
            ),
            _choice(
                "ober",
                "Ober test",
                POS_NEG,
                sided=True,
                help="Positive: the leg stays up, cannot reach horizontal.",
            ),
        ),
    ),
    Section(
        "special_tests",
        "Special tests",
        (
            _choice("faber", "FABER (Patrick)", POS_NEG, sided=True),
            _choice(
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
            _choice("fadir", "FADIR", POS_NEG, sided=True),
            _choice("fair", "FAIR (piriformis)", POS_NEG, sided=True),
            _score("aslr_score", "Active SLR score", 5, sided=True, unit="/5"),
        ),
    ),
    Section(
        "strength",
        "Strength",
        tuple(
            _choice(f"strength_{code}", label, OXFORD, sided=True)
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
            _choice(
                "force_unit",
                "Dynamometer unit",
                (("N", "newtons (N)"), ("Nm", "newton-metres (Nm)")),
            ),
            Item("force_position", "Dynamometer position", Kind.TEXT, max_length=200),
        ),
        intro="Oxford scale 0-5; dynamometer force is optional.",
    ),
    Section(
        "movement",
        "Movement and compensation",
        (
            _choice("trendelenburg", "Trendelenburg sign (stance leg)", POS_NEG, sided=True),
            _choice("sls_trunk_lean", "Single-leg squat: trunk lean", YES_NO, sided=True),
            _choice("sls_pelvic_drop", "Single-leg squat: pelvic drop", YES_NO, sided=True),
            _choice("sls_knee_inward", "Single-leg squat: knee moves inward", YES_NO, sided=True),
            _choice(
                "sls_lumbar_extension", "Single-leg squat: lumbar extension", YES_NO, sided=True
            ),
            _choice(
                "prone_hip_ext_lumbar",
                "Prone hip extension: lumbar substitution",
                YES_NO,
                sided=True,
            ),
            _choice("forward_bend_hips_stiff", "Forward bend: hips stiff, back bends", YES_NO),
            _choice("gait_trendelenburg", "Gait: Trendelenburg", YES_NO),
            _choice("gait_short_stride", "Gait: shortened stride", YES_NO),
            _choice("gait_hip_hiking", "Gait: hip hiking", YES_NO),
        ),
    ),
    Section(
        "outcomes",
        "Outcome measures",
        tuple(
            item
            for n in range(1, 6)
            for item in (
                Item(f"psfs_activity_{n}", f"PSFS activity {n}", Kind.TEXT, max_length=120),
                _score(f"psfs_score_{n}", f"PSFS activity {n} score", 10, unit="/10"),
            )
        )
        + tuple(_score(f"odi_section_{n}", f"ODI section {n}", 5) for n in range(1, 11))
        + (
            Item(
                "odi_percent",
                "ODI total (from your form)",
                Kind.NUMBER,
                unit="%",
                minimum=0,
                maximum=100,
                decimals=1,
            ),
            _score("startback_total", "STarT Back total", 9),
            _score("startback_distress", "STarT Back distress subscale", 5),
        ),
        carry_forward=False,
        intro=(
            "Enter scores from your clinic's licensed forms; questionnaire wording is not "
            "reproduced here (ODI and STarT Back licences)."
        ),
    ),
)

ITEMS: dict[str, Item] = {item.code: item for section in SECTIONS for item in section.items}
SECTION_OF: dict[str, Section] = {
    item.code: section for section in SECTIONS for item in section.items
}


def value_problem(item: Item, value: object) -> str | None:
    """Why a value cannot be stored for this item (None when it can): kind and bounds."""
    if item.kind is Kind.NUMBER:
        try:
            number = float(str(value))
        except ValueError:
            return f"{item.label}: {value!r} is not a number."
        exponent = Decimal(str(value)).normalize().as_tuple().exponent
        if isinstance(exponent, int) and -exponent > item.decimals:
            places = (
                "whole numbers only" if item.decimals == 0 else f"{item.decimals} decimal place"
            )
            return f"{item.label}: {places}."
        low, high = item.minimum, item.maximum
        if low is not None and high is not None and not low <= number <= high:
            return f"{item.label} must be between {low:g} and {high:g}."
        return None
    if not isinstance(value, str):
        return f"{item.label}: expected text, got {type(value).__name__}."
    if item.kind is Kind.CHOICE and value not in dict(item.choices):
        allowed = ", ".join(code for code, _ in item.choices)
        return f"{item.label}: {value!r} is not one of {allowed}."
    if item.kind is Kind.TEXT and len(value) > item.max_length:
        return f"{item.label}: at most {item.max_length} characters."
    return None

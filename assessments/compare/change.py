"""What counts as a change between two visits, and which way is better (pure data and
rules; docs/clinical.md "Meaningful change"): the classifications a row gets, the better
direction of each numeric item and Oxford grade, the choice that marks a problem, the
instruments whose readings only compare with themselves, and the meaningful change per
item. Used by the comparison (assessments/compare/visits.py) and the progress charts."""

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from assessments.catalogue.items import (
    FUNCTION_QUALITY,
    OXFORD,
    PALPATION_MUSCLES,
    SECTIONS,
    STRENGTH_MUSCLES,
    TENDERNESS,
    TRIGGER_POINT,
    palpation_code,
)
from assessments.outcomes import RMDQ_MCID_POINTS, RMDQ_MCID_RELATIVE, STARTBACK_ITEMS

Classification = Literal["improved", "worse", "within error", "changed", ""]
IMPROVED: Classification = "improved"
WORSE: Classification = "worse"
WITHIN_ERROR: Classification = "within error"
CHANGED: Classification = "changed"
NOT_COMPARABLE: Classification = ""

HIGHER, LOWER = "higher", "lower"

PAIN_CODES = ("pain_now", "pain_worst_24h")
DEGREE_CODES = tuple(
    item.code for section in SECTIONS for item in section.items if item.unit == "°"
)
OXFORD_CODES = tuple(
    item.code for section in SECTIONS for item in section.items if item.choices == OXFORD
)

# Which way is better for numeric items and Oxford grades (the docstring of
# assessments/compare/visits.py).
DIRECTION: Mapping[str, str] = {
    **dict.fromkeys(PAIN_CODES, LOWER),
    "odi_percent": LOWER,
    "odi_score": LOWER,
    **{f"odi_section_{n}": LOWER for n in range(1, 11)},
    "startback_total": LOWER,
    "startback_distress": LOWER,
    "startback_score": LOWER,
    "startback_psychosocial": LOWER,
    "rmdq_score": LOWER,
    "stress_rating": LOWER,
    **{f"psfs_score_{n}": HIGHER for n in range(1, 6)},
    "psfs_mean": HIGHER,
    **{
        code: HIGHER
        for code in DEGREE_CODES
        if code.startswith(("hip_", "lumbar_"))  # range of motion
    },
    "slr_angle": HIGHER,
    "thomas_hip_angle": LOWER,  # thigh above the table = tight iliopsoas
    "thomas_knee_angle": HIGHER,  # knee angle limited = tight rectus femoris
    "thomas_abduction": LOWER,  # thigh abducted = tight TFL/ITB
    "ake_deficit": LOWER,  # degrees short of a straight knee
    "aslr_score": LOWER,  # any score above 0 is positive
    "thoracic_rotation": HIGHER,  # functional screens: more mobility, a nearer reach
    "knee_to_wall": HIGHER,
    "fingertip_floor": LOWER,
    **{f"force_{code}": HIGHER for code, _ in STRENGTH_MUSCLES},  # no error known: "changed"
    **dict.fromkeys(OXFORD_CODES, HIGHER),
}

# For choice items: the value that marks a problem, so leaving it is improved.
_YES_IS_BAD = (
    "agg_sitting", "agg_standing", "agg_bending", "agg_walking", "agg_lying",
    "slr_below_knee_pain", "sls_trunk_lean", "sls_pelvic_drop", "sls_knee_inward",
    "sls_lumbar_extension", "prone_hip_ext_lumbar", "forward_bend_hips_stiff",
    "gait_trendelenburg", "gait_short_stride", "gait_hip_hiking", "stiff_after_rest",
    "straighten_after_sitting", "flare_up",
)  # fmt: skip
_POSITIVE_IS_BAD = ("faber", "fadir", "fair", "ober", "trendelenburg")
BAD_CHOICE: Mapping[str, str] = {
    **dict.fromkeys(_YES_IS_BAD, "yes"),
    **{code: "yes" for section in SECTIONS if section.code == "red_flags"
       for code in (item.code for item in section.items)},
    **dict.fromkeys(_POSITIVE_IS_BAD, "positive"),
    # Items 1-8 score a point for "agree"; item 9 has five answers, so it is only "changed".
    **{f"startback_{n}": "agree" for n in STARTBACK_ITEMS[:-1]},
}  # fmt: skip
# Choices on an ordered scale, best first: a move towards the front is improved (palpation:
# tenderness 0-3; no trigger point, one, one reproducing the familiar pain; functional
# screens: normal, compensates, unable).
ORDERED_CHOICE: Mapping[str, tuple[str, ...]] = {
    **{
        item.code: tuple(code for code, _ in FUNCTION_QUALITY)
        for section in SECTIONS
        for item in section.items
        if item.choices == FUNCTION_QUALITY
    },
    **{
        palpation_code(muscle, "tender"): tuple(code for code, _ in TENDERNESS)
        for muscle, _ in PALPATION_MUSCLES
    },
    **{
        palpation_code(muscle, "trigger"): tuple(code for code, _ in TRIGGER_POINT)
        for muscle, _ in PALPATION_MUSCLES
    },
}
# Choices with one normal answer either side of which is a problem (palpation tone):
# reaching it is improved, leaving it worse, decreased <-> increased only "changed".
NORMAL_CHOICE: Mapping[str, str] = {
    palpation_code(muscle, "tone"): "normal" for muscle, _ in PALPATION_MUSCLES
}
# STarT Back risk groups, lowest risk first.
RISK_ORDER = ("low", "medium", "high")

# The instrument item and the items it measured (docs/clinical.md: goniometer and inclinometer
# differ by 3-5 deg, compare visits only on the same instrument).
INSTRUMENTS: Mapping[str, tuple[str, ...]] = {
    "rom_instrument": tuple(
        item.code
        for section in SECTIONS
        if section.code == "rom"
        for item in section.items
        if item.unit == "°"
    ),
    "pelvic_tilt_instrument": ("pelvic_tilt_deg",),
}

# docs/clinical.md "Meaningful change".
NPRS_POINTS = Decimal(2)
PSFS_MEAN_POINTS = Decimal(2)
PSFS_ACTIVITY_POINTS = Decimal(3)
ODI_POINTS = Decimal(10)
RELATIVE = Decimal("0.3")  # the 30% rule for NPRS and ODI (Roland-Morris: outcomes)


@dataclass(frozen=True)
class Threshold:
    """A meaningful change: at least `points` (or more than, when not `inclusive`), or at
    least `relative` x the earlier value, whichever is met."""

    points: Decimal
    relative: Decimal | None = None
    inclusive: bool = True

    def met(self, before: Decimal, change: Decimal) -> bool:
        size = abs(change)
        absolute = size >= self.points if self.inclusive else size > self.points
        proportional = self.relative is not None and before > 0 and size >= self.relative * before
        return absolute or proportional


def thresholds(cutoffs: Mapping[str, float]) -> dict[str, Threshold]:
    """The meaningful change per numeric item code (and the derived rows) for these cut-offs."""
    degrees = Threshold(Decimal(str(cutoffs["side_difference_deg"])), inclusive=False)
    oxford = Threshold(Decimal(str(cutoffs["oxford_side_difference"])))
    odi_rule = Threshold(ODI_POINTS, RELATIVE)
    return {
        **dict.fromkeys(PAIN_CODES, Threshold(NPRS_POINTS, RELATIVE)),
        "odi_percent": odi_rule,
        "odi_score": odi_rule,
        "rmdq_score": Threshold(RMDQ_MCID_POINTS, RMDQ_MCID_RELATIVE),
        "psfs_mean": Threshold(PSFS_MEAN_POINTS),
        **{f"psfs_score_{n}": Threshold(PSFS_ACTIVITY_POINTS) for n in range(1, 6)},
        **dict.fromkeys(DEGREE_CODES, degrees),
        **dict.fromkeys(OXFORD_CODES, oxford),
    }

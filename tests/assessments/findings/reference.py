"""The reference mild first visit: a whole examination, as a therapist records it.

The client: 42, office worker, eight hours a day at a desk; a dull ache low in the back on the
right and in the right buttock for three months, worse with sitting and bending, easier when
walking. Nothing below the knee, no red flag. STarT Back low risk, ODI 20% (minimal).

The examination (goniometer, hip rotation prone) found what a senior clinician would write:
short right hip flexors with limited right hip extension, a weak gluteus maximus (more on the
right), the back arching for the hip in prone hip extension on the right, increased lumbar
lordosis, and long sitting. Everything else is normal, or off the cut-off by no more than the
goniometer's measurement error (7°, docs/clinical.md "Measurement error"): those readings are
the ones the findings must NOT report. Marked `# within error` below.

128 values: 17 red-flag answers, 61 other choices, 50 numbers or notes. The findings it must give
are in test_reference_case.py, each with its reason.
"""

from tests.assessments.findings.helpers import Entries, L, N, R

RED_FLAG_ITEMS = (
    "rf_bladder_bowel",
    "rf_saddle_numbness",
    "rf_bilateral_leg",
    "rf_sexual_dysfunction",
    "rf_cancer_history",
    "rf_weight_loss",
    "rf_age_new_pain",
    "rf_night_pain",
    "rf_no_improvement",
    "rf_fever",
    "rf_immunosuppression",
    "rf_iv_drugs",
    "rf_recent_infection",
    "rf_major_trauma",
    "rf_minor_trauma_bone",
    "rf_progressive_neuro",
    "rf_below_knee",
)


def _both(code: str, left: int | str, right: int | str) -> Entries:
    return {(code, L): left, (code, R): right}


REFERENCE_MILD: Entries = {
    # Pain and function
    ("pain_now", N): 3,
    ("pain_worst_24h", N): 5,
    ("pain_site_low_back", N): "right",
    ("pain_site_buttock", N): "right",
    ("agg_sitting", N): "yes",
    ("agg_standing", N): "no",
    ("agg_bending", N): "yes",
    ("agg_walking", N): "no",
    ("agg_lying", N): "no",
    ("sitting_hours", N): 8,
    # Red-flag screen: all no
    **{(item, N): "no" for item in RED_FLAG_ITEMS},
    # Posture
    ("pelvic_tilt_direction", N): "anterior",
    ("pelvic_tilt_deg", N): 11,  # no clinic threshold: recorded, not a finding
    ("pelvic_tilt_instrument", N): "inclinometer",
    ("lumbar_lordosis", N): "increased",
    **_both("leg_length_true", 89, 89),
    # Thomas test
    **_both("thomas_hip_angle", 4, 12),  # left 4° within error of 0°
    **_both("thomas_knee_angle", 62, 61),  # within error of 67°
    **_both("thomas_abduction", 0, 3),  # right 3° within error of 0°
    **_both("thomas_pelvis_controlled", "yes", "yes"),
    # Range of motion
    **_both("hip_flexion", 112, 106),  # right 4° under 110°, sides 6°: within error
    **_both("hip_extension", 8, 1),  # left 2° under 10°: within error; sides differ by 7°
    **_both("hip_abduction", 36, 33),
    **_both("hip_adduction", 24, 22),
    **_both("hip_internal_rotation", 33, 26),  # right 4° under 30°, sides 7°: within error
    **_both("hip_external_rotation", 44, 40),
    ("hip_rotation_position", N): "prone",
    ("lumbar_flexion", N): 46,
    ("lumbar_extension", N): 13,
    **_both("lumbar_side_flexion", 19, 18),
    ("rom_instrument", N): "goniometer",
    # Muscle length
    **_both("slr_angle", 76, 74),  # within error of 80°
    **_both("slr_below_knee_pain", "no", "no"),
    **_both("ake_deficit", 16, 23),  # right 3° over 20°: within error
    **_both("ober", "negative", "negative"),
    # Special tests
    **_both("faber", "negative", "negative"),
    **_both("fadir", "negative", "negative"),
    **_both("fair", "negative", "negative"),
    **_both("aslr_score", 0, 0),
    # Strength (Oxford)
    **_both("strength_glute_max", "4+", "4-"),
    **_both("strength_glute_med", "5", "5"),
    **_both("strength_iliopsoas", "5", "5"),
    **_both("strength_hamstrings", "5", "5"),
    **_both("strength_deep_abdominals", "5", "5"),
    **_both("strength_back_extensors", "5", "5"),
    # Movement and compensation
    **_both("trendelenburg", "negative", "negative"),
    **_both("sls_trunk_lean", "no", "no"),
    **_both("sls_pelvic_drop", "no", "no"),
    **_both("sls_knee_inward", "no", "no"),
    **_both("sls_lumbar_extension", "no", "no"),
    **_both("prone_hip_ext_lumbar", "no", "yes"),
    ("forward_bend_hips_stiff", N): "no",
    ("gait_trendelenburg", N): "no",
    ("gait_short_stride", N): "no",
    ("gait_hip_hiking", N): "no",
    # Outcome measures
    ("psfs_activity_1", N): "Sitting through a morning at the desk",
    ("psfs_score_1", N): 5,
    ("psfs_activity_2", N): "Weeding the garden",
    ("psfs_score_2", N): 6,
    ("psfs_activity_3", N): "Driving for more than an hour",
    ("psfs_score_3", N): 5,
    **{
        (f"odi_section_{n}", N): score for n, score in enumerate((2, 1, 1, 0, 2, 1, 1, 0, 1, 1), 1)
    },
    # STarT Back: leg pain and dressing agreed, bothered moderately: total 2, low risk
    **{(f"startback_{n}", N): "agree" if n in (1, 4) else "disagree" for n in range(1, 9)},
    ("startback_9", N): "moderately",
}

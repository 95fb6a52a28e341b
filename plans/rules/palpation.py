"""Which measured findings a palpation finding supports (pure data, read by the engine)."""

# Palpation (docs/clinical.md "Palpation": reliability is modest; evidence, never a sole
# reason). A palpation finding has no row in the rule table (plans/rules/table.py), so it
# never brings an item of its own; it strengthens items a measured finding of the same
# muscle brought (plans.rules.engine: PALPATION_BONUS and a line in the reason). Which
# measured findings are about which muscle, from the presentation table: tight glutes
# limit hip flexion and tight deep rotators (piriformis) internal rotation; tight hip
# flexors limit extension. Gluteus medius, quadratus lumborum and the lumbar erectors have
# no length finding in the catalogue, so their palpation supports nothing (docs/rules.md
# "Palpation").
PALPATION_SUPPORT: dict[str, tuple[str, ...]] = {
    "palpation_iliopsoas": ("tight_hip_flexors_one_joint", "limited_hip_extension"),
    "palpation_rectus_femoris": ("tight_rectus_femoris",),
    "palpation_tfl_itb": ("tight_tfl_itb",),
    "palpation_glute_max": ("limited_hip_flexion",),
    "palpation_piriformis": ("tight_piriformis", "limited_hip_internal_rotation"),
    "palpation_adductors": ("tight_adductors",),
    "palpation_hamstrings": ("tight_hamstrings",),
}

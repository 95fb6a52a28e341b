"""Where a treatment row was applied: the assessment's muscles plus coarse regions (pure).

Each region has a body group the precaution rules read: "leg", "trunk" or "abdomen".
"""

from assessments.catalogue.items import STRENGTH_MUSCLES

_GROUP_OF_MUSCLE = {
    "glute_max": "leg",
    "glute_med": "leg",
    "iliopsoas": "abdomen",  # reached through the abdomen at the front
    "hamstrings": "leg",
    "deep_abdominals": "abdomen",
    "back_extensors": "trunk",
}
MUSCLES: tuple[tuple[str, str, str], ...] = (
    *((code, label, _GROUP_OF_MUSCLE[code]) for code, label in STRENGTH_MUSCLES),
    ("piriformis", "Piriformis", "leg"),
    ("tfl_itb", "Tensor fasciae latae / IT band", "leg"),
    ("quadriceps", "Quadriceps", "leg"),
    ("adductors", "Hip adductors", "leg"),
    ("quadratus_lumborum", "Quadratus lumborum", "trunk"),
)
COARSE: tuple[tuple[str, str, str], ...] = (
    ("lower_back", "Lower back (region)", "trunk"),
    ("upper_back", "Upper back and neck (region)", "trunk"),
    ("buttock", "Buttock (region)", "leg"),
    ("hip_joint", "Hip joint", "leg"),
    ("thigh", "Thigh (region)", "leg"),
    ("lower_leg", "Lower leg and foot (region)", "leg"),
    ("abdomen", "Abdomen (region)", "abdomen"),
)
REGIONS = MUSCLES + COARSE
REGION_CHOICES = (
    ("Muscles", tuple((code, label) for code, label, _ in MUSCLES)),
    ("Regions", tuple((code, label) for code, label, _ in COARSE)),
)
LABELS = {code: label for code, label, _ in REGIONS}
GROUPS = {code: group for code, _, group in REGIONS}

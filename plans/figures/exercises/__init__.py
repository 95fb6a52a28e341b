"""Every built-in home exercise as a pair of poses: its start and its end.

Pure data (no Django). EXERCISES maps each slug of the built-in library that has a picture
to its Pair; `manage.py draw_figures` writes them to static/plans/illustrations/<slug>.svg
and a test checks the committed files are exactly what these draw (docs/library.md).
"""

from __future__ import annotations

from collections.abc import Mapping

from plans.figures.exercises.strength import (
    BIRD_DOG,
    CAT_COW,
    CLAMSHELL,
    DEAD_BUG,
    GLUTE_BRIDGE,
    HIP_AIRPLANE,
    HIP_HINGE,
    HIP_THRUST,
    PELVIC_TILT,
    PLANK,
    QUADRUPED_ROCK_BACK,
    SEATED_KNEE_LIFT,
    SIDE_LYING_LEG_RAISE,
    SINGLE_LEG_BRIDGE,
)
from plans.figures.exercises.stretches import (
    COUCH_STRETCH,
    FIGURE_FOUR,
    KNEELING_HIP_FLEXOR,
    LUNGE_STRETCH,
    NINETY_NINETY,
    PIGEON,
    SEATED_BUTTERFLY,
    SEATED_FORWARD_FOLD,
    SIDE_LUNGE,
    SUPINE_HAMSTRING,
    TFL,
)
from plans.figures.svg import Pair

EXERCISES: Mapping[str, Pair] = {
    "kneeling-hip-flexor-stretch": KNEELING_HIP_FLEXOR,
    "lunge-stretch": LUNGE_STRETCH,
    "couch-stretch": COUCH_STRETCH,
    "supine-hamstring-stretch": SUPINE_HAMSTRING,
    "seated-forward-fold": SEATED_FORWARD_FOLD,
    "figure-four-stretch": FIGURE_FOUR,
    "pigeon-pose": PIGEON,
    "90-90-hip-stretch": NINETY_NINETY,
    "seated-butterfly-stretch": SEATED_BUTTERFLY,
    "side-lunge-stretch": SIDE_LUNGE,
    "standing-tfl-stretch": TFL,
    "glute-bridge": GLUTE_BRIDGE,
    "single-leg-bridge": SINGLE_LEG_BRIDGE,
    "hip-thrust": HIP_THRUST,
    "clamshell": CLAMSHELL,
    "side-lying-leg-raise": SIDE_LYING_LEG_RAISE,
    "seated-knee-lift": SEATED_KNEE_LIFT,
    "hip-airplane": HIP_AIRPLANE,
    "plank": PLANK,
    "dead-bug": DEAD_BUG,
    "bird-dog": BIRD_DOG,
    "hip-hinge": HIP_HINGE,
    "pelvic-tilt": PELVIC_TILT,
    "cat-cow": CAT_COW,
    "quadruped-rock-back": QUADRUPED_ROCK_BACK,
}

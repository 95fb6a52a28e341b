"""Pictures of the exercises, drawn from joint angles (docs/library.md, "Pictures").

Pure Python (no Django): one body (plans.figures.skeleton), drawn as SVG
(plans.figures.svg) in two frames, start and end. The built-in exercises' poses are in
plans.figures.exercises; a clinic's own figure is a PosePair (plans.figures.posing).
"""

from plans.figures.exercises import EXERCISES
from plans.figures.posing import ANGLES, BASE_POSES, PoseChoice, PoseError, PosePair
from plans.figures.svg import draw_pair


def built_in_svg(slug: str, *, title: str) -> str:
    """The SVG text of a built-in exercise's picture (KeyError for an unknown slug)."""
    return draw_pair(EXERCISES[slug], title=title)


__all__ = [
    "ANGLES",
    "BASE_POSES",
    "EXERCISES",
    "PoseChoice",
    "PoseError",
    "PosePair",
    "built_in_svg",
    "draw_pair",
]

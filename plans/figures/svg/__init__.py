"""Drawing posed figures as SVG: two frames (start, end) side by side, one fixed size.

Pure Python (no Django). Every picture shares the scale, the proportions
(plans.figures.skeleton) and the line weight. plans.figures.svg.scene turns a frame into
shapes seen by the camera, plans.figures.svg.draw writes a pair of them as SVG text,
plans.figures.svg.polygons has the hull and clipping they use.
"""

from plans.figures.svg.draw import MAX_ZOOM, draw_pair, frames_of, placed_bounds, zoom_of
from plans.figures.svg.scene import (
    GAP,
    HEIGHT,
    PANEL_WIDTH,
    WIDTH,
    Block,
    Frame,
    Pair,
    Prop,
    Strap,
    View,
)

__all__ = [
    "GAP",
    "HEIGHT",
    "MAX_ZOOM",
    "PANEL_WIDTH",
    "WIDTH",
    "Block",
    "Frame",
    "Pair",
    "Prop",
    "Strap",
    "View",
    "draw_pair",
    "frames_of",
    "placed_bounds",
    "zoom_of",
]

"""The two figures' outlines (pure data): one polygon list per region, in a 140 x 300 box.

Sided regions are drawn once, on the viewer's left, and mirrored. Seen from the front the
client's right side is on the viewer's left; seen from the back, the client's left is.
"""

import math

from assessments.body_chart.regions import BACK, FRONT, REGIONS

WIDTH, HEIGHT = 140, 300
Point = tuple[float, float]


def _ellipse(cx: float, cy: float, rx: float, ry: float, steps: int = 16) -> list[Point]:
    return [
        (cx + rx * math.cos(2 * math.pi * i / steps), cy + ry * math.sin(2 * math.pi * i / steps))
        for i in range(steps)
    ]


_HEAD: list[list[Point]] = [_ellipse(70, 21, 12, 15), [(64, 35), (76, 35), (77, 45), (63, 45)]]
_ARM: list[list[Point]] = [
    [(47, 46), (39, 47), (32, 55), (28, 90), (24, 128), (20, 150), (29, 152), (34, 128),
     (40, 95), (46, 72)]
]  # fmt: skip
_LEG: list[list[Point]] = [[(50, 210), (68, 210), (66, 274), (68, 290), (50, 290), (54, 274)]]

# Midline regions, and sided ones on the viewer's left.
_OUTLINES: dict[str, list[list[Point]]] = {
    "head_front": _HEAD,
    "shoulder_arm_front": _ARM,
    "chest": [[(48, 46), (92, 46), (91, 92), (49, 92)]],
    "abdomen": [[(49, 92), (91, 92), (93, 134), (47, 134)]],
    "thigh_side": [[(47, 134), (54, 134), (56, 204), (49, 204)]],
    "groin": [[(58, 134), (69, 134), (69, 157)]],
    "thigh_front": [[(54, 134), (58, 134), (69, 157), (69, 204), (56, 204)]],
    "leg_front": _LEG,
    "head_neck_back": _HEAD,
    "shoulder_arm_back": _ARM,
    "upper_back": [[(48, 46), (92, 46), (91, 100), (49, 100)]],
    "low_back": [[(49, 100), (69.5, 100), (69.5, 134), (47, 134)]],
    "buttock": [[(47, 134), (69.5, 134), (69.5, 166), (48, 166)]],
    "thigh_back": [[(48, 166), (69.5, 166), (69.5, 204), (49, 204)]],
    "leg_back": _LEG,
}
# The side drawn on the viewer's left, per view.
_VIEWER_LEFT = {FRONT: "right", BACK: "left"}


def _path(polygons: list[list[Point]], *, mirrored: bool) -> str:
    parts = []
    for polygon in polygons:
        points = [(WIDTH - x if mirrored else x, y) for x, y in polygon]
        parts.append("M" + " L".join(f"{x:.1f},{y:.1f}" for x, y in points) + " Z")
    return " ".join(parts)


def region_path(code: str) -> str:
    """The SVG path data of a region's outline."""
    region = REGIONS[code]
    base = code.removesuffix(f"_{region.side}") if region.side else code
    mirrored = bool(region.side) and region.side != _VIEWER_LEFT[region.view]
    return _path(_OUTLINES[base], mirrored=mirrored)


PATHS: dict[str, str] = {code: region_path(code) for code in REGIONS}

"""Where a page finds an exercise's picture: an upload, a posed figure or a built-in drawing.

The order is the same everywhere (library, builder preview, handout snapshot): the clinic's
own picture, then its posed figure, then the built-in drawing (docs/library.md,
"Pictures"). Pages show an upload through `library_picture` (scoped to the clinic) and a
posed figure as a data: URI drawn now; nothing is fetched from elsewhere.
"""

import base64
import re
from collections.abc import Mapping
from typing import Any

from django.templatetags.static import static
from django.urls import reverse

from plans.figures import PoseError, PosePair

ILLUSTRATION_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,100}\.svg$")
DIGEST_RE = re.compile(r"^[0-9a-f]{64}$")


def data_uri(data: bytes, content_type: str) -> str:
    return f"data:{content_type};base64,{base64.b64encode(data).decode('ascii')}"


def pose_svg(pose: Any, *, title: str) -> str:
    """The posed figure's SVG text, or "" when there is no pose or it cannot be drawn."""
    if not pose:
        return ""
    try:
        return PosePair.from_data(pose).draw(title=title)
    except PoseError:
        return ""


def figure_src(*, illustration: str = "", pose: Any = None, picture: str = "", title: str) -> str:
    """The URL of the picture to show, first found; "" when there is none."""
    if picture and DIGEST_RE.match(picture):
        return reverse("library_picture", args=[picture])
    svg = pose_svg(pose, title=title)
    if svg:
        return data_uri(svg.encode("utf-8"), "image/svg+xml")
    if illustration and ILLUSTRATION_RE.match(illustration):
        return static(f"plans/illustrations/{illustration}")
    return ""


def content_figure_src(content: Mapping[str, Any]) -> str:
    """The picture of a plan item, from the wording it was added with."""
    return figure_src(
        illustration=str(content.get("illustration") or ""),
        pose=content.get("pose"),
        picture=str(content.get("picture") or ""),
        title=str(content.get("name") or ""),
    )

"""The pictures of a handout's exercises: frozen in the snapshot, shown without fetching.

At issue, `snapshot_figure` freezes a clinic's own picture into the snapshot as bytes (its
uploaded picture, else its posed figure drawn as SVG), so a later change to the library
never changes what this client was given; a built-in exercise keeps its drawing's file name
(`illustration`). When the handout is shown, `with_figures` gives each exercise the address
of its picture: the static drawing, or the frozen bytes, which the PDF asks for under
`https://handout.invalid/figure/<n>` (served by HandoutFetcher from the snapshot) and the
browser preview gets as a data: URI. Nothing is fetched from anywhere else
(docs/handout.md, "Pictures").
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Iterable, Mapping
from typing import Any

from plans.handout.fetcher import FIGURE_PREFIX
from plans.library.picture_urls import pose_svg
from plans.models import ClinicPicture, PlanItem

CONTENT_TYPES = ("image/png", "image/jpeg", "image/svg+xml")


def pictures_for(clinic_id: int, items: Iterable[PlanItem]) -> dict[str, ClinicPicture]:
    """The clinic's uploaded pictures the items name, by digest (one query, if any)."""
    digests = {str(item.content["picture"]) for item in items if item.content.get("picture")}
    if not digests:
        return {}
    rows = ClinicPicture.objects.filter(clinic_id=clinic_id, digest__in=digests)
    return {row.digest: row for row in rows}


def snapshot_figure(
    item: PlanItem, pictures: Mapping[str, ClinicPicture]
) -> dict[str, str] | None:
    """The item's own picture as {"source" ("picture" or "pose"), "content_type", "data"
    (base64)}, or None (a built-in drawing, or nothing)."""
    picture = pictures.get(str(item.content.get("picture") or ""))
    if picture is not None:
        source, data, content_type = "picture", bytes(picture.data), picture.content_type
    else:
        svg = pose_svg(item.content.get("pose"), title=item.name)
        if not svg:
            return None
        source, data, content_type = "pose", svg.encode("utf-8"), "image/svg+xml"
    encoded = base64.b64encode(data).decode("ascii")
    return {"source": source, "content_type": content_type, "data": encoded}


def _frozen(exercise: Mapping[str, Any]) -> tuple[bytes, str] | None:
    """The bytes and type of an exercise's frozen picture, if it has a valid one."""
    figure = exercise.get("figure")
    if not isinstance(figure, Mapping) or figure.get("content_type") not in CONTENT_TYPES:
        return None
    try:
        data = base64.b64decode(str(figure.get("data", "")), validate=True)
    except (binascii.Error, ValueError):
        return None
    return (data, str(figure["content_type"])) if data else None


def with_figures(
    exercises: Iterable[Mapping[str, Any]], *, for_pdf: bool, static_prefix: str
) -> list[dict[str, Any]]:
    """Each exercise with `figure_src` (its picture's address, "" for none) and
    `figure_alt` (what the picture shows, for screen readers and the PDF's tags)."""
    shown = []
    for number, exercise in enumerate(exercises):
        frozen = _frozen(exercise)
        name = exercise.get("name", "")
        alt = f"{name}: the start position, then the end position"
        if frozen is not None:
            data, content_type = frozen
            if for_pdf:
                src = f"{FIGURE_PREFIX}{number}"
            else:
                src = f"data:{content_type};base64,{base64.b64encode(data).decode('ascii')}"
            if exercise["figure"].get("source") != "pose":
                alt = f"Picture of {name}"
        elif exercise.get("illustration"):
            src = f"{static_prefix}plans/illustrations/{exercise['illustration']}"
        else:
            src = ""
        shown.append({**exercise, "figure_src": src, "figure_alt": alt})
    return shown


def handout_figures(content: Mapping[str, Any]) -> dict[str, tuple[bytes, str]]:
    """URL -> (bytes, content type) of every frozen picture, for HandoutFetcher."""
    found = {}
    for number, exercise in enumerate(content.get("exercises", [])):
        frozen = _frozen(exercise)
        if frozen is not None:
            found[f"{FIGURE_PREFIX}{number}"] = frozen
    return found

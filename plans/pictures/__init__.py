"""A clinic's own picture for one of its exercises: checked, cleaned and ready to store.

Pure Python (no Django). `read_picture` takes the uploaded bytes and returns a Picture (the
cleaned bytes, their content type and a digest that names them), or raises PictureError
with a message to show next to the field. PNG and JPEG are re-encoded without metadata
(plans.pictures.raster); SVG is rebuilt from an allow-list (plans.pictures.svg). The type
comes from the content, never from the file name or what the browser says.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from plans.pictures.raster import RasterError, reencode
from plans.pictures.svg import SVGError, sanitize_svg

CONTENT_TYPES = ("image/png", "image/jpeg", "image/svg+xml")


class PictureError(ValueError):
    """The upload is refused; the message is for the person uploading it."""


@dataclass(frozen=True)
class Picture:
    data: bytes
    content_type: str

    @property
    def digest(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def _looks_like_svg(data: bytes) -> bool:
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith(b"<?xml") or head.startswith(b"<svg") or head.startswith(b"<!")


def read_picture(data: bytes, *, max_bytes: int) -> Picture:
    """The upload, cleaned, or PictureError (too large, not a picture we accept)."""
    limit = f"{max_bytes // 1024} KB"
    if not data:
        raise PictureError("The file is empty.")
    if len(data) > max_bytes:
        raise PictureError(f"The picture is larger than {limit}; please use a smaller file.")
    try:
        if _looks_like_svg(data):
            cleaned, content_type = sanitize_svg(data), "image/svg+xml"
        else:
            cleaned, content_type = reencode(data, max_bytes=max_bytes)
    except (SVGError, RasterError) as error:
        raise PictureError(str(error)) from None
    if len(cleaned) > max_bytes:
        raise PictureError(f"The picture is larger than {limit}; please use a smaller file.")
    return Picture(cleaned, content_type)

"""Re-encoding an uploaded PNG or JPEG picture with Pillow, without its metadata.

Pure Python (no Django). The pixels are copied into a new image (so EXIF, GPS, ICC
profiles, text chunks and comments are left behind), turned upright first if the camera
said so, made smaller when large, and saved again in the same format.
"""

from __future__ import annotations

import io
import warnings

from PIL import Image, ImageOps, UnidentifiedImageError

MAX_PIXELS = 40_000_000  # refuse before decoding anything larger (a decompression bomb)
MAX_SIDE = 1600  # plenty for a picture printed 54 mm wide (about 640 px at 300 dpi)
FORMATS = {"PNG": "image/png", "JPEG": "image/jpeg"}
TOO_MANY_PIXELS = "The picture has too many pixels; please use a smaller one."


class RasterError(ValueError):
    """The upload is not a PNG or JPEG picture we accept; the message is for the user."""


def _opened(data: bytes) -> Image.Image:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            if image.format not in FORMATS:
                raise RasterError("Please upload the picture as a PNG, JPEG or SVG file.")
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise RasterError(TOO_MANY_PIXELS)
            image.load()
    except RasterError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise RasterError(TOO_MANY_PIXELS) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise RasterError("The file is not a readable PNG, JPEG or SVG picture.") from None
    return image


def _clean_copy(image: Image.Image) -> Image.Image:
    """The pixels only, in a mode the format keeps, in a new image with no metadata."""
    upright = ImageOps.exif_transpose(image) or image
    keep_alpha = image.format == "PNG" and (
        "A" in upright.getbands() or "transparency" in upright.info
    )
    mode = "RGBA" if keep_alpha else ("L" if upright.mode in {"1", "L", "I;16"} else "RGB")
    converted = upright.convert(mode)
    return Image.frombytes(mode, converted.size, converted.tobytes())


def reencode(data: bytes, *, max_bytes: int) -> tuple[bytes, str]:
    """(bytes, content type) of the picture saved again without metadata; RasterError."""
    image = _opened(data)
    kind = image.format or ""
    clean = _clean_copy(image)
    clean.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    for _attempt in range(6):
        out = io.BytesIO()
        if kind == "PNG":
            clean.save(out, "PNG", optimize=True)
        else:
            clean.save(out, "JPEG", quality=85, optimize=True)
        if out.tell() <= max_bytes:
            return out.getvalue(), FORMATS[kind]
        width, height = clean.size
        clean = clean.resize((max(1, width * 3 // 4), max(1, height * 3 // 4)))
    raise RasterError("The picture is too detailed to store; please use a smaller one.")

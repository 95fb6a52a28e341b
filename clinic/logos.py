"""Checking an uploaded clinic logo before it is stored in the database."""

import io

from django.conf import settings
from PIL import Image, UnidentifiedImageError

_TYPES = {"PNG": "image/png", "JPEG": "image/jpeg"}


class LogoError(ValueError):
    """The upload is not a logo we accept; the message is for the user."""


def read_logo(data: bytes) -> tuple[bytes, str]:
    """Return the bytes and content type of a PNG or JPEG logo, or raise LogoError."""
    if len(data) > settings.CLINIC_LOGO_MAX_BYTES:
        limit_kb = settings.CLINIC_LOGO_MAX_BYTES // 1024
        raise LogoError(f"The logo is larger than {limit_kb} KB; please use a smaller file.")
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.verify()
            kind = image.format
    except (UnidentifiedImageError, OSError, SyntaxError):
        raise LogoError("The file is not a readable PNG or JPEG image.") from None
    if kind not in _TYPES:
        raise LogoError("Please upload the logo as a PNG or JPEG image.")
    return data, _TYPES[kind]

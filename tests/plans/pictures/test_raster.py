"""Uploaded PNG and JPEG pictures are re-encoded with Pillow, without their metadata."""

import io
import struct
import zlib

import pytest
from PIL import Image, PngImagePlugin

from plans.pictures import PictureError, read_picture
from plans.pictures.raster import MAX_SIDE

LIMIT = 512 * 1024
GPS_IFD = 0x8825
SECRET = "Dr Secret's phone"


def _exif() -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F] = SECRET  # Make
    exif[0x0112] = 6  # Orientation: turn 90 degrees clockwise to view
    exif[GPS_IFD] = {1: "N", 2: (51.0, 30.0, 0.0)}
    return exif


def _jpeg(size: tuple[int, int] = (300, 200), **options: object) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(out, "JPEG", **options)
    return out.getvalue()


def _png(mode: str = "RGBA", size: tuple[int, int] = (40, 30), **options: object) -> bytes:
    out = io.BytesIO()
    Image.new(mode, size).save(out, "PNG", **options)
    return out.getvalue()


def test_jpeg_exif_gps_and_comment_are_stripped_and_photo_turned_upright() -> None:
    data = _jpeg(exif=_exif().tobytes(), comment=SECRET.encode())
    assert SECRET.encode() in data
    picture = read_picture(data, max_bytes=LIMIT)
    image = Image.open(io.BytesIO(picture.data))
    assert (picture.content_type, image.format, image.size) == ("image/jpeg", "JPEG", (200, 300))
    assert dict(image.getexif()) == {}
    assert "exif" not in image.info
    assert "comment" not in image.info
    assert SECRET.encode() not in picture.data
    assert b"Exif" not in picture.data


def test_png_text_chunks_exif_and_icc_profile_are_stripped() -> None:
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", SECRET)
    data = _png(pnginfo=info, exif=_exif().tobytes(), icc_profile=b"\0" * 200)
    picture = read_picture(data, max_bytes=LIMIT)
    image = Image.open(io.BytesIO(picture.data))
    assert (picture.content_type, image.mode, image.size) == ("image/png", "RGBA", (30, 40))
    assert image.info.get("Author") is None
    assert "icc_profile" not in image.info
    assert dict(image.getexif()) == {}
    assert SECRET.encode() not in picture.data


def test_large_picture_is_made_smaller() -> None:
    picture = read_picture(_jpeg((4000, 1000), quality=30), max_bytes=LIMIT)
    assert Image.open(io.BytesIO(picture.data)).size == (MAX_SIDE, MAX_SIDE // 4)


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _bomb(width: int, height: int) -> bytes:
    """A PNG that declares width x height one-bit pixels and holds a single row of them.

    A decompression bomb's header, built by hand: drawing 50,000 x 50,000 pixels to make a
    real one takes seconds. Decoding it would fail on the missing rows, so only the pixel
    count refused before decoding gives the "too many pixels" message.
    """
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)  # 1 bit, greyscale
    row = zlib.compress(b"\0" * (1 + width // 8))
    signature = b"\x89PNG\r\n\x1a\n"
    return signature + _chunk(b"IHDR", header) + _chunk(b"IDAT", row) + _chunk(b"IEND", b"")


@pytest.mark.parametrize("size", [(8000, 6000), (50_000, 50_000)])
def test_picture_with_too_many_pixels_is_refused_before_decoding(size: tuple[int, int]) -> None:
    # Over our limit, and (50,000 squared) over Pillow's own.
    data = _bomb(*size)
    assert len(data) < LIMIT
    with pytest.raises(PictureError, match="too many pixels"):
        read_picture(data, max_bytes=LIMIT)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 40, "not a readable PNG, JPEG or SVG"),
        (_jpeg()[:200], "not a readable PNG, JPEG or SVG"),
        (b"BM" + b"\0" * 100, "not a readable PNG, JPEG or SVG"),
    ],
)
def test_broken_or_other_files_are_refused(data: bytes, message: str) -> None:
    with pytest.raises(PictureError, match=message):
        read_picture(data, max_bytes=LIMIT)


def test_gif_is_refused_by_content_not_name() -> None:
    out = io.BytesIO()
    Image.new("RGB", (4, 4)).save(out, "GIF")
    with pytest.raises(PictureError, match="Please upload the picture as a PNG, JPEG or SVG"):
        read_picture(out.getvalue(), max_bytes=LIMIT)


def test_file_over_the_limit_is_refused_with_the_limit() -> None:
    with pytest.raises(PictureError, match="larger than 512 KB"):
        read_picture(b"\xff\xd8" + b"\0" * LIMIT, max_bytes=LIMIT)

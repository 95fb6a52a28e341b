"""Make the contact sheet of every built-in exercise picture (docs/screenshots/figures.png).

    .venv/bin/python scripts/figures_sheet.py [SVG_DIR] [OUT.png]

Renders each static/plans/illustrations/<slug>.svg with `rsvg-convert` (Debian package
librsvg2-bin) on white and lays them out with Pillow, five to a row in slug order, each with
its slug underneath. Run `python manage.py draw_figures` first so the files are current.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
COLUMNS = 5
PICTURE_WIDTH = 300  # pixels; the SVGs are 254 x 100 units
CELL = (316, 161)  # picture, label and space around them
LABEL_GAP = 4
MARGIN = 10
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def _font() -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.truetype(str(FONT), 14) if FONT.exists() else ImageFont.load_default()


def render(svg: Path, out: Path, width: int = PICTURE_WIDTH) -> Image.Image:
    """One picture as a PNG (rsvg-convert), opened with Pillow."""
    command = ["rsvg-convert", "-w", str(width), "-b", "white", "-o", str(out), str(svg)]
    subprocess.run(command, check=True)  # noqa: S603 - fixed program, our own files
    return Image.open(out).convert("RGB")


def sheet(svg_dir: Path) -> Image.Image:
    svgs = sorted(svg_dir.glob("*.svg"))
    rows = -(-len(svgs) // COLUMNS)
    size = (COLUMNS * CELL[0] + 2 * MARGIN, rows * CELL[1] + 2 * MARGIN)
    image = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(image)
    font = _font()
    with tempfile.TemporaryDirectory() as tmp:
        for index, svg in enumerate(svgs):
            left = MARGIN + (index % COLUMNS) * CELL[0]
            top = MARGIN + (index // COLUMNS) * CELL[1]
            picture = render(svg, Path(tmp) / f"{svg.stem}.png")
            image.paste(picture, (left + (CELL[0] - picture.width) // 2, top))
            label_top = top + picture.height + LABEL_GAP
            width = draw.textlength(svg.stem, font=font)
            draw.text((left + (CELL[0] - width) / 2, label_top), svg.stem, fill="black", font=font)
    return image


def main(argv: list[str]) -> int:
    if shutil.which("rsvg-convert") is None:
        print("rsvg-convert is missing: apt-get install librsvg2-bin", file=sys.stderr)
        return 1
    svg_dir = Path(argv[1]) if len(argv) > 1 else ROOT / "static" / "plans" / "illustrations"
    out = Path(argv[2]) if len(argv) > 2 else ROOT / "docs" / "screenshots" / "figures.png"
    image = sheet(svg_dir)
    # A small palette keeps the file small; the pictures are black, greys and white.
    image.quantize(colors=32, dither=Image.Dither.NONE).save(out, optimize=True)
    print(f"Wrote {out} ({image.width} x {image.height})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

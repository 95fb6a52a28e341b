"""Draw the built-in exercises' pictures into static/plans/illustrations/ (docs/library.md).

Each home exercise's start and end pose (plans.figures.exercises) becomes <slug>.svg. The
files are committed; `--check` only reports files that differ from what the poses draw
(tests/plans/figures checks the same), so the pictures never drift from the poses.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from plans.figures import built_in_svg
from plans.library import LIBRARY


def illustrations_dir() -> Path:
    return Path(settings.BASE_DIR) / "static" / "plans" / "illustrations"


def drawn_files() -> dict[str, str]:
    """File name -> SVG text, for every built-in entry with a picture."""
    return {
        entry.illustration: built_in_svg(entry.slug, title=entry.name)
        for entry in LIBRARY
        if entry.illustration
    }


class Command(BaseCommand):
    help = "Draw the built-in exercise pictures (static/plans/illustrations/<slug>.svg)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--check", action="store_true", help="Write nothing; fail if a file differs."
        )

    def handle(self, *args: object, check: bool = False, **options: object) -> None:
        directory = illustrations_dir()
        files = drawn_files()
        stale = sorted(
            name
            for name, text in files.items()
            if not (directory / name).is_file() or (directory / name).read_text() != text
        )
        extra = sorted(p.name for p in directory.glob("*.svg") if p.name not in files)
        if check:
            if stale or extra:
                raise CommandError(f"Out of date: {', '.join(stale + extra)}")
            self.stdout.write(f"{len(files)} pictures are up to date.")
            return
        for name in stale:
            (directory / name).write_text(files[name], encoding="utf-8")
        for name in extra:
            (directory / name).unlink()
        self.stdout.write(f"Drew {len(stale)} of {len(files)} pictures; removed {len(extra)}.")

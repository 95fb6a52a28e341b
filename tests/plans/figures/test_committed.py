"""The committed pictures are exactly what the poses draw (so they never drift)."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from plans.management.commands.draw_figures import drawn_files, illustrations_dir


def test_committed_pictures_equal_what_the_poses_draw() -> None:
    directory = illustrations_dir()
    on_disk = {path.name: path.read_text(encoding="utf-8") for path in directory.glob("*.svg")}
    drawn = drawn_files()
    assert sorted(on_disk) == sorted(drawn)
    stale = [name for name, text in drawn.items() if on_disk[name] != text]
    assert stale == [], "run `python manage.py draw_figures` and commit the files"


def test_draw_figures_check_passes_on_the_committed_files() -> None:
    out = StringIO()
    call_command("draw_figures", "--check", stdout=out)
    assert out.getvalue() == "51 pictures are up to date.\n"


def test_draw_figures_writes_and_removes(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        "plans.management.commands.draw_figures.illustrations_dir", lambda: tmp_path
    )
    (tmp_path / "old-picture.svg").write_text("<svg/>")
    (tmp_path / "plank.svg").write_text("<svg>stale</svg>")
    with pytest.raises(CommandError, match="Out of date: "):
        call_command("draw_figures", "--check", stdout=StringIO())
    out = StringIO()
    call_command("draw_figures", stdout=out)
    assert out.getvalue() == "Drew 51 of 51 pictures; removed 1.\n"
    assert sorted(path.name for path in tmp_path.glob("*.svg")) == sorted(drawn_files())
    assert (tmp_path / "plank.svg").read_text() == drawn_files()["plank.svg"]

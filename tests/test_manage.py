"""manage.py as the README runs it: a development checkout needs no environment at all.

Each test runs manage.py in a subprocess with a cleaned environment (no DJANGO_*,
DATABASE_URL or CACHE_URL, as in a fresh shell), the way the README writes the command.
"""

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent
# docs/interchange.md "Full example": the visit file the README's commands read.
EXAMPLE = re.findall(
    r"```json\n(.*?)```", (ROOT / "docs" / "interchange.md").read_text(encoding="utf-8"), re.S
)[0]
PRODUCTION_SECRET = "k7#Qz!p2Lw9@vR4t&Yb8^Nc1*Md6(Xe3)Hf5-Gj0+Sa_Ud=Ti[Oo]Pq{Ks}Lm|Zr"


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """`python manage.py ARGS` from the checkout, with only `env` configured."""
    clean = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("DJANGO_") and key not in {"DATABASE_URL", "CACHE_URL"}
    }
    return subprocess.run(  # noqa: S603 (fixed command, our own manage.py)
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _setting(name: str, **env: str) -> object:
    code = f"import json; from django.conf import settings; print(json.dumps(settings.{name}))"
    result = _manage("shell", "--no-imports", "-c", code, **env)
    assert (result.returncode, result.stderr) == (0, "")
    return json.loads(result.stdout)


def test_manage_help_as_written_lists_the_projects_commands() -> None:
    result = _manage("help")
    assert (result.returncode, result.stderr) == (0, "")
    # Only a full settings load lists the apps' own commands.
    for section in ("[clinic]", "    load_demo", "[plans]", "    suggest_plan"):
        assert section in result.stdout.splitlines()


def test_manage_suggest_plan_as_written_prints_the_suggestions(tmp_path: Path) -> None:
    visit = tmp_path / "visit.json"
    visit.write_text(EXAMPLE, encoding="utf-8")
    expected = io.StringIO()
    call_command("suggest_plan", str(visit), "--text", stdout=expected)

    result = _manage("suggest_plan", str(visit), "--text")

    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == expected.getvalue()
    assert result.stdout.startswith("Findings:\n  - Anterior pelvic tilt (moderate)\n")


def test_manage_without_configuration_runs_in_development_mode() -> None:
    assert _setting("DEBUG") is True
    assert str(_setting("DATABASES['default']['NAME']")) == str(ROOT / "var" / "db.sqlite3")


def test_manage_with_secret_key_runs_in_production_mode() -> None:
    assert _setting("DEBUG", DJANGO_SECRET_KEY=PRODUCTION_SECRET) is False


def test_manage_with_database_but_no_secret_refuses_in_one_line() -> None:
    # A server's environment (it names its database) without the secret: not a checkout.
    result = _manage("migrate", DATABASE_URL="postgres://app:pw@db.invalid:5432/hipplan")
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        "manage.py: Set DJANGO_SECRET_KEY (50+ random characters) or DJANGO_DEBUG=true "
        "for development.\n"
    )


def test_manage_bad_debug_value_is_one_line_not_a_traceback() -> None:
    result = _manage("help", DJANGO_DEBUG="maybe")
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        "manage.py: DJANGO_DEBUG='maybe' is not a boolean (use true or false).\n"
    )
    assert "Traceback" not in result.stderr

"""`manage.py handout_pdf VERSION --user USER --output FILE`: scoped and audited like a
download."""

from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.core.management.base import CommandError

from assessments.models import Assessment
from clinic.models import AuditEntry
from plans.models import PlanVersion
from plans.services import plan_revise
from tests.plans.handout.helpers import issue, pages_text


@pytest.fixture
def issued(therapist: User, typical: Assessment) -> PlanVersion:
    return issue(therapist, typical)


def _run(*args: str) -> str:
    out = StringIO()
    call_command("handout_pdf", *args, stdout=out)
    return out.getvalue()


def test_handout_command_writes_the_pdf_and_audits_it(
    therapist: User, issued: PlanVersion, tmp_path: Path
) -> None:
    target = tmp_path / "handout.pdf"
    said = _run(str(issued.pk), "--user", therapist.username, "--output", str(target))
    assert said == f"Plan version {issued.pk} handout written to {target}.\n"
    assert "Your home program" in pages_text(target.read_bytes())[0]
    entry = AuditEntry.objects.latest("pk")
    assert (entry.actor_id, entry.action, entry.object_type, entry.object_id) == (
        therapist.pk,
        "export",
        "handout",
        issued.pk,
    )
    assert entry.detail == "handout PDF downloaded (plan version 1)"


def test_handout_command_with_progress_page(
    therapist: User, issued: PlanVersion, tmp_path: Path
) -> None:
    target = tmp_path / "with-progress.pdf"
    _run(str(issued.pk), "--user", therapist.username, "--output", str(target), "--progress")
    assert AuditEntry.objects.latest("pk").detail == (
        "handout PDF downloaded with progress page (plan version 1)"
    )


@pytest.mark.parametrize("who", ["outsider", "draft", "missing"])
def test_handout_command_outside_scope_is_not_found_and_writes_nothing(
    therapist: User,
    outsider: User,
    issued: PlanVersion,
    tmp_path: Path,
    who: str,
) -> None:
    user, version_id = {
        "outsider": (outsider, issued.pk),
        "draft": (therapist, plan_revise(actor=therapist, version=issued).pk),
        "missing": (therapist, 10**9),
    }[who]
    entries = AuditEntry.objects.count()
    target = tmp_path / "none.pdf"
    with pytest.raises(CommandError, match=rf"Issued plan version {version_id} not found\."):
        _run(str(version_id), "--user", user.username, "--output", str(target))
    assert (target.exists(), AuditEntry.objects.count()) == (False, entries)


def test_handout_command_unknown_user(issued: PlanVersion, tmp_path: Path) -> None:
    with pytest.raises(CommandError, match=r"User 'nobody' not found\."):
        _run(str(issued.pk), "--user", "nobody", "--output", str(tmp_path / "x.pdf"))


def test_handout_command_unwritable_output_keeps_no_audit_entry(
    therapist: User, issued: PlanVersion, tmp_path: Path
) -> None:
    entries = AuditEntry.objects.count()
    target = tmp_path / "no-such-folder" / "x.pdf"
    with pytest.raises(CommandError, match="cannot write the file"):
        _run(str(issued.pk), "--user", therapist.username, "--output", str(target))
    assert AuditEntry.objects.count() == entries

import json
import re
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.core.management.base import CommandError

from assessments.interchange.document import export_assessment
from assessments.models import Assessment, Measurement, Status
from assessments.selectors import assessment_get
from clinic.models import AuditEntry, Client, Clinic
from tests.assessments.factories import RICH_NARRATIVE, RICH_VALUES, VALID, recorded_assessment
from tests.factories import ClientFactory


@pytest.fixture
def rich(therapist: User, client_record: Client) -> Assessment:
    return recorded_assessment(
        actor=therapist, client=client_record, values=RICH_VALUES, narrative=RICH_NARRATIVE
    )


def _run(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def _rows() -> tuple[int, int, int]:
    return Assessment.objects.count(), Measurement.objects.count(), AuditEntry.objects.count()


def _write(path: Path, document: Any) -> str:
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return str(path)


# --- export -----------------------------------------------------------------------------


def test_assessment_export_prints_document(rich: Assessment, therapist: User) -> None:
    out, err = _run("assessment_export", str(rich.pk), "--user", "therapist")
    assert json.loads(out) == export_assessment(assessment_get(therapist, rich.pk))
    assert out.endswith("}\n")
    assert "ça va" in out  # UTF-8, not \u escapes
    assert err == ""


def test_assessment_export_writes_output_file(
    rich: Assessment, therapist: User, tmp_path: Path
) -> None:
    target = tmp_path / "visit.json"
    out, _ = _run(
        "assessment_export", str(rich.pk), "--user", "therapist", "--output", str(target)
    )
    assert out == f"Assessment {rich.pk} written to {target}.\n"
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document == export_assessment(assessment_get(therapist, rich.pk))


def test_assessment_export_unwritable_output_keeps_no_audit_entry(
    rich: Assessment, therapist: User, tmp_path: Path
) -> None:
    target = tmp_path / "missing-folder" / "visit.json"
    with pytest.raises(
        CommandError,
        match=re.escape(f"{target}: cannot write the file (No such file or directory)."),
    ):
        _run("assessment_export", str(rich.pk), "--user", "therapist", "--output", str(target))
    assert AuditEntry.objects.filter(action="export").count() == 0


def test_assessment_export_writes_audit_entry(rich: Assessment, colleague: User) -> None:
    _run("assessment_export", str(rich.pk), "--user", "colleague")
    entry = AuditEntry.objects.get(action="export")
    assert (
        entry.actor,
        entry.actor_username,
        entry.clinic_id,
        entry.object_type,
        entry.object_id,
        entry.client_id,
        entry.detail,
    ) == (
        colleague,
        "colleague",
        rich.client.clinic_id,
        "assessment",
        rich.pk,
        rich.client_id,
        "interchange JSON version 2",
    )


def test_assessment_export_outsider_gets_not_found(rich: Assessment, outsider: User) -> None:
    with pytest.raises(CommandError, match=rf"^Assessment {rich.pk} not found\.$"):
        _run("assessment_export", str(rich.pk), "--user", "outsider")
    assert AuditEntry.objects.filter(action="export").count() == 0


def test_assessment_export_missing_id_is_not_found(therapist: User) -> None:
    with pytest.raises(CommandError, match=r"^Assessment 999999 not found\.$"):
        _run("assessment_export", "999999", "--user", "therapist")


def test_assessment_export_unknown_user_is_refused(rich: Assessment) -> None:
    with pytest.raises(CommandError, match=r"^User 'nobody' not found\.$"):
        _run("assessment_export", str(rich.pk), "--user", "nobody")


def test_assessment_export_inactive_user_is_refused(rich: Assessment, therapist: User) -> None:
    therapist.is_active = False
    therapist.save()
    with pytest.raises(CommandError, match=r"^User 'therapist' not found\.$"):
        _run("assessment_export", str(rich.pk), "--user", "therapist")


# --- import -----------------------------------------------------------------------------


def test_assessment_import_prints_new_id(
    therapist: User, client_record: Client, tmp_path: Path
) -> None:
    path = _write(tmp_path / "visit.json", VALID)
    out, err = _run("assessment_import", path, "--client", str(client_record.pk), "--user",
                    "therapist")  # fmt: skip
    assessment = Assessment.objects.get()
    assert (out, err) == (f"{assessment.pk}\n", "")
    assert (assessment.client, assessment.therapist, assessment.status) == (
        client_record,
        therapist,
        Status.FINAL,
    )
    assert assessment.measurements.count() == 5


def test_assessment_import_reports_every_problem_and_writes_nothing(
    therapist: User, client_record: Client, tmp_path: Path
) -> None:
    document = json.loads(json.dumps(VALID))
    document["visit_date"] = "2026-13-01"
    document["measurements"][1]["value"] = 99
    document["measurements"][2]["value"] = "often"
    path = _write(tmp_path / "bad.json", document)
    before = _rows()
    err = StringIO()
    with pytest.raises(CommandError) as error:
        call_command(
            "assessment_import",
            path,
            "--client",
            str(client_record.pk),
            "--user",
            "therapist",
            stdout=StringIO(),
            stderr=err,
        )
    assert str(error.value) == f"{path}: 3 problems found; nothing was imported."
    assert err.getvalue().splitlines() == [
        '$.visit_date: "2026-13-01" is not a date written as YYYY-MM-DD',
        '$.measurements[1].value: 99 is outside the allowed range for "hip_extension" (-30 to 50)',
        '$.measurements[2].value: "often" is not an allowed value for "agg_sitting" '
        '(allowed: "yes", "no")',
    ]
    assert _rows() == before == (0, 0, 0)


def test_assessment_import_future_visit_is_refused_and_writes_nothing(
    therapist: User, client_record: Client, tmp_path: Path
) -> None:
    # It once stored a final assessment dated 2099-01-01.
    path = _write(tmp_path / "future.json", {**VALID, "visit_date": "2099-01-01"})
    err = StringIO()
    with pytest.raises(CommandError) as error:
        call_command("assessment_import", path, "--client", str(client_record.pk), "--user",
                     "therapist", stdout=StringIO(), stderr=err)  # fmt: skip
    assert str(error.value) == f"{path}: 1 problem found; nothing was imported."
    assert err.getvalue() == (
        '$.visit_date: The visit date cannot be in the future (got "2099-01-01")\n'
    )
    assert _rows() == (0, 0, 0)


def test_assessment_import_reports_a_treatment_row_out_of_scope_and_writes_nothing(
    therapist: User, client_record: Client, tmp_path: Path
) -> None:
    # Version 2: the treatment app's service refuses what the importer may not record.
    row = {"technique": "hip-joint-mobilisation", "region": "glute_max", "side": "left"}
    path = _write(tmp_path / "v2.json", {**VALID, "version": 2, "treatment": {"rows": [row]}})
    err = StringIO()
    with pytest.raises(CommandError) as error:
        call_command("assessment_import", path, "--client", str(client_record.pk), "--user",
                     "therapist", stdout=StringIO(), stderr=err)  # fmt: skip
    assert str(error.value) == f"{path}: 1 problem found; nothing was imported."
    assert err.getvalue() == (
        "$.treatment.rows[0].technique: This technique is not offered to your profession "
        "(or no longer in use)\n"
    )
    assert _rows() == (0, 0, 0)


def test_assessment_import_json_syntax_error_gives_line_and_column(
    therapist: User, client_record: Client, tmp_path: Path
) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{\n  "schema": "hipplan.assessment",\n  "version": 1,\n}\n', encoding="utf-8")
    err = StringIO()
    with pytest.raises(
        CommandError, match=r"broken\.json: 1 problem found; nothing was imported\.$"
    ):
        call_command(
            "assessment_import",
            str(path),
            "--client",
            str(client_record.pk),
            "--user",
            "therapist",
            stderr=err,
        )
    # The wording is Python's own (it changed in 3.13); the position is passed on.
    with pytest.raises(json.JSONDecodeError) as parsed:
        json.loads(path.read_text(encoding="utf-8"))
    error = parsed.value
    assert err.getvalue() == (
        f"$: not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})\n"
    )
    assert _rows() == (0, 0, 0)


def test_assessment_import_missing_file_is_refused(
    therapist: User, client_record: Client, tmp_path: Path
) -> None:
    path = tmp_path / "absent.json"
    with pytest.raises(
        CommandError, match=re.escape(f"{path}: cannot read the file (No such file or directory).")
    ):
        _run("assessment_import", str(path), "--client", str(client_record.pk), "--user",
             "therapist")  # fmt: skip


def test_assessment_import_outsider_gets_not_found(
    outsider: User, client_record: Client, tmp_path: Path
) -> None:
    path = _write(tmp_path / "visit.json", VALID)
    with pytest.raises(CommandError, match=rf"^Client {client_record.pk} not found\.$"):
        _run("assessment_import", path, "--client", str(client_record.pk), "--user", "outsider")
    assert _rows() == (0, 0, 0)


def test_assessment_import_outsider_is_refused_before_reading_the_file(
    outsider: User, client_record: Client, tmp_path: Path
) -> None:
    with pytest.raises(CommandError, match=rf"^Client {client_record.pk} not found\.$"):
        _run("assessment_import", str(tmp_path / "absent.json"), "--client",
             str(client_record.pk), "--user", "outsider")  # fmt: skip


def test_assessment_commands_round_trip_between_clients(
    rich: Assessment, therapist: User, clinic: Clinic, tmp_path: Path
) -> None:
    target = tmp_path / "visit.json"
    _run("assessment_export", str(rich.pk), "--user", "therapist", "--output", str(target))
    twin = ClientFactory(clinic=clinic, date_of_birth=rich.client.date_of_birth)
    out, _ = _run("assessment_import", str(target), "--client", str(twin.pk), "--user",
                  "therapist")  # fmt: skip
    first = json.loads(target.read_text(encoding="utf-8"))
    second = export_assessment(assessment_get(therapist, int(out)))
    assert (first["client"].pop("reference"), second["client"].pop("reference")) == (
        str(rich.client_id),
        str(twin.pk),
    )
    assert second == first

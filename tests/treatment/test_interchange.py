"""The treatment given in the assessment interchange document, version 2: exported with the
visit, imported through treatment_save (scope of practice, precautions) with every refusal
at its JSON path."""

import json
import re
from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from jsonschema import Draft202012Validator

from assessments.body_chart.regions import Mark
from assessments.interchange import schema as interchange_schema
from assessments.interchange.document import (
    InterchangeError,
    export_assessment,
    import_assessment,
    load_json,
    parse_document,
)
from assessments.models import Assessment
from assessments.selectors import assessment_get
from assessments.services import assessment_finalise
from clinic.models import AuditEntry, Client, Clinic
from tests.assessments.factories import RICH_NARRATIVE, RICH_VALUES, VALID, recorded_assessment
from tests.paths import ROOT
from treatment.checks import NOT_OFFERED, REASON_NEEDED, RowInput
from treatment.models import TreatmentRecord
from treatment.precautions import CODES
from treatment.services import clinic_technique_create, treatment_save

NONE = dict.fromkeys(CODES, "no")
DOC = (ROOT / "docs" / "interchange.md").read_text(encoding="utf-8")


def _block(tag: str) -> str:
    found = re.search(rf"```{tag}\n(.*?)```", DOC, flags=re.DOTALL)
    assert found is not None
    return found.group(1)


def _schema_errors(document: object) -> list[str]:
    schema = json.loads((ROOT / interchange_schema.SCHEMA_FILES[2]).read_text(encoding="utf-8"))
    return [error.message for error in Draft202012Validator(schema).iter_errors(document)]


def test_documented_version_2_example_is_valid() -> None:
    parsed = parse_document(load_json(_block("json treatment")))
    assert parsed.version == 2
    assert _schema_errors(json.loads(_block("json treatment"))) == []
    given = parsed.sections["treatment"]
    assert [(row.technique, row.minutes) for row in given.rows] == [  # type: ignore[attr-defined]
        ("trigger-point-compression", 10),
        ("clinic-12", 5),
    ]


def test_visit_with_palpation_body_chart_and_treatment_round_trips(
    massage_therapist: User, physio: User, clinic_admin: User, clinic: Clinic,
    client_record: Client,
) -> None:  # fmt: skip
    own = clinic_technique_create(
        actor=clinic_admin,
        clinic=clinic,
        fields={"name": "Hot stones", "description": "Warm stones glided along the muscle.",
                "depth": "light", "scope": "hands_on", "active": True},
    )  # fmt: skip
    values = {**RICH_VALUES, ("since_last_visit", ""): "better"}
    values[("last_treatment_response", "")] = "sore"
    visit = recorded_assessment(
        actor=massage_therapist, client=client_record, values=values, narrative=RICH_NARRATIVE,
        body_chart=[Mark("buttock_left", "ache", 6)], final=False,
    )  # fmt: skip
    treatment_save(
        actor=massage_therapist,
        assessment=visit,
        expected_version=0,
        precautions={**NONE, "anticoagulants": "yes"},
        rows=[
            RowInput("trigger-point-compression", "piriformis", "left", 10, "firm", "prone", 6, 3,
                     "hip IR 24 to 29", "Cleared by the GP"),
            RowInput(f"clinic-{own.pk}", "glute_max", "both", 5, "light", "side_lying"),
        ],
    )  # fmt: skip
    assessment_finalise(actor=massage_therapist, assessment=visit, expected_version=visit.version)

    first = export_assessment(assessment_get(massage_therapist, visit.pk))
    assert _schema_errors(first) == []
    assert first["version"] == 2
    assert first["body_chart"] == [{"region": "buttock_left", "pain_type": "ache", "intensity": 6}]
    assert {"item": "palp_piriformis_trigger", "side": "left", "value": "familiar"} in first[
        "measurements"
    ]
    rows = first["treatment"]["rows"]
    assert [(r["technique"], r["technique_name"], r["flagged"]) for r in rows] == [
        ("trigger-point-compression", "Trigger point (ischaemic) compression", ["anticoagulants"]),
        (f"clinic-{own.pk}", "Hot stones", []),
    ]

    parsed = parse_document(load_json(json.dumps(first)))
    imported = import_assessment(parsed, client=client_record, actor=physio)

    assert export_assessment(assessment_get(physio, imported.pk)) == {
        **first,
        "therapist": physio.username,
    }
    assert AuditEntry.objects.filter(object_type="treatment", actor=physio).count() == 1


def test_import_refuses_rows_the_importer_may_not_record_each_at_its_path(
    massage_therapist: User, client_record: Client
) -> None:
    document = {
        **VALID,
        "version": 2,
        "treatment": {
            "precautions": {"anticoagulants": "yes"},
            "rows": [
                # Physiotherapists only; a clinic technique this clinic does not have; a firm
                # technique under anticoagulants without the reason.
                {"technique": "hip-joint-mobilisation", "region": "glute_max", "side": "left"},
                {"technique": "clinic-7", "technique_name": "Hot stones", "region": "glute_max",
                 "side": "left", "minutes": 5},
                {"technique": "deep-tissue-massage", "region": "glute_max", "side": "left",
                 "minutes": Decimal(10)},
            ],
        },
    }  # fmt: skip
    parsed = parse_document(document)

    with pytest.raises(InterchangeError) as error:
        import_assessment(parsed, client=client_record, actor=massage_therapist)

    # docs/interchange.md shows these lines.
    shown = _block("text treatment problems").splitlines()
    assert [str(problem) for problem in error.value.problems] == shown
    assert shown[0] == f"$.treatment.rows[0].technique: {NOT_OFFERED.rstrip('.')}"
    assert shown[2] == f"$.treatment.rows[2].precaution_reason: {REASON_NEEDED.rstrip('.')}"
    assert (Assessment.objects.count(), TreatmentRecord.objects.count()) == (0, 0)

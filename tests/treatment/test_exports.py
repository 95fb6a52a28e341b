"""The treatment given in the exports: a FHIR Procedure per row, and rows in the JSON record."""

import datetime
import json

from django.contrib.auth.models import User
from fhir.resources.R4B.procedure import Procedure

from assessments.models import Assessment
from plans.export.fhir import fhir_bundle, fhir_bundle_json
from plans.export.record import export_client_record
from plans.export.selectors import client_record_get
from treatment.checks import RowInput
from treatment.precautions import CODES
from treatment.services import treatment_save

EXPORTED_AT = datetime.datetime(2026, 11, 20, 9, 15, tzinfo=datetime.UTC)
ROWS = [
    RowInput("trigger-point-compression", "piriformis", "right", 10, "firm", "prone", 6, 3,
             "hip IR 24 to 29", "Cleared by the GP"),
    RowInput("heat-application", "lower_back", "none"),
]  # fmt: skip


def _record(therapist: User, visit: Assessment) -> None:
    treatment_save(
        actor=therapist,
        assessment=visit,
        expected_version=0,
        precautions={**dict.fromkeys(CODES, "no"), "anticoagulants": "yes"},
        rows=ROWS,
    )


def test_fhir_procedure_per_row(therapist: User, visit: Assessment) -> None:
    _record(therapist, visit)
    record = client_record_get(therapist, visit.client_id)
    bundle = json.loads(fhir_bundle_json(fhir_bundle(record, exported_at=EXPORTED_AT)))
    encounter = next(e for e in bundle["entry"] if e["resource"]["resourceType"] == "Encounter")
    procedures = [
        e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Procedure"
    ]
    assert [p["code"]["text"] for p in procedures] == [
        "Trigger point (ischaemic) compression",
        "Heat application",
    ]
    first = procedures[0]
    Procedure.model_validate(first)
    assert first["encounter"] == {"reference": encounter["fullUrl"]}
    assert first["performedDateTime"] == "2026-11-02"
    assert first["bodySite"] == [{"text": "Piriformis, right"}]
    assert first["note"] == [
        {
            "text": "10 min; pressure firm or deep; client prone; pain 6/10 before, 3/10 after; "
            "response: hip IR 24 to 29; precaution noted (Takes anticoagulant "
            "(blood-thinning) medication); reason: Cleared by the GP"
        }
    ]
    assert procedures[1]["bodySite"] == [{"text": "Lower back (region)"}]


def test_json_record_holds_the_rows(therapist: User, visit: Assessment) -> None:
    _record(therapist, visit)
    document = export_client_record(
        client_record_get(therapist, visit.client_id), exported_at=EXPORTED_AT
    )
    [given] = [v["assessment"]["treatment"] for v in document["visits"]]
    assert given["precautions"]["anticoagulants"] == "yes"
    assert [(r["technique"], r["minutes"], r["flagged"]) for r in given["rows"]] == [
        ("trigger-point-compression", 10, ["anticoagulants"]),
        ("heat-application", None, []),
    ]

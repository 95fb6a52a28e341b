"""The body chart in the record's exports (JSON and FHIR) and in the interchange document,
and palpation in the FHIR Bundle."""

import datetime
import json
from decimal import Decimal

from django.contrib.auth.models import User
from fhir.resources.R4B.observation import Observation

from assessments.body_chart.regions import Mark
from assessments.interchange.document import export_assessment, import_assessment, parse_document
from assessments.selectors import assessment_get, assessment_values
from assessments.values import AssessmentValues, Key, Value
from clinic.models import Client
from plans.export.fhir import fhir_bundle, fhir_bundle_json
from plans.export.fhir_observations import VisitContext, observations
from plans.export.record import export_client_record
from plans.export.selectors import client_record_get
from tests.assessments.factories import recorded_assessment
from tests.plans.export.test_record import _validator

EXPORTED_AT = datetime.datetime(2026, 11, 20, 9, 15, 30, tzinfo=datetime.UTC)
CHART = [Mark("leg_back_left", "pins_needles", 4), Mark("buttock_left", "ache", 6)]


def test_marks_leave_in_the_json_record_and_as_fhir_observations_and_come_back(
    therapist: User, client_record: Client
) -> None:
    recorded_assessment(
        actor=therapist, client=client_record, values={("pain_now", ""): Decimal(5)},
        body_chart=CHART,
    )  # fmt: skip
    record = client_record_get(therapist, client_record.pk)
    document = export_client_record(record, exported_at=EXPORTED_AT)
    assert list(_validator().iter_errors(document)) == []
    chart = document["visits"][0]["assessment"]["body_chart"]
    assert chart == [
        {"region": "buttock_left", "pain_type": "ache", "intensity": 6},
        {"region": "leg_back_left", "pain_type": "pins_needles", "intensity": 4},
    ]

    bundle = json.loads(fhir_bundle_json(fhir_bundle(record, exported_at=EXPORTED_AT)))
    charted = [
        entry["resource"]
        for entry in bundle["entry"]
        if entry["resource"].get("bodySite", {}).get("coding", [{}])[0].get("system", "")
        .endswith("/body-chart-region")
    ]  # fmt: skip
    for resource in charted:
        Observation.model_validate(resource)
    assert [
        (
            o["bodySite"]["text"],
            o["valueInteger"],
            o["component"][0]["valueCodeableConcept"]["text"],
        )
        for o in charted
    ] == [
        ("Left buttock", 6, "Ache"),
        ("Below the left knee (back)", 4, "Pins and needles"),
    ]

    # The interchange document carries the chart into a new visit; without marks, no key.
    parsed = parse_document(document["visits"][0]["assessment"])
    copy = import_assessment(parsed, client=client_record, actor=therapist)
    assert assessment_values(assessment_get(therapist, copy.pk)).body_chart == tuple(
        sorted(CHART, key=lambda mark: mark.region)
    )
    bare = recorded_assessment(actor=therapist, client=client_record, values={})
    assert "body_chart" not in export_assessment(bare)
    assert parse_document(export_assessment(bare)).body_chart == ()


def test_fhir_palpation_one_observation_per_muscle_and_side() -> None:
    values: dict[Key, Value] = {
        ("palp_piriformis_tender", "left"): "2",
        ("palp_piriformis_trigger", "left"): "familiar",
        ("palp_piriformis_referral", ""): "back of the thigh",
        ("palp_piriformis_tone", "right"): "normal",
        ("palp_tfl_itb_tone", "left"): "increased",
    }
    context = VisitContext(
        key="visit/1",
        values=AssessmentValues(values),
        patient="urn:uuid:p",
        encounter="urn:uuid:e",
        date="2026-10-05",
        status="final",
        performer="Alex Moreno",
    )
    found = [entry["resource"] for entry in observations(context)]
    for resource in found:
        Observation.model_validate(resource)
    shown = [
        (
            o["code"]["coding"][0]["code"],
            o["bodySite"]["text"],
            [
                (c["code"]["coding"][0]["code"], c["valueCodeableConcept"]["text"])
                for c in o["component"]
            ],
            o.get("note"),
        )
        for o in found
    ]
    assert shown == [
        ("palpation_tfl_itb", "Left TFL / ITB", [("palp_tfl_itb_tone", "Increased")], None),
        (
            "palpation_piriformis",
            "Left piriformis",
            [
                ("palp_piriformis_tender", "2 \N{EN DASH} moderate, winces"),
                ("palp_piriformis_trigger", "Familiar pain"),
            ],
            [{"text": "Trigger point refers to: back of the thigh"}],
        ),
        ("palpation_piriformis", "Right piriformis", [("palp_piriformis_tone", "Normal")], None),
    ]

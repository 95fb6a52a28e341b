"""The FHIR R4 Bundle: resources, codes, units, body sites and references inside the bundle."""

import datetime
import json
import re
from decimal import Decimal
from typing import Any

import pytest
from django.contrib.auth.models import User
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.observation import Observation
from pydantic import ValidationError

from assessments.models import Assessment
from assessments.values import AssessmentValues, Key, Value
from clinic.models import Client
from plans.export.fhir import fhir_bundle, fhir_bundle_json
from plans.export.fhir_codes import MEASURE_SYSTEM
from plans.export.fhir_observations import VisitContext, observations
from plans.export.selectors import client_record_get
from tests.assessments.factories import recorded_assessment
from tests.factories import ClientFactory
from tests.paths import ROOT
from tests.plans.export.fhir_parts import (
    EXPORTED_AT,
    LOCAL,
    SNOMED,
    UCUM,
    observation_of,
    references_in,
    resources,
)

LEFT_HIP = {
    "coding": [{"system": SNOMED, "code": "24136001:272741003=7771000"}],
    "text": "Left hip joint",
}
RIGHT_HIP = {
    "coding": [{"system": SNOMED, "code": "24136001:272741003=24028007"}],
    "text": "Right hip joint",
}
FULL: dict[Key, Value] = {
    ("pain_now", ""): Decimal(6),
    ("pain_worst_24h", ""): Decimal(8),
    ("hip_flexion", "left"): Decimal(120),
    ("hip_flexion", "right"): Decimal(110),
    ("hip_internal_rotation", "left"): Decimal(30),
    ("hip_rotation_position", ""): "prone",
    ("rom_instrument", ""): "goniometer",
    ("lumbar_flexion", ""): Decimal(50),
    ("thomas_hip_angle", "left"): Decimal(12),
    ("faber", "right"): "positive",
    ("aslr_score", "left"): Decimal(2),
    ("psfs_activity_1", ""): "Sitting through a meeting",
    ("psfs_score_1", ""): Decimal(3),
    ("psfs_activity_2", ""): "Cycling",
    ("psfs_score_2", ""): Decimal(6),
    # 8 of 10 sections (two missing, the most allowed): 20 / 40 = 50%.
    **{(f"odi_section_{n}", ""): Decimal(2 + n % 2) for n in range(1, 9)},
    ("startback_total", ""): Decimal(5),
    ("startback_distress", ""): Decimal(2),
}


@pytest.fixture
def final_visit(therapist: User, client_record: Client) -> Assessment:
    therapist.first_name, therapist.last_name = "Alex", "Moreno"
    therapist.save()
    return recorded_assessment(
        actor=therapist, client=client_record, values=FULL, visit_date=datetime.date(2026, 10, 5)
    )


@pytest.fixture
def draft_visit(therapist: User, client_record: Client, final_visit: Assessment) -> Assessment:
    return recorded_assessment(
        actor=therapist,
        client=client_record,
        values={("pain_now", ""): Decimal(3), ("faber", "right"): "negative"},
        final=False,
    )


@pytest.fixture
def bundle(therapist: User, client_record: Client, draft_visit: Assessment) -> dict[str, Any]:
    client_record.preferred_name = "Pri"
    client_record.email = "priya@example.com"
    client_record.sex = "female"
    client_record.save()
    record = client_record_get(therapist, client_record.pk)
    return json.loads(fhir_bundle_json(fhir_bundle(record, exported_at=EXPORTED_AT)))


def test_fhir_bundle_is_a_valid_r4_collection(bundle: dict[str, Any]) -> None:
    parsed = Bundle.model_validate(bundle)
    kinds = [entry.resource.get_resource_type() for entry in parsed.entry or []]
    assert (parsed.type, str(parsed.timestamp)) == ("collection", "2026-11-20 09:15:30+00:00")
    assert (kinds[:2], kinds.count("Encounter"), kinds.count("Observation")) == (
        ["Patient", "Organization"],
        2,
        12,
    )


def test_fhir_patient_has_name_birth_date_and_clinic_identifier(
    bundle: dict[str, Any], client_record: Client
) -> None:
    [patient] = resources(bundle, "Patient")
    organization = bundle["entry"][1]["fullUrl"]
    assert patient == {
        "resourceType": "Patient",
        "identifier": [
            {
                "system": f"https://hipplan.invalid/fhir/clinic/{client_record.clinic_id}/client",
                "value": str(client_record.pk),
            }
        ],
        "active": True,
        "name": [
            {"use": "official", "family": "Sharma", "given": ["Priya"]},
            {"use": "usual", "given": ["Pri"]},
        ],
        "birthDate": "1988-04-12",
        "managingOrganization": {"reference": organization},
        "telecom": [{"system": "email", "value": "priya@example.com"}],
        "gender": "female",
    }


def test_fhir_encounter_per_visit_with_status_and_therapist(
    bundle: dict[str, Any], final_visit: Assessment, draft_visit: Assessment
) -> None:
    encounters = resources(bundle, "Encounter")
    assert [
        (e["identifier"][0]["value"], e["status"], e["period"], e["participant"])
        for e in encounters
    ] == [
        (
            str(final_visit.pk),
            "finished",
            {"start": "2026-10-05", "end": "2026-10-05"},
            [{"individual": {"display": "Alex Moreno"}}],
        ),
        (
            str(draft_visit.pk),
            "in-progress",
            {"start": "2026-11-02"},
            [{"individual": {"display": "Alex Moreno"}}],
        ),
    ]
    assert encounters[0]["class"] == {
        "system": "http://terminology.hl7.org/CodeSystem/v3-ActCode",
        "code": "AMB",
    }


def test_fhir_pain_now_is_loinc_72514_3_and_worst_is_local(bundle: dict[str, Any]) -> None:
    now = observation_of(bundle, "72514-3")
    worst = observation_of(bundle, "pain_worst_24h")
    assert now["code"]["coding"] == [
        {"system": "http://loinc.org", "code": "72514-3"},
        {"system": f"{LOCAL}/measure", "code": "pain_now"},
    ]
    assert now["valueQuantity"] == {"value": 6, "unit": "score", "system": UCUM, "code": "{score}"}
    assert [c["system"] for c in worst["code"]["coding"]] == [f"{LOCAL}/measure"]
    assert worst["valueQuantity"]["value"] == 8
    assert observation_of(bundle, "72514-3", draft=True)["valueQuantity"]["value"] == 3


def _degrees(snomed: str, item: str, text: str, value: int) -> dict[str, Any]:
    """One expected movement component of a hip range-of-movement observation."""
    coding = [{"system": SNOMED, "code": snomed}, {"system": f"{LOCAL}/measure", "code": item}]
    return {
        "code": {"coding": coding, "text": text},
        "valueQuantity": {"value": value, "unit": "deg", "system": UCUM, "code": "deg"},
    }


def test_fhir_hip_rom_has_degrees_snomed_body_site_and_laterality(bundle: dict[str, Any]) -> None:
    observations = resources(bundle, "Observation")
    left, right = [o for o in observations if o["code"]["coding"][0]["code"] == "299238003"]
    category = "http://terminology.hl7.org/CodeSystem/observation-category"
    assert {key: left[key] for key in ("category", "code", "bodySite", "method", "note")} == {
        "category": [{"coding": [{"system": category, "code": "exam"}]}],
        "code": {
            "coding": [{"system": SNOMED, "code": "299238003"}],
            "text": "Hip range of movement",
        },
        "bodySite": LEFT_HIP,
        "method": {
            "coding": [{"system": f"{LOCAL}/instrument", "code": "goniometer"}],
            "text": "Goniometer",
        },
        "note": [{"text": "Rotation measured prone."}],
    }
    assert left["component"] == [
        _degrees("9964006", "hip_flexion", "Flexion", 120),
        _degrees("12852001", "hip_internal_rotation", "Internal rotation", 30),
    ]
    assert right["component"] == [_degrees("9964006", "hip_flexion", "Flexion", 110)]
    assert (right["bodySite"], "note" in right) == (RIGHT_HIP, False)


def test_fhir_tests_use_the_local_code_system_and_the_tested_hip(bundle: dict[str, Any]) -> None:
    faber = observation_of(bundle, "faber")
    assert (faber["code"], faber["bodySite"], faber["valueCodeableConcept"]) == (
        {"coding": [{"system": f"{LOCAL}/measure", "code": "faber"}], "text": "FABER (Patrick)"},
        RIGHT_HIP,
        {"coding": [{"system": f"{LOCAL}/answer", "code": "positive"}], "text": "Positive"},
    )
    thomas = observation_of(bundle, "thomas_hip_angle")
    assert (thomas["bodySite"], thomas["valueQuantity"]["code"]) == (LEFT_HIP, "deg")
    assert observation_of(bundle, "aslr_score")["valueQuantity"]["code"] == "{score}"
    assert (
        observation_of(bundle, "faber", draft=True)["valueCodeableConcept"]["text"] == "Negative"
    )


def test_fhir_outcome_scores_without_questionnaire_wording(bundle: dict[str, Any]) -> None:
    psfs = observation_of(bundle, "psfs_mean")
    assert (psfs["valueQuantity"]["value"], [c["code"]["text"] for c in psfs["component"]]) == (
        4.5,
        ["Sitting through a meeting", "Cycling"],
    )
    oswestry = observation_of(bundle, "97908-8")
    assert (oswestry["valueQuantity"], oswestry["interpretation"], oswestry["note"]) == (
        {"value": 50, "unit": "%", "system": UCUM, "code": "%"},
        [{"text": "severe disability"}],
        [{"text": "Calculated from 8 of 10 sections."}],
    )
    startback = observation_of(bundle, "startback_total")
    assert (
        startback["valueQuantity"]["value"],
        startback["component"][0]["valueQuantity"]["value"],
        startback["interpretation"],
        startback["note"],
    ) == (
        5,
        2,
        [{"text": "medium risk"}],
        [{"text": "Totals entered from the clinic's licensed form."}],
    )


def test_fhir_startback_from_the_nine_answers() -> None:
    answers: dict[Key, Value] = {
        (f"startback_{n}", ""): "agree" if n in (1, 5, 6, 7, 8) else "disagree"
        for n in range(1, 9)
    }
    answers[("startback_9", "")] = "extremely"
    context = VisitContext(
        key="visit/1",
        values=AssessmentValues(answers),
        patient="urn:uuid:p",
        encounter="urn:uuid:e",
        date="2026-10-05",
        status="final",
        performer="Alex Moreno",
    )
    (entry,) = observations(context)
    startback = entry["resource"]
    assert (
        startback["code"]["text"],
        startback["valueQuantity"]["value"],
        startback["component"][0]["code"]["text"],
        startback["component"][0]["valueQuantity"]["value"],
        startback["interpretation"],
        startback["note"],
    ) == (
        "STarT Back total",
        6,
        "STarT Back psychosocial subscale",
        5,
        [{"text": "high risk"}],
        [{"text": "Calculated from 9 of 9 answers."}],
    )
    Observation.model_validate(startback)


def test_fhir_roland_morris_total_is_a_survey_with_no_wording() -> None:
    context = VisitContext(
        key="visit/1",
        values=AssessmentValues({("rmdq_score", ""): Decimal(9), ("sport", ""): "running"}),
        patient="urn:uuid:p",
        encounter="urn:uuid:e",
        date="2026-10-05",
        status="final",
        performer="Alex Moreno",
    )
    (entry,) = observations(context)  # the sport has no mapping: not exported
    rmdq = entry["resource"]
    assert (
        rmdq["code"]["coding"][0]["code"],
        rmdq["code"]["text"],
        rmdq["valueQuantity"]["value"],
        rmdq["note"],
    ) == (
        "rmdq_score",
        "Roland-Morris Disability Questionnaire",
        9,
        [{"text": "Total entered from the clinic's form."}],
    )
    Observation.model_validate(rmdq)


def test_fhir_bundle_leaves_out_items_it_has_no_mapping_for(bundle: dict[str, Any]) -> None:
    local = {
        coding["code"]
        for o in resources(bundle, "Observation")
        for coding in o["code"]["coding"]
        if coding["system"] == MEASURE_SYSTEM
    }
    assert local == {
        "pain_now",
        "pain_worst_24h",
        "thomas_hip_angle",
        "faber",
        "aslr_score",
        "psfs_mean",
        "odi_score",
        "startback_total",
    }


def test_fhir_every_reference_resolves_inside_the_bundle(bundle: dict[str, Any]) -> None:
    full_urls = [entry["fullUrl"] for entry in bundle["entry"]]
    references = list(references_in(bundle))
    assert len(set(full_urls)) == len(full_urls)
    # managing organization; subject and provider per visit; subject and visit per observation
    assert len(references) == 1 + 2 * 2 + 12 * 2
    assert sorted(set(references) - set(full_urls)) == []


def test_fhir_full_urls_are_stable_across_exports(
    bundle: dict[str, Any], therapist: User, client_record: Client
) -> None:
    record = client_record_get(therapist, client_record.pk)
    again = fhir_bundle(record, exported_at=EXPORTED_AT + datetime.timedelta(days=1))
    assert [e["fullUrl"] for e in again["entry"]] == [e["fullUrl"] for e in bundle["entry"]]


def test_fhir_bundle_holds_no_other_client(
    therapist: User, client_record: Client, final_visit: Assessment
) -> None:
    other = ClientFactory(clinic=client_record.clinic, given_name="Zed", family_name="Quill")
    theirs = recorded_assessment(
        actor=therapist, client=other, values={("pain_now", ""): Decimal(9)}
    )
    record = client_record_get(therapist, client_record.pk)
    text = fhir_bundle_json(fhir_bundle(record, exported_at=EXPORTED_AT))
    visits = [e["identifier"][0]["value"] for e in resources(json.loads(text), "Encounter")]
    assert (visits, "Zed" in text, "Quill" in text) == ([str(final_visit.pk)], False, False)
    assert str(theirs.pk) not in visits


def test_fhir_bundle_json_refuses_an_invalid_resource() -> None:
    broken = {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [{"fullUrl": "urn:uuid:x", "resource": {"resourceType": "Observation"}}],
    }
    with pytest.raises(ValidationError, match=r"entry\.0\.resource\.code"):
        fhir_bundle_json(broken)


def test_documented_observation_example_is_valid_r4() -> None:
    text = (ROOT / "docs" / "fhir.md").read_text(encoding="utf-8")
    example = re.search(r"```json\n(.*?)```", text, flags=re.DOTALL)
    assert example is not None
    observation = Observation.model_validate_json(example.group(1))
    assert observation.bodySite is not None
    assert observation.bodySite.coding is not None
    assert observation.bodySite.coding[0].code == "24136001:272741003=7771000"

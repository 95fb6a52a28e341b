"""The FHIR Bundle's program observations: the client's adherence, daily pain and their
answers before a visit, each performed by the client."""

import datetime
import json

from django.contrib.auth.models import User
from fhir.resources.R4B.observation import Observation

from clinic.models import Client
from plans.export.fhir import fhir_bundle, fhir_bundle_json
from plans.export.selectors import client_record_get
from tests.assessments.factories import recorded_assessment
from tests.plans.export.fhir_parts import EXPORTED_AT, LOCAL, UCUM, references_in, resources
from tests.plans.export.programs import answered, followed_program


def test_fhir_program_adherence_and_daily_pain_are_observations(
    therapist: User, client_record: Client
) -> None:
    link = followed_program(therapist, client_record)
    record = client_record_get(therapist, client_record.pk)
    bundle = json.loads(fhir_bundle_json(fhir_bundle(record, exported_at=EXPORTED_AT)))
    patient = bundle["entry"][0]["fullUrl"]
    observations = resources(bundle, "Observation")
    programs = [o for o in observations if o["code"]["coding"][0]["code"] == "program_adherence"]
    assert len(programs) == 1
    adherence = programs[0]
    exercises = link.version.snapshot.content["exercises"]
    planned = link.planned_per_week * 47 / 7  # 5 Oct to the export on 20 Nov
    assert (adherence["status"], adherence["category"][0]["coding"][0]["code"]) == (
        "preliminary",  # the link is still open: the client can tick more
        "therapy",
    )
    assert adherence["effectivePeriod"] == {"start": "2026-10-05", "end": "2026-11-20"}
    assert adherence["valueQuantity"] == {
        "value": round(100 * 3 / planned, 1),
        "unit": "%",
        "system": UCUM,
        "code": "%",
    }
    assert adherence["interpretation"] == [{"text": "Under half of the planned sessions done"}]
    assert (adherence["subject"], adherence["performer"]) == (
        {"reference": patient},
        [{"reference": patient}],
    )
    first = adherence["component"][0]
    assert first["code"] == {
        "coding": [{"system": f"{LOCAL}/intervention", "code": exercises[0]["slug"]}],
        "text": exercises[0]["name"],
    }
    assert first["valueRatio"]["numerator"] == {
        "value": 3,
        "unit": "sessions",
        "system": UCUM,
        "code": "{session}",
    }
    assert len(adherence["component"]) == len(exercises)
    days = [o for o in observations if o["code"]["coding"][-1]["code"] == "program_pain"]
    assert [o["code"]["coding"][0] for o in days] == [
        {"system": "http://loinc.org", "code": "72514-3"}
    ] * 2
    rated, unrated = days
    assert (rated["effectiveDateTime"], rated["valueQuantity"]["value"], rated["note"]) == (
        "2026-10-06",
        4,
        [{"text": "Tight after work"}],
    )
    assert (unrated["effectiveDateTime"], unrated["dataAbsentReason"]["coding"][0]["code"]) == (
        "2026-10-13",
        "unknown",
    )
    assert "valueQuantity" not in unrated
    for observation in (adherence, rated, unrated):
        Observation.model_validate(observation)
    full_urls = {entry["fullUrl"] for entry in bundle["entry"]}
    assert set(references_in(bundle)) <= full_urls
    assert [secret in json.dumps(bundle) for secret in (link.salt, link.digest)] == [False, False]


def test_fhir_client_answers_before_a_visit_are_observations_by_the_client(
    therapist: User, client_record: Client
) -> None:
    link = followed_program(therapist, client_record)
    later = recorded_assessment(
        actor=therapist,
        client=client_record,
        values={},
        visit_date=datetime.date(2026, 11, 2),
        final=False,
    )
    answered(therapist, link, later)
    record = client_record_get(therapist, client_record.pk)
    bundle = json.loads(fhir_bundle_json(fhir_bundle(record, exported_at=EXPORTED_AT)))
    patient = {"reference": bundle["entry"][0]["fullUrl"]}
    sets = [
        o
        for o in resources(bundle, "Observation")
        if o["code"]["coding"][0]["code"] == "program_answers"
    ]
    assert [(o["effectiveDateTime"], o["status"]) for o in sets] == [
        ("2026-10-30T19:05:00Z", "final"),
        ("2026-10-31T19:05:00Z", "final"),
    ]
    used, open_set = sets
    assert (used["subject"], used["performer"]) == (patient, [patient])
    assert used["note"] == [
        {
            "text": "Sent on the program page of plan version 1. Taken into the draft of the"
            " visit of 2026-11-02."
        }
    ]
    parts = [
        (
            [c["code"] for c in part["code"]["coding"]],
            part["code"]["text"],
            part.get("valueString"),
        )
        for part in used["component"]
    ]
    assert parts == [
        (["72514-3", "pain_now"], "Pain now (NPRS)", None),
        (["pain_worst_24h"], "Worst pain, last 24 hours (NPRS)", None),
        (["since_last_visit"], "Since the last visit", "Better"),
        (["psfs_score_1"], "Sitting at work", None),
        (["psfs_score_2"], "Cycling", None),
    ]
    scores = [
        part["valueQuantity"]["value"] for part in used["component"] if "valueQuantity" in part
    ]
    assert scores == [3, 5, 6, 4]
    # Only what the client answered: a blank pain now, no "since" and no activities.
    assert [part["code"]["text"] for part in open_set["component"]] == [
        "Worst pain, last 24 hours (NPRS)"
    ]
    assert open_set["note"][0]["text"].endswith("Not yet taken into a visit.")
    for observation in sets:
        Observation.model_validate(observation)

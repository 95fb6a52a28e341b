"""The client-record document: every visit as an assessment document, plus its plans."""

import copy
import datetime
import json
import re
from decimal import Decimal
from typing import Any

import pytest
from django.contrib.auth.models import User
from jsonschema import Draft202012Validator
from pytest_django import DjangoAssertNumQueries
from referencing import Registry, Resource

from assessments.interchange import schema as interchange_schema
from assessments.interchange.document import export_assessment, load_json, parse_document
from assessments.models import Assessment
from assessments.selectors import assessment_get
from assessments.services import assessment_amend
from clinic.models import Client
from plans.export import record as export_record
from plans.export.record import export_client_record
from plans.export.selectors import client_record_get
from plans.models import PlanItem, PlanVersion
from plans.program.selectors import token_of
from plans.services import plan_build, plan_issue, plan_item_update, plan_revise
from tests.assessments.factories import RICH_NARRATIVE, RICH_VALUES, recorded_assessment
from tests.factories import ClientFactory
from tests.paths import ROOT
from tests.plans.export.programs import DAYS_COUNTED, answered, followed_program
from tests.plans.fixtures import TYPICAL
from treatment.checks import RowInput
from treatment.precautions import CODES
from treatment.services import treatment_amend

EXPORTED_AT = datetime.datetime(2026, 11, 20, 9, 15, 30, 123456, tzinfo=datetime.UTC)
FIRST_DAY = datetime.date(2026, 10, 5)
SECOND_DAY = datetime.date(2026, 11, 2)


def _validator() -> Draft202012Validator:
    """The record schema file, with the assessment schema file its visits refer to."""
    assessment = json.loads((ROOT / interchange_schema.SCHEMA_FILE).read_text(encoding="utf-8"))
    record = json.loads((ROOT / export_record.SCHEMA_FILE).read_text(encoding="utf-8"))
    registry = Registry().with_resource(assessment["$id"], Resource.from_contents(assessment))
    return Draft202012Validator(
        record, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def _errors(document: object) -> list[str]:
    return sorted(error.message for error in _validator().iter_errors(document))


@pytest.fixture
def first_visit(therapist: User, client_record: Client) -> Assessment:
    """A finalised visit whose plan was issued, then revised into a draft version 2."""
    visit = recorded_assessment(
        actor=therapist, client=client_record, values=TYPICAL, visit_date=FIRST_DAY
    )
    version = plan_build(actor=therapist, assessment=visit)
    item = version.items.first()
    assert item is not None
    plan_item_update(
        actor=therapist, item=item, expected_lock=version.lock, fields={"note": "Gently ✓"}
    )
    version.refresh_from_db()
    issued = plan_issue(actor=therapist, version=version, expected_lock=version.lock)
    plan_revise(actor=therapist, version=issued)
    return visit


@pytest.fixture
def second_visit(therapist: User, client_record: Client, first_visit: Assessment) -> Assessment:
    """A later draft without a plan, with every kind of value and the narrative."""
    return recorded_assessment(
        actor=therapist,
        client=client_record,
        values=RICH_VALUES,
        narrative=RICH_NARRATIVE,
        visit_date=SECOND_DAY,
        final=False,
    )


@pytest.fixture
def document(therapist: User, client_record: Client, second_visit: Assessment) -> dict[str, Any]:
    record = client_record_get(therapist, client_record.pk)
    return export_client_record(record, exported_at=EXPORTED_AT)


def test_export_client_record_names_the_client_and_clinic(
    document: dict[str, Any], client_record: Client
) -> None:
    assert {key: document[key] for key in ("schema", "version", "exported_at", "clinic")} == {
        "schema": "hipplan.client-record",
        "version": 5,
        "exported_at": "2026-11-20T09:15:30Z",
        "clinic": {"reference": str(client_record.clinic_id), "name": "Riverside Test Clinic"},
    }
    assert document["client"] == {
        "reference": str(client_record.pk),
        "given_name": "Priya",
        "family_name": "Sharma",
        "preferred_name": "",
        "email": "",
        "phone": "",
        "occupation": "",
        "activities": "",
        "referral_source": "",
        "notes": "",
        "date_of_birth": "1988-04-12",
        "sex": "",
        "consent_date": None,
        "consent_recorded_by": None,
        "archived": False,
    }


def test_export_client_record_holds_every_visit_oldest_first(
    document: dict[str, Any], therapist: User, first_visit: Assessment, second_visit: Assessment
) -> None:
    assert [visit["assessment"] for visit in document["visits"]] == [
        export_assessment(assessment_get(therapist, first_visit.pk)),
        export_assessment(assessment_get(therapist, second_visit.pk)),
    ]
    assert [visit["assessment"]["status"] for visit in document["visits"]] == ["final", "draft"]
    assert document["visits"][1]["plan_versions"] == []


def test_export_client_record_holds_plan_versions_with_items(
    document: dict[str, Any], first_visit: Assessment
) -> None:
    versions = document["visits"][0]["plan_versions"]
    issued = PlanVersion.objects.get(plan__assessment=first_visit, number=1)
    assert issued.issued_at is not None
    assert [(v["number"], v["status"], v["issued_by"]) for v in versions] == [
        (1, "issued", "therapist"),
        (2, "draft", None),
    ]
    assert versions[0]["issued_at"] == issued.issued_at.astimezone(datetime.UTC).strftime(
        "%Y-%m-%dT%H:%M:%SZ"
    )
    assert (versions[1]["issued_at"], versions[0]["message"]) == (None, "")
    slugs = list(PlanItem.objects.filter(plan_version=issued).values_list("slug", flat=True))
    assert [item["intervention"] for item in versions[0]["items"]] == slugs
    first = PlanItem.objects.get(plan_version=issued, slug=slugs[0])
    assert versions[0]["items"][0] == {
        "intervention": first.slug,
        "name": first.name,
        "kind": first.kind,
        "side": first.side,
        "emphasis": first.emphasis,
        "dose": {
            "hold_seconds": first.hold_seconds,
            "repetitions": first.repetitions,
            "sets": first.sets,
            "times_per_day": first.times_per_day,
            "days_per_week": first.days_per_week,
            "rest_seconds": first.rest_seconds,
            "duration_minutes": first.duration_minutes,
            "load": first.load,
        },
        "note": "Gently ✓",
    }
    assert versions[1]["items"] == versions[0]["items"]


def test_export_client_record_is_valid_against_the_schema(document: dict[str, Any]) -> None:
    assert _errors(json.loads(json.dumps(document))) == []


def test_record_schema_rejects_a_named_client_inside_a_visit(document: dict[str, Any]) -> None:
    broken = copy.deepcopy(document)
    broken["visits"][0]["assessment"]["client"]["name"] = "Priya Sharma"
    broken["client"]["nickname"] = "P"
    assert _errors(broken) == [
        "Additional properties are not allowed ('name' was unexpected)",
        "Additional properties are not allowed ('nickname' was unexpected)",
    ]


def test_embedded_visits_are_accepted_by_the_interchange_parser(
    document: dict[str, Any], second_visit: Assessment
) -> None:
    parsed = [
        parse_document(load_json(json.dumps(visit["assessment"]))) for visit in document["visits"]
    ]
    assert [(p.visit_date, p.status) for p in parsed] == [
        (FIRST_DAY, "final"),
        (SECOND_DAY, "draft"),
    ]
    assert dict(parsed[0].values) == TYPICAL
    assert dict(parsed[1].values) == RICH_VALUES
    assert parsed[1].narrative == RICH_NARRATIVE


def test_export_client_record_without_visits_is_valid(
    therapist: User, client_record: Client
) -> None:
    client_record.consent_date = datetime.date(2026, 1, 5)
    client_record.consent_recorded_by = therapist
    client_record.sex = "intersex"
    client_record.save()
    record = client_record_get(therapist, client_record.pk)
    document = export_client_record(record, exported_at=EXPORTED_AT)
    assert (document["visits"], document["client"]["consent_date"]) == ([], "2026-01-05")
    assert (document["client"]["consent_recorded_by"], document["client"]["sex"]) == (
        "therapist",
        "intersex",
    )
    assert _errors(document) == []


def test_export_client_record_holds_no_other_client(
    therapist: User, client_record: Client, second_visit: Assessment
) -> None:
    other = ClientFactory(clinic=client_record.clinic, given_name="Zed", family_name="Other")
    recorded_assessment(actor=therapist, client=other, values={("pain_now", ""): Decimal(9)})
    record = client_record_get(therapist, client_record.pk)
    text = json.dumps(export_client_record(record, exported_at=EXPORTED_AT))
    assert (len(record.visits), "Zed" in text) == (2, False)


# --- schema file and documentation ------------------------------------------------------


def test_record_schema_file_matches_the_generated_schema() -> None:
    text = (ROOT / export_record.SCHEMA_FILE).read_text(encoding="utf-8")
    assert text == export_record.json_schema_text()


def test_documented_record_example_is_valid() -> None:
    text = (ROOT / "docs" / "interchange.md").read_text(encoding="utf-8")
    example = re.search(r"```json record\n(.*?)```", text, flags=re.DOTALL)
    assert example is not None
    document = json.loads(example.group(1))
    assert _errors(document) == []
    parsed = parse_document(load_json(json.dumps(document["visits"][0]["assessment"])))
    assert (parsed.visit_date, parsed.status) == (datetime.date(2026, 8, 4), "final")


def test_export_issued_version_carries_the_handout_as_issued(
    therapist: User, client_record: Client, second_visit: Assessment
) -> None:
    Client.objects.filter(pk=client_record.pk).update(given_name="Priyanka")  # after issue
    record = client_record_get(therapist, client_record.pk)
    document = export_client_record(record, exported_at=EXPORTED_AT)
    issued, draft = document["visits"][0]["plan_versions"]
    assert (issued["status"], draft["status"]) == ("issued", "draft")
    assert issued["handout"]["client"]["name"] == "Priya Sharma"
    assert issued["handout"]["number"] == 1
    assert [item["name"] for item in issued["handout"]["exercises"]] == [
        item["name"] for item in issued["items"] if item["kind"] not in {"advice", "in_clinic"}
    ]
    assert draft["handout"] is None


def test_export_issued_version_carries_its_program_and_never_its_key(
    therapist: User, client_record: Client, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    link = followed_program(therapist, client_record)
    later = recorded_assessment(
        actor=therapist, client=client_record, values={}, visit_date=SECOND_DAY, final=False
    )
    answered(therapist, link, later)
    # client, visits, measurements, body-chart marks, amendments, versions, items (no
    # treatment rows or treatment amendments here: no visit has a treatment record), the
    # links' ticks, days and answers, and the episodes (none: no goals query)
    with django_assert_num_queries(11):
        record = client_record_get(therapist, client_record.pk)
    with django_assert_num_queries(0):
        document = export_client_record(record, exported_at=EXPORTED_AT)
    program = document["visits"][0]["plan_versions"][0]["program"]
    exercise = link.version.snapshot.content["exercises"][0]
    assert {key: program[key] for key in list(program)[:10]} == {
        "created_at": "2026-10-05T10:00:00Z",
        "expires_at": "2026-12-28T10:00:00Z",
        "ended_at": None,
        "end_reason": "",
        "planned_per_week": link.planned_per_week,
        "first_day": "2026-10-05",
        "days_counted": DAYS_COUNTED,
        "done": 3,
        "planned": round(link.planned_per_week * DAYS_COUNTED / 7, 1),
        "under_half": True,
    }
    first = program["exercises"][0]
    assert (first["intervention"], first["name"], first["done"]) == (
        exercise["slug"],
        exercise["name"],
        3,
    )
    weeks = program["weeks"]
    assert [(w["start"], w["days"], w["done"]) for w in weeks[:2]] == [
        ("2026-10-05", 7, 2),
        ("2026-10-12", 7, 1),
    ]
    assert (len(weeks), weeks[-1]["days"], weeks[0]["exercises"][0]["done"]) == (7, 5, 2)
    assert program["days"] == [
        {"day": "2026-10-06", "pain": 4, "note": "Tight after work"},
        {"day": "2026-10-13", "pain": None, "note": "Missed a day"},
    ]
    assert program["answers"] == [
        {
            "submitted_at": "2026-10-30T19:05:00Z",
            "pain_now": 3,
            "pain_worst": 5,
            "since_last_visit": "better",
            "psfs": [
                {"activity": "Sitting at work", "score": 6},
                {"activity": "Cycling", "score": 4},
            ],
            "used_at": "2026-10-30T19:05:00Z",
            "used_in_visit": SECOND_DAY.isoformat(),
        },
        {
            "submitted_at": "2026-10-31T19:05:00Z",
            "pain_now": None,
            "pain_worst": 2,
            "since_last_visit": "",
            "psfs": [],
            "used_at": None,
            "used_in_visit": None,
        },
    ]
    assert _errors(json.loads(json.dumps(document))) == []
    text = json.dumps(document)
    assert [secret in text for secret in (token_of(link), link.salt, link.digest)] == [
        False,
        False,
        False,
    ]


def test_export_carries_each_correction_with_what_stood_before(
    therapist: User, client_record: Client, first_visit: Assessment
) -> None:
    visit = Assessment.objects.get(pk=first_visit.pk)
    amended = {**TYPICAL, ("thomas_hip_angle", "left"): Decimal(15)}
    assessment_amend(
        actor=therapist,
        assessment=visit,
        expected_version=visit.version,
        narrative={},
        values=amended,
        reason="Left hip angle measured again",
    )
    row = RowInput("swedish-massage", "lower_back", "both", 15, "light", "side_lying", 4, 2)
    treatment_amend(
        actor=therapist,
        assessment=visit,
        expected_version=0,
        precautions=dict.fromkeys(CODES, "no"),
        rows=[row],
        reason="Recorded after the visit",
    )
    record = client_record_get(therapist, client_record.pk)
    document = json.loads(json.dumps(export_client_record(record, exported_at=EXPORTED_AT)))
    first = document["visits"][0]
    [correction] = first["amendments"]
    assert (correction["made_by"], correction["reason"]) == (
        "therapist",
        "Left hip angle measured again",
    )
    assert correction["changes"] == [
        {"field": "thomas_hip_angle", "side": "left", "old": "12", "new": "15"}
    ]
    [treated] = first["treatment_amendments"]
    assert (treated["reason"], treated["before"]) == (
        "Recorded after the visit",
        {"precautions": {}, "rows": []},
    )
    assert treated["after"]["precautions"] == dict.fromkeys(CODES, "no")
    [given] = treated["after"]["rows"]
    assert (given["technique"], given["region"], given["minutes"], given["pain_after"]) == (
        "swedish-massage",
        "lower_back",
        15,
        2,
    )
    assert _errors(document) == []

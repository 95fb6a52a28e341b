import datetime
import json
import re
from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from pytest_django import DjangoAssertNumQueries

from assessments.catalogue.items import ITEMS, Kind
from assessments.interchange import document as interchange
from assessments.interchange import schema as interchange_schema
from assessments.interchange.document import (
    InterchangeError,
    export_assessment,
    import_assessment,
    load_json,
    parse_document,
)
from assessments.models import Assessment, Measurement, Status
from assessments.selectors import assessment_get
from clinic.models import AuditEntry, Client
from tests.assessments.factories import (
    RICH_NARRATIVE,
    RICH_VALUES,
    VALID,
    recorded_assessment,
)
from tests.assessments.interchange.helpers import changed, problems
from tests.factories import ClientFactory
from tests.paths import ROOT


@pytest.fixture
def rich(therapist: User, client_record: Client) -> Assessment:
    client_record.sex = "female"
    client_record.save()
    return recorded_assessment(
        actor=therapist, client=client_record, values=RICH_VALUES, narrative=RICH_NARRATIVE
    )


def _fresh(assessment: Assessment, user: User) -> Assessment:
    return assessment_get(user, assessment.pk)


# --- export -----------------------------------------------------------------------------


def test_export_assessment_writes_version_2_document(rich: Assessment, therapist: User) -> None:
    document = export_assessment(_fresh(rich, therapist))
    assert document == {
        "schema": "hipplan.assessment",
        "version": 2,
        "visit_date": "2026-11-02",
        "status": "final",
        "therapist": "therapist",
        "client": {"reference": str(rich.client_id), "age_at_visit": 38, "sex": "female"},
        "narrative": RICH_NARRATIVE,
        "measurements": [
            {"item": "pain_now", "side": "", "value": 5},
            {"item": "pain_site_low_back", "side": "", "value": "central"},
            {"item": "agg_sitting", "side": "", "value": "yes"},
            {"item": "sitting_hours", "side": "", "value": 9.5},
            {"item": "rf_fever", "side": "", "value": "no"},
            {"item": "pelvic_tilt_direction", "side": "", "value": "anterior"},
            {"item": "pelvic_tilt_deg", "side": "", "value": 16},
            {"item": "leg_length_true", "side": "left", "value": 88.4},
            {"item": "leg_length_true", "side": "right", "value": 88.9},
            {"item": "thomas_hip_angle", "side": "left", "value": 12},
            {"item": "thomas_hip_angle", "side": "right", "value": -3},
            {"item": "hip_extension", "side": "left", "value": 3},
            {"item": "hip_extension", "side": "right", "value": 8},
            {"item": "strength_glute_med", "side": "left", "value": "4-"},
            {"item": "strength_glute_med", "side": "right", "value": "5"},
            {"item": "force_glute_med", "side": "right", "value": 172.5},
            {"item": "force_unit", "side": "", "value": "N"},
            {"item": "force_position", "side": "", "value": "Side-lying, 5 cm above the knee"},
            {"item": "trendelenburg", "side": "right", "value": "positive"},
            # Palpation (added to version 1 like any catalogue item: docs/interchange.md).
            {"item": "palp_piriformis_tender", "side": "left", "value": "2"},
            {"item": "palp_piriformis_trigger", "side": "left", "value": "familiar"},
            {"item": "palp_piriformis_referral", "side": "", "value": "Back of the thigh"},
            {
                "item": "psfs_activity_1",
                "side": "",
                "value": "Sitting through a meeting (2 h) \u2013 ça va",
            },
            {"item": "psfs_score_1", "side": "", "value": 3},
            {"item": "odi_percent", "side": "", "value": 38.5},
        ],
    }
    assert type(document["measurements"][0]["value"]) is int


def test_export_assessment_never_names_the_client(rich: Assessment, therapist: User) -> None:
    text = json.dumps(export_assessment(_fresh(rich, therapist)))
    assert ("Priya" in text, "Sharma" in text, "1988" in text) == (False, False, False)


def test_export_assessment_uses_prefetched_rows_only(
    rich: Assessment, therapist: User, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    # As the client-record export loads a visit: the treatment section's record and rows too.
    assessment = (
        Assessment.objects.select_related("client", "therapist", "treatment")
        .prefetch_related("measurements", "chart_marks", "treatment__rows")
        .get(pk=rich.pk)
    )
    with django_assert_num_queries(0):
        export_assessment(assessment)


# --- round trip -------------------------------------------------------------------------


@pytest.mark.parametrize("final", [True, False])
def test_round_trip_export_parse_import_export_is_equal(
    therapist: User, client_record: Client, final: bool
) -> None:
    original = recorded_assessment(
        actor=therapist,
        client=client_record,
        values=RICH_VALUES,
        narrative=RICH_NARRATIVE,
        final=final,
    )
    first = export_assessment(_fresh(original, therapist))
    text = json.dumps(first, indent=2, ensure_ascii=False)
    twin = ClientFactory(clinic=client_record.clinic, date_of_birth=client_record.date_of_birth)
    imported = import_assessment(parse_document(load_json(text)), client=twin, actor=therapist)
    second = export_assessment(_fresh(imported, therapist))
    assert imported.pk != original.pk
    assert second["client"].pop("reference") == str(twin.pk)
    assert first["client"].pop("reference") == str(client_record.pk)
    assert second == first
    assert imported.status == (Status.FINAL if final else Status.DRAFT)


def test_import_assessment_records_actor_as_therapist(
    colleague: User, client_record: Client
) -> None:
    imported = import_assessment(parse_document(VALID), client=client_record, actor=colleague)
    assert (imported.therapist, imported.finalised_by, imported.status) == (
        colleague,
        colleague,
        Status.FINAL,
    )
    assert imported.presenting_complaint == "Low back ache"
    assert imported.notes == ""
    rows = {(m.item, m.side): m.stored for m in imported.measurements.all()}
    assert rows == {
        ("pain_now", ""): Decimal(5),
        ("hip_extension", "left"): Decimal(8),
        ("agg_sitting", ""): "yes",
        ("psfs_activity_1", ""): "Sitting",
        ("sitting_hours", ""): Decimal("9.5"),
    }
    entries = [
        (e.action, e.actor_username, e.object_id, e.detail == "finalised")
        for e in AuditEntry.objects.order_by("pk")
    ]
    assert entries == [
        ("create", "colleague", imported.pk, False),
        ("change", "colleague", imported.pk, False),
        ("change", "colleague", imported.pk, True),
    ]
    client_record.refresh_from_db()
    assert client_record.last_visit_on == datetime.date(2026, 11, 2)


def test_import_assessment_beside_an_open_draft_is_a_visit_of_its_own(
    therapist: User, client_record: Client
) -> None:
    draft = {**VALID, "status": "draft"}
    open_draft = import_assessment(parse_document(draft), client=client_record, actor=therapist)
    imported = import_assessment(parse_document(draft), client=client_record, actor=therapist)
    assert imported.pk != open_draft.pk
    assert list(client_record.assessments.values_list("status", "version").order_by("pk")) == [
        (Status.DRAFT, 2),
        (Status.DRAFT, 2),
    ]


def test_import_assessment_writes_nothing_when_a_step_fails(
    therapist: User, client_record: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(**kwargs: object) -> Assessment:
        raise RuntimeError("database went away")

    monkeypatch.setattr(interchange, "assessment_finalise", refuse)
    before = (Assessment.objects.count(), Measurement.objects.count(), AuditEntry.objects.count())
    with pytest.raises(RuntimeError, match="database went away"):
        import_assessment(parse_document(VALID), client=client_record, actor=therapist)
    after = (Assessment.objects.count(), Measurement.objects.count(), AuditEntry.objects.count())
    assert after == before == (0, 0, 0)
    client_record.refresh_from_db()
    assert client_record.last_visit_on is None


# --- load_json --------------------------------------------------------------------------


def test_load_json_reports_syntax_error_with_line_and_column() -> None:
    with pytest.raises(InterchangeError) as error:
        load_json('{\n  "schema": "hipplan.assessment"\n  "version": 1\n}')
    assert [str(p) for p in error.value.problems] == [
        "$: not valid JSON: Expecting ',' delimiter (line 3, column 3)"
    ]


def test_load_json_rejects_bytes_that_are_not_utf8() -> None:
    with pytest.raises(InterchangeError) as error:
        load_json(b'{"notes": "caf\xe9"}')
    assert [str(p) for p in error.value.problems] == [
        "$: not UTF-8 text (invalid byte at offset 14)"
    ]


def test_load_json_accepts_byte_order_mark_and_keeps_decimals() -> None:
    assert load_json('\ufeff{"a": 9.5, "b": 8}'.encode()) == {"a": Decimal("9.5"), "b": 8}


def test_load_json_reports_nesting_too_deep() -> None:
    with pytest.raises(InterchangeError) as error:
        load_json("[" * 100_000)
    assert [str(p) for p in error.value.problems] == [
        "$: not a usable JSON document (maximum recursion depth exceeded while decoding a "
        "JSON array from a unicode string)"
    ]


def test_load_json_turns_nan_into_a_validation_problem() -> None:
    text = json.dumps(changed((("measurements", 0, "value"), float("nan"))))
    assert problems(load_json(text)) == [
        "$.measurements[0].value: must be a finite number (got NaN)"
    ]


# --- schema file and documentation ------------------------------------------------------


@pytest.mark.parametrize("version", [1, 2])
def test_schema_files_match_the_generated_schemas(version: int) -> None:
    text = (ROOT / interchange_schema.SCHEMA_FILES[version]).read_text(encoding="utf-8")
    assert text == interchange_schema.json_schema_text(version)


def test_schema_file_enumerates_every_catalogue_item_and_side() -> None:
    schema = json.loads((ROOT / interchange_schema.SCHEMA_FILE).read_text(encoding="utf-8"))
    branches = [ref["$ref"].removeprefix("#/$defs/") for ref in
                schema["$defs"]["measurement"]["oneOf"]]  # fmt: skip
    enumerated = {}
    for name in branches:
        properties = schema["$defs"][name]["properties"]
        enumerated[properties["item"]["const"]] = properties["side"]["enum"]
    assert enumerated == {
        code: ["left", "right"] if item.sided else [""] for code, item in ITEMS.items()
    }


def test_schema_file_value_rules_match_the_catalogue() -> None:
    schema = json.loads((ROOT / interchange_schema.SCHEMA_FILE).read_text(encoding="utf-8"))
    for code, item in ITEMS.items():
        value = schema["$defs"][f"item_{code}"]["properties"]["value"]
        if item.kind is Kind.NUMBER:
            assert (value["minimum"], value["maximum"]) == (item.minimum, item.maximum)
            assert value["type"] == ("integer" if item.decimals == 0 else "number")
        elif item.kind is Kind.CHOICE:
            assert value == {"enum": [choice for choice, _ in item.choices]}
        else:
            assert value == {"type": "string", "minLength": 1, "maxLength": item.max_length}
    assert schema["properties"]["narrative"]["properties"]["onset"] == {
        "type": "string",
        "maxLength": 300,
    }
    assert schema["properties"]["narrative"]["properties"]["notes"] == {
        "type": "string",
        "maxLength": 4000,
    }


def test_documented_example_is_a_valid_document() -> None:
    text = (ROOT / "docs" / "interchange.md").read_text(encoding="utf-8")
    examples = re.findall(r"```json\n(.*?)```", text, flags=re.DOTALL)
    parsed = parse_document(load_json(examples[0]))
    assert (parsed.visit_date, parsed.status, parsed.client.reference) == (
        datetime.date(2026, 8, 4),
        "final",
        "1",
    )
    assert len(parsed.values) == 67


def test_documented_error_output_matches_the_validator() -> None:
    text = (ROOT / "docs" / "interchange.md").read_text(encoding="utf-8")
    bad = re.search(r"```json bad\n(.*?)```", text, flags=re.DOTALL)
    shown = re.search(r"```text problems\n(.*?)```", text, flags=re.DOTALL)
    assert bad is not None
    assert shown is not None
    assert problems(load_json(bad.group(1))) == shown.group(1).splitlines()

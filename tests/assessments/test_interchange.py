import copy
import datetime
import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from pytest_django import DjangoAssertNumQueries

from assessments import interchange, interchange_schema
from assessments.catalogue import ITEMS, Kind
from assessments.interchange import (
    ClientInfo,
    InterchangeError,
    ParsedAssessment,
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
from tests.factories import ClientFactory

ROOT = Path(__file__).resolve().parents[2]

DELETE = object()


def _changed(*changes: tuple[tuple[str | int, ...], object]) -> Any:
    """VALID with each (path, value) applied; DELETE removes the key."""
    document: Any = copy.deepcopy(VALID)
    for path, value in changes:
        if not path:
            document = value
            continue
        target = document
        for step in path[:-1]:
            target = target[step]
        if value is DELETE:
            del target[path[-1]]
        elif isinstance(target, list) and path[-1] == len(target):
            target.append(value)
        else:
            target[path[-1]] = value
    return document


def _problems(document: object) -> list[str]:
    with pytest.raises(InterchangeError) as error:
        parse_document(document)
    return [str(problem) for problem in error.value.problems]


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


def test_export_assessment_writes_version_1_document(rich: Assessment, therapist: User) -> None:
    document = export_assessment(_fresh(rich, therapist))
    assert document == {
        "schema": "hipplan.assessment",
        "version": 1,
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
    assessment = _fresh(rich, therapist)
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


# --- parse ------------------------------------------------------------------------------


def test_parse_document_returns_typed_values() -> None:
    parsed = parse_document(VALID)
    assert parsed == ParsedAssessment(
        visit_date=datetime.date(2026, 11, 2),
        status="final",
        therapist="therapist",
        client=ClientInfo(reference="17", age_at_visit=38, sex="female"),
        narrative={
            "presenting_complaint": "Low back ache",
            "onset": "6 months",
            "eases": "",
            "activities": "",
            "goals": "",
            "gait_notes": "",
            "notes": "",
            "treatment_today": "",
        },
        values={
            ("pain_now", ""): Decimal(5),
            ("hip_extension", "left"): Decimal(8),
            ("agg_sitting", ""): "yes",
            ("psfs_activity_1", ""): "Sitting",
            ("sitting_hours", ""): Decimal("9.5"),
        },
    )


def test_parsed_assessment_to_values_needs_no_database() -> None:
    values = parse_document(VALID).to_values()
    assert (values.age, values.sex, values.visit_date) == (
        38,
        "female",
        datetime.date(2026, 11, 2),
    )
    assert values.number("hip_extension", "left") == 8.0
    assert values.number("sitting_hours") == 9.5
    assert values.is_yes("agg_sitting") is True
    assert values.text("psfs_activity_1") == "Sitting"
    assert values.has("hip_extension", "right") is False


def test_parse_document_accepts_optional_client_fields_and_empty_lists() -> None:
    parsed = parse_document(
        _changed(
            (("client",), {"reference": "abc"}),
            (("narrative",), {}),
            (("measurements",), []),
        )
    )
    assert (parsed.client, parsed.values) == (ClientInfo("abc", None, ""), {})


def test_parse_document_accepts_decimal_numbers_from_load_json() -> None:
    parsed = parse_document(load_json(json.dumps(VALID)))
    assert parsed.values[("sitting_hours", "")] == Decimal("9.5")


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        pytest.param(
            [(("measurements", 1, "item"), "hip_extnsion")],
            ['$.measurements[1].item: unknown item "hip_extnsion"'],
            id="unknown-item",
        ),
        pytest.param(
            [(("measurements", 1, "side"), "")],
            [
                '$.measurements[1].side: must be "left" or "right" for "hip_extension" '
                '(recorded per side; got "")'
            ],
            id="side-missing-for-sided-item",
        ),
        pytest.param(
            [(("measurements", 1, "side"), "both")],
            [
                '$.measurements[1].side: must be "left" or "right" for "hip_extension" '
                '(recorded per side; got "both")'
            ],
            id="side-unknown",
        ),
        pytest.param(
            [(("measurements", 0, "side"), "left")],
            ['$.measurements[0].side: must be "" for "pain_now" (it has no side; got "left")'],
            id="side-on-unsided-item",
        ),
        pytest.param(
            [(("measurements", 1, "value"), 60)],
            [
                '$.measurements[1].value: 60 is outside the allowed range for "hip_extension" '
                "(-30 to 50)"
            ],
            id="number-above-maximum",
        ),
        pytest.param(
            [(("measurements", 1, "value"), -31)],
            [
                '$.measurements[1].value: -31 is outside the allowed range for "hip_extension" '
                "(-30 to 50)"
            ],
            id="number-below-minimum",
        ),
        pytest.param(
            [(("measurements", 0, "value"), 9.5)],
            [
                '$.measurements[0].value: 9.5 has too many decimals for "pain_now" '
                "(must be a whole number)"
            ],
            id="number-not-whole",
        ),
        pytest.param(
            [(("measurements", 4, "value"), Decimal("9.25"))],
            [
                '$.measurements[4].value: 9.25 has too many decimals for "sitting_hours" '
                "(at most 1 decimal place)"
            ],
            id="number-too-many-decimals",
        ),
        pytest.param(
            [(("measurements", 2, "value"), "maybe")],
            [
                '$.measurements[2].value: "maybe" is not an allowed value for "agg_sitting" '
                '(allowed: "yes", "no")'
            ],
            id="choice-not-allowed",
        ),
        pytest.param(
            [(("measurements", 5), {"item": "hip_extension", "side": "left", "value": 9})],
            ['$.measurements[5]: repeats "hip_extension" (left) from $.measurements[1]'],
            id="duplicate-item-and-side",
        ),
        pytest.param(
            [(("measurements", 5), {"item": "pain_now", "side": "", "value": 2})],
            ['$.measurements[5]: repeats "pain_now" from $.measurements[0]'],
            id="duplicate-unsided-item",
        ),
        pytest.param(
            [(("measurements", 0, "value"), "5")],
            ["$.measurements[0].value: must be a number (got string)"],
            id="number-as-string",
        ),
        pytest.param(
            [(("measurements", 0, "value"), True)],
            ["$.measurements[0].value: must be a number (got boolean)"],
            id="number-as-boolean",
        ),
        pytest.param(
            [(("measurements", 0, "value"), Decimal("NaN"))],
            ["$.measurements[0].value: must be a finite number (got NaN)"],
            id="number-not-finite",
        ),
        pytest.param(
            [(("measurements", 2, "value"), 1)],
            ["$.measurements[2].value: must be a string (got number)"],
            id="choice-as-number",
        ),
        pytest.param(
            [(("measurements", 0, "value"), None)],
            [
                "$.measurements[0].value: must not be empty; leave the measurement out if it was "
                "not tested"
            ],
            id="value-null",
        ),
        pytest.param(
            [(("measurements", 3, "value"), "x" * 121)],
            ["$.measurements[3].value: is too long (121 characters; at most 120)"],
            id="text-item-too-long",
        ),
        pytest.param(
            [(("measurements", 0, "side"), DELETE)],
            ["$.measurements[0].side: is required"],
            id="measurement-key-missing",
        ),
        pytest.param(
            [(("measurements", 0, "unit"), "/10")],
            ["$.measurements[0].unit: unknown key (known: item, side, value)"],
            id="measurement-key-unknown",
        ),
        pytest.param(
            [(("measurements", 1, "item"), 5), (("measurements", 2, "side"), None)],
            [
                "$.measurements[1].item: must be a string (got number)",
                "$.measurements[2].side: must be a string (got null)",
            ],
            id="item-and-side-wrong-types",
        ),
        pytest.param(
            [(("measurements", 0), 5)],
            ["$.measurements[0]: must be an object (got number)"],
            id="measurement-not-object",
        ),
        pytest.param(
            [(("measurements",), {"pain_now": 5})],
            ["$.measurements: must be an array (got object)"],
            id="measurements-not-array",
        ),
        pytest.param(
            [(("visit_date",), "2026-02-30")],
            ['$.visit_date: "2026-02-30" is not a date written as YYYY-MM-DD'],
            id="date-not-in-calendar",
        ),
        pytest.param(
            [(("visit_date",), "02/11/2026")],
            ['$.visit_date: "02/11/2026" is not a date written as YYYY-MM-DD'],
            id="date-wrong-format",
        ),
        pytest.param(
            [(("visit_date",), 20261102)],
            ["$.visit_date: must be a string (got number)"],
            id="date-not-string",
        ),
        pytest.param(
            [(("status",), "done")],
            ['$.status: must be one of "draft", "final" (got "done")'],
            id="status-unknown",
        ),
        pytest.param(
            [(("therapist",), "")],
            ["$.therapist: must not be empty"],
            id="therapist-empty",
        ),
        pytest.param(
            [(("narrative", "mood"), "fine")],
            [
                "$.narrative.mood: unknown key (known: activities, eases, gait_notes, goals, "
                "notes, onset, presenting_complaint, treatment_today)"
            ],
            id="narrative-key-unknown",
        ),
        pytest.param(
            [(("narrative", "onset"), "x" * 301)],
            ["$.narrative.onset: is too long (301 characters; at most 300)"],
            id="narrative-text-too-long",
        ),
        pytest.param(
            [(("narrative", "goals"), ["walk"])],
            ["$.narrative.goals: must be a string (got array)"],
            id="narrative-not-string",
        ),
        pytest.param(
            [(("narrative",), "notes")],
            ["$.narrative: must be an object (got string)"],
            id="narrative-not-object",
        ),
        pytest.param(
            [(("client", "reference"), DELETE), (("client", "name"), "Priya Sharma")],
            [
                "$.client.name: unknown key (known: age_at_visit, reference, sex)",
                "$.client.reference: is required",
            ],
            id="client-named-not-referenced",
        ),
        pytest.param(
            [(("client", "age_at_visit"), 38.5), (("client", "sex"), "f")],
            [
                "$.client.age_at_visit: must be a whole number of years from 0 to 130 (got 38.5)",
                '$.client.sex: must be one of "female", "male", "intersex", "" (got "f")',
            ],
            id="client-age-and-sex",
        ),
        pytest.param(
            [(("client",), "17")],
            ["$.client: must be an object (got string)"],
            id="client-not-object",
        ),
        pytest.param(
            [(("measurements",), DELETE), (("client name",), "Priya")],
            [
                '$["client name"]: unknown key (known: client, measurements, narrative, schema, '
                "status, therapist, version, visit_date)",
                "$.measurements: is required",
            ],
            id="top-level-keys",
        ),
        pytest.param(
            [((), [VALID])],
            ["$: must be an object (got array)"],
            id="not-an-object",
        ),
        pytest.param(
            [(("schema",), "hipplan.plan"), (("measurements", 0, "value"), 99)],
            ['$.schema: must be "hipplan.assessment" (got "hipplan.plan")'],
            id="schema-unknown-reported-alone",
        ),
        pytest.param(
            [(("version",), 2), (("status",), "done")],
            ["$.version: version 2 is not supported; this program reads version 1"],
            id="version-unknown-reported-alone",
        ),
        pytest.param(
            [(("version",), "1")],
            ["$.version: must be the number 1 (got string)"],
            id="version-not-number",
        ),
    ],
)
def test_parse_document_reports_problem(
    changes: list[tuple[tuple[str | int, ...], object]], expected: list[str]
) -> None:
    assert _problems(_changed(*changes)) == expected


def test_parse_document_collects_every_problem() -> None:
    document = _changed(
        (("visit_date",), "yesterday"),
        (("narrative", "mood"), "fine"),
        (("measurements", 0, "value"), 11),
        (("measurements", 1, "side"), "up"),
        (("measurements", 1, "value"), "8"),
        (("measurements", 2, "item"), "agg_sittin"),
    )
    assert _problems(document) == [
        '$.visit_date: "yesterday" is not a date written as YYYY-MM-DD',
        "$.narrative.mood: unknown key (known: activities, eases, gait_notes, goals, notes, "
        "onset, presenting_complaint, treatment_today)",
        '$.measurements[0].value: 11 is outside the allowed range for "pain_now" (0 to 10)',
        '$.measurements[1].side: must be "left" or "right" for "hip_extension" '
        '(recorded per side; got "up")',
        "$.measurements[1].value: must be a number (got string)",
        '$.measurements[2].item: unknown item "agg_sittin"',
    ]


def test_interchange_error_counts_problems() -> None:
    with pytest.raises(InterchangeError) as error:
        parse_document(_changed((("status",), "x"), (("therapist",), 1)))
    assert str(error.value) == "2 problems in the document"
    assert [p.path for p in error.value.problems] == ["$.status", "$.therapist"]


def test_parse_document_accepts_every_choice_and_both_number_bounds() -> None:
    rows = []
    for code, item in ITEMS.items():
        for side in item.sides:
            if item.kind is Kind.NUMBER:
                value: object = item.maximum if side == "right" else item.minimum
            elif item.kind is Kind.CHOICE:
                value = item.choices[-1][0]
            else:
                value = "x" * item.max_length
            rows.append({"item": code, "side": str(side), "value": value})
    parsed = parse_document(_changed((("measurements",), rows)))
    assert len(parsed.values) == len(rows) == 145
    assert parsed.values[("hip_extension", "left")] == Decimal(-30)


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
    text = json.dumps(_changed((("measurements", 0, "value"), float("nan"))))
    assert _problems(load_json(text)) == [
        "$.measurements[0].value: must be a finite number (got NaN)"
    ]


# --- schema file and documentation ------------------------------------------------------


def test_schema_file_matches_the_generated_schema() -> None:
    text = (ROOT / interchange.SCHEMA_FILE).read_text(encoding="utf-8")
    assert text == interchange_schema.json_schema_text()


def test_schema_file_enumerates_every_catalogue_item_and_side() -> None:
    schema = json.loads((ROOT / interchange.SCHEMA_FILE).read_text(encoding="utf-8"))
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
    schema = json.loads((ROOT / interchange.SCHEMA_FILE).read_text(encoding="utf-8"))
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
    assert schema["properties"]["narrative"]["properties"]["notes"] == {"type": "string"}


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
    assert _problems(load_json(bad.group(1))) == shown.group(1).splitlines()

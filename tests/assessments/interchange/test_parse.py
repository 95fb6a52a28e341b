"""Validating interchange documents: every problem, with its JSON path and message."""

import datetime
import json
from decimal import Decimal

import pytest
from django.utils import timezone

from assessments.body_chart.regions import Mark
from assessments.catalogue.items import ITEMS, Kind
from assessments.interchange.document import (
    ClientInfo,
    InterchangeError,
    ParsedAssessment,
    load_json,
    parse_document,
)
from tests.assessments.factories import (
    VALID,
)
from tests.assessments.interchange.helpers import changed, problems

# --- parse ------------------------------------------------------------------------------


def test_version_1_document_with_body_chart_reads_as_before() -> None:
    # Version 1 documents carrying the body chart were written before version 2 existed.
    chart = [{"region": "buttock_left", "pain_type": "ache", "intensity": 6}]
    parsed = parse_document(changed((("body_chart",), chart)))
    assert (parsed.version, parsed.body_chart, parsed.sections) == (
        1,
        (Mark("buttock_left", "ache", 6),),
        {},
    )
    as_version_2 = changed((("body_chart",), chart), (("version",), 2))
    assert parsed.to_values() == parse_document(as_version_2).to_values()


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
        version=1,
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
        changed(
            (("client",), {"reference": "abc"}),
            (("narrative",), {}),
            (("measurements",), []),
        )
    )
    assert (parsed.client, parsed.values) == (ClientInfo("abc", None, ""), {})


def test_parse_document_accepts_decimal_numbers_from_load_json() -> None:
    parsed = parse_document(load_json(json.dumps(VALID)))
    assert parsed.values[("sitting_hours", "")] == Decimal("9.5")


def _row(code: str, value: object) -> dict[str, object]:
    return {"item": code, "side": "", "value": value}


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        pytest.param(
            [_row("startback_total", 3), _row("startback_distress", 4)],
            [
                "$.measurements[6].value: The STarT Back psychosocial subscale (4) cannot be "
                "higher than the total (3), because its items are part of the total."
            ],
            id="startback-distress-above-total",
        ),
        pytest.param(
            [*(_row(f"odi_section_{n}", 2) for n in range(1, 9)), _row("odi_percent", 80)],
            [
                "$.measurements[13].value: The ODI total (80%) does not match the 8 section "
                "scores entered, which give 40%."
            ],
            id="odi-total-against-sections",
        ),
        pytest.param(
            [
                *(_row(f"startback_{n}", "agree") for n in range(1, 9)),
                _row("startback_9", "slightly"),
                _row("startback_total", 3),
            ],
            [
                "$.measurements[14].value: The STarT Back total from your form (3) does not "
                "match the nine answers entered, which give 8."
            ],
            id="startback-total-against-answers",
        ),
        pytest.param(
            [_row("psfs_score_2", 4)],
            ["$.measurements: Name the activity that PSFS score 2 is for."],
            id="psfs-score-without-activity",
        ),
        pytest.param(
            [_row("psfs_activity_2", " "), _row("psfs_score_2", 4)],
            ["$.measurements[5].value: Name the activity that PSFS score 2 is for."],
            id="psfs-activity-blank",
        ),
    ],
)
def test_parse_document_applies_the_forms_outcome_cross_checks(
    rows: list[dict[str, object]], expected: list[str]
) -> None:
    measurements = [*VALID["measurements"], *rows]
    assert problems(changed((("measurements",), measurements))) == expected


def test_parse_document_accepts_a_visit_today() -> None:
    today = timezone.localdate()
    assert parse_document(changed((("visit_date",), today.isoformat()))).visit_date == today


def test_parse_document_collects_every_problem() -> None:
    document = changed(
        (("visit_date",), "yesterday"),
        (("narrative", "mood"), "fine"),
        (("measurements", 0, "value"), 11),
        (("measurements", 1, "side"), "up"),
        (("measurements", 1, "value"), "8"),
        (("measurements", 2, "item"), "agg_sittin"),
    )
    assert problems(document) == [
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
        parse_document(changed((("status",), "x"), (("therapist",), 1)))
    assert str(error.value) == "2 problems in the document"
    assert [p.path for p in error.value.problems] == ["$.status", "$.therapist"]


def test_parse_document_accepts_every_choice_and_both_number_bounds() -> None:
    rows = []
    # The last STarT Back answers (disagree x 8, extremely) score 1 and 1: typed totals
    # alongside the answers must agree with them.
    agreeing = {"startback_total": 1, "startback_distress": 1}
    for code, item in ITEMS.items():
        for side in item.sides:
            if code in agreeing:
                value: object = agreeing[code]
            elif item.kind is Kind.NUMBER:
                value = item.maximum if side == "right" else item.minimum
            elif item.kind is Kind.CHOICE:
                value = item.choices[-1][0]
            else:
                value = "x" * item.max_length
            rows.append({"item": code, "side": str(side), "value": value})
    parsed = parse_document(changed((("measurements",), rows)))
    assert (
        len(parsed.values) == len(rows) == 252
    )  # 154 + palpation 70 + 26 of history and screens + 2 since last visit
    assert parsed.values[("hip_extension", "left")] == Decimal(-30)

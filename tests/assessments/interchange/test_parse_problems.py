"""Validating interchange documents: each kind of problem a document can have, reported
with its JSON path and message (one case each; several at once: test_parse.py)."""

from decimal import Decimal

import pytest

from tests.assessments.factories import (
    VALID,
)
from tests.assessments.interchange.helpers import DELETE, changed, problems


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
            [(("visit_date",), "2099-01-01")],
            ['$.visit_date: The visit date cannot be in the future (got "2099-01-01")'],
            id="date-in-future",
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
            [(("narrative", "notes"), "x" * 200_000)],
            ["$.narrative.notes: is too long (200000 characters; at most 4000)"],
            id="narrative-pasted-notes",
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
                '$["client name"]: unknown key (known: body_chart, client, measurements, '
                "narrative, schema, status, therapist, treatment, version, visit_date)",
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
            [(("version",), 3), (("status",), "done")],
            ["$.version: version 3 is not supported; this program reads versions 1, 2"],
            id="version-unknown-reported-alone",
        ),
        pytest.param(
            [(("treatment",), {"rows": []}), (("status",), "done")],
            [
                '$.status: must be one of "draft", "final" (got "done")',
                "$.treatment: is not part of version 1 documents (added in version 2: write "
                '"version": 2)',
            ],
            id="version-1-with-treatment",
        ),
        pytest.param(
            [
                (("version",), 2),
                (
                    ("treatment",),
                    {
                        "rows": [
                            {"technique": "reiki", "region": "glute_max", "side": "up"},
                            {
                                "technique": "clinic-3",
                                "region": "piriformis",
                                "side": "left",
                                "pain_after": 11,
                            },
                        ]
                    },
                ),
            ],
            [
                '$.treatment.rows[0].technique: unknown technique "reiki" (a built-in '
                'technique\'s code, or "clinic-<id>" with its technique_name)',
                '$.treatment.rows[0].side: must be one of "both", "left", "right", "none" '
                '(got "up")',
                "$.treatment.rows[1].technique_name: is required for a clinic's own technique",
                "$.treatment.rows[1].pain_after: must be a whole number from 0 to 10, or null "
                "(got 11)",
            ],
            id="version-2-treatment-rows",
        ),
        pytest.param(
            [(("version",), "1")],
            ["$.version: must be the number 1 or 2 (got string)"],
            id="version-not-number",
        ),
    ],
)
def test_parse_document_reports_problem(
    changes: list[tuple[tuple[str | int, ...], object]], expected: list[str]
) -> None:
    assert problems(changed(*changes)) == expected

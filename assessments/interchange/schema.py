"""The JSON Schemas of the interchange document, generated from the catalogue.

docs/assessment-v1.schema.json and docs/assessment-v2.schema.json are `json_schema_text(1)`
and `json_schema_text(2)`; a test keeps them in step. Version 2 is version 1 with the
sections apps register (`interchange_sections`: the treatment given), each described by its
app.
"""

import json
from decimal import Decimal
from typing import Any

from assessments.body_chart.regions import INTENSITY_MAX, INTENSITY_MIN, PAIN_TYPE_LABEL, REGIONS
from assessments.catalogue.items import ITEMS, Item, Kind
from assessments.interchange.format import (
    CHART_KEYS,
    DATE_PATTERN,
    MAX_AGE,
    MEASUREMENT_KEYS,
    NARRATIVE_KEYS,
    NARRATIVE_MAX_LENGTH,
    REFERENCE_MAX_LENGTH,
    SCHEMA,
    SEXES,
    STATUSES,
    TOP_KEYS,
    USERNAME_MAX_LENGTH,
    VERSION,
    VERSIONS,
)
from assessments.interchange.sections import sections

# The generated files, relative to the project root: one per version read.
SCHEMA_FILES = {version: f"docs/assessment-v{version}.schema.json" for version in VERSIONS}
SCHEMA_FILE = SCHEMA_FILES[VERSION]  # the version an export writes


def _bound(number: float | None) -> int | float | None:
    if number is None:
        return None
    return int(number) if float(number).is_integer() else number


def _value_schema(item: Item) -> dict[str, Any]:
    if item.kind is Kind.NUMBER:
        schema: dict[str, Any] = {
            "type": "integer" if item.decimals == 0 else "number",
            "minimum": _bound(item.minimum),
            "maximum": _bound(item.maximum),
        }
        if item.decimals:
            schema["multipleOf"] = float(Decimal(1).scaleb(-item.decimals))
        return schema
    if item.kind is Kind.CHOICE:
        return {"enum": [value for value, _ in item.choices]}
    return {"type": "string", "minLength": 1, "maxLength": item.max_length}


def _item_schema(item: Item) -> dict[str, Any]:
    return {
        "title": item.label,
        "type": "object",
        "additionalProperties": False,
        "required": list(MEASUREMENT_KEYS),
        "properties": {
            "item": {"const": item.code},
            "side": {"enum": [str(side) for side in item.sides]},
            "value": _value_schema(item),
        },
    }


def json_schema(version: int = VERSION) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a document of `version` (1 or 2).

    What it cannot say, the validator also checks: no repeated item and side (nor
    body-chart region), a visit
    date that exists in the calendar and is not in the future, and the outcome
    cross-checks (assessments.outcomes.outcome_problems).
    """
    narrative = {
        name: {"type": "string", "maxLength": NARRATIVE_MAX_LENGTH[name]}
        for name in NARRATIVE_KEYS
    }
    if version not in VERSIONS:
        raise ValueError(f"No version {version} of the interchange document.")
    schema: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://hipplan.example/schemas/assessment-v{version}.schema.json",
        "title": f"hipplan assessment interchange document, version {version}",
        "description": "One visit's assessment. See docs/interchange.md.",
        "type": "object",
        "additionalProperties": False,
        "required": list(TOP_KEYS),
        "properties": {
            "schema": {"const": SCHEMA},
            "version": {"const": version},
            "visit_date": {"type": "string", "format": "date", "pattern": DATE_PATTERN.pattern},
            "status": {"enum": list(STATUSES)},
            "therapist": {"type": "string", "minLength": 1, "maxLength": USERNAME_MAX_LENGTH},
            "client": {
                "type": "object",
                "additionalProperties": False,
                "required": ["reference"],
                "properties": {
                    "reference": {
                        "type": "string",
                        "minLength": 1,
                        "maxLength": REFERENCE_MAX_LENGTH,
                    },
                    "age_at_visit": {
                        "type": ["integer", "null"],
                        "minimum": 0,
                        "maximum": MAX_AGE,
                    },
                    "sex": {"enum": list(SEXES)},
                },
            },
            "narrative": {
                "type": "object",
                "additionalProperties": False,
                "properties": narrative,
            },
            "measurements": {"type": "array", "items": {"$ref": "#/$defs/measurement"}},
            "body_chart": {"type": "array", "items": {"$ref": "#/$defs/body_chart_mark"}},
        },
        "$defs": {
            "measurement": {"oneOf": [{"$ref": f"#/$defs/item_{code}"} for code in ITEMS]},
            **{f"item_{code}": _item_schema(item) for code, item in ITEMS.items()},
            "body_chart_mark": {
                "title": "A marked body-chart region (optional; one per region)",
                "type": "object",
                "additionalProperties": False,
                "required": list(CHART_KEYS),
                "properties": {
                    "region": {"enum": list(REGIONS)},
                    "pain_type": {"enum": list(PAIN_TYPE_LABEL)},
                    "intensity": {
                        "type": "integer",
                        "minimum": INTENSITY_MIN,
                        "maximum": INTENSITY_MAX,
                    },
                },
            },
        },
    }
    for section in sections(version):
        schema["properties"][section.key] = section.schema()
    return schema


def json_schema_text(version: int = VERSION) -> str:
    """The schema file's exact contents."""
    return json.dumps(json_schema(version), indent=2, ensure_ascii=False) + "\n"

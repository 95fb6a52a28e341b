"""The treatment given, as the "treatment" section of the assessment interchange document.

Version 2 of the document (docs/interchange.md "treatment") holds the visit's precaution
screen and rows. The assessments app must not import this app, so it declares a registry of
optional sections (assessments.interchange.sections) and `TreatmentConfig.ready()` registers
SECTION there. Reading is pure (shape, codes, bounds); saving goes through
`treatment_save`, so an import meets the page's checks: the techniques offered to the
importing user's profession in their clinic, and a reason for each row a precaution
answered yes applies to. Its refusals come back with the row's JSON path.

Techniques: a built-in one by its stable code; a clinic's own by what the row stores, its
code "clinic-<id>" and its `technique_name`. The id belongs to the exporting system, so an
import matches the name among the importing clinic's own techniques offered to the user.
`depth` and `flagged` are written as recorded and, on import, worked out again.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

from assessments.interchange.checker import Checker, quoted, shown
from assessments.interchange.format import InterchangeError, Problem
from assessments.interchange.sections import Section
from assessments.models import Assessment
from treatment import selectors
from treatment.checks import RowInput
from treatment.models import (
    MINUTES_MAX,
    PAIN_MAX,
    POSITION_CHOICES,
    SIDE_CHOICES,
    TreatmentRecord,
    TreatmentRow,
)
from treatment.precautions import ANSWERS, CODES
from treatment.regions import REGIONS
from treatment.services import treatment_save
from treatment.techniques import BY_CODE, CLINIC_PREFIX, DEPTH_CHOICES

# A row's keys, in the order an export writes them (the client record used the same).
ROW_KEYS = (
    "technique",
    "technique_name",
    "depth",
    "region",
    "side",
    "minutes",
    "pressure",
    "client_position",
    "pain_before",
    "pain_after",
    "response_note",
    "flagged",
    "precaution_reason",
)
REQUIRED_ROW_KEYS = ("technique", "region", "side")
CLINIC_CODE = re.compile(rf"^{CLINIC_PREFIX}[1-9][0-9]*$")
ROW_PATH = re.compile(r"^\$\.treatment\.rows\[(\d+)\]")
DEPTHS = tuple(code for code, _ in DEPTH_CHOICES)
REGION_CODES = tuple(code for code, _, _ in REGIONS)
SIDES = tuple(code for code, _ in SIDE_CHOICES)
POSITIONS = tuple(code for code, _ in POSITION_CHOICES)
TEXT_KEYS = ("technique_name", "response_note", "precaution_reason")


def _limit(name: str) -> int:
    """The model field's length limit, so the import refuses what the page refuses."""
    limit = getattr(TreatmentRow._meta.get_field(name), "max_length", None)
    if not isinstance(limit, int):
        raise TypeError(f"TreatmentRow.{name} has no max_length; the import needs one.")
    return limit


LIMITS = {name: _limit(name) for name in TEXT_KEYS}


@dataclass(frozen=True)
class ParsedTreatment:
    precautions: Mapping[str, str]
    rows: tuple[RowInput, ...]
    names: tuple[str, ...]  # each row's technique_name ("" when not given)


# --- reading (pure) ---------------------------------------------------------------------


def _choice(check: Checker, path: str, value: object, allowed: tuple[str, ...]) -> str | None:
    if isinstance(value, str) and value in allowed:
        return value
    check.add(path, f"must be one of {quoted(allowed)} (got {shown(value)})")
    return None


def _whole(check: Checker, path: str, value: object, low: int, high: int) -> int | None:
    """A whole number from low to high, or null; reported (and None) otherwise."""
    if value is None:
        return None
    number = check.number(path, value)
    if number is not None and number == number.to_integral_value() and low <= number <= high:
        return int(number)
    if number is not None:
        check.add(
            path, f"must be a whole number from {low} to {high}, or null (got {shown(value)})"
        )
    return None


def _technique(check: Checker, path: str, row: Mapping[str, Any]) -> tuple[str, str] | None:
    code = row["technique"]
    if not isinstance(code, str):
        check.wrong_type(f"{path}.technique", code, "string")
        return None
    name = row.get("technique_name", "")
    name = check.string(f"{path}.technique_name", name, max_length=LIMITS["technique_name"])
    if code in BY_CODE:
        return code, ""
    if not CLINIC_CODE.match(code):
        check.add(
            f"{path}.technique",
            f"unknown technique {shown(code)} (a built-in technique's code, or "
            f'"{CLINIC_PREFIX}<id>" with its technique_name)',
        )
        return None
    if name == "":
        check.add(f"{path}.technique_name", "is required for a clinic's own technique")
    return (code, name) if name else None


def _read_row(check: Checker, path: str, raw: object) -> tuple[RowInput, str] | None:
    row = check.mapping(path, raw, known=ROW_KEYS, required=REQUIRED_ROW_KEYS)
    if row is None or any(key not in row for key in REQUIRED_ROW_KEYS):
        return None
    before = len(check.problems)
    technique = _technique(check, path, row)
    region = _choice(check, f"{path}.region", row["region"], REGION_CODES)
    side = _choice(check, f"{path}.side", row["side"], SIDES)
    if "depth" in row:  # informational: the technique's firmness decides
        _choice(check, f"{path}.depth", row["depth"], DEPTHS)
    pressure = _choice(check, f"{path}.pressure", row.get("pressure", ""), ("", *DEPTHS))
    position = row.get("client_position", "")
    position = _choice(check, f"{path}.client_position", position, ("", *POSITIONS))
    minutes = _whole(check, f"{path}.minutes", row.get("minutes"), 1, MINUTES_MAX)
    before_pain = _whole(check, f"{path}.pain_before", row.get("pain_before"), 0, PAIN_MAX)
    after_pain = _whole(check, f"{path}.pain_after", row.get("pain_after"), 0, PAIN_MAX)
    texts = {
        name: check.string(f"{path}.{name}", row.get(name, ""), max_length=LIMITS[name])
        for name in ("response_note", "precaution_reason")
    }
    flagged = row.get("flagged", [])  # informational: worked out again on import
    if not isinstance(flagged, list) or any(code not in CODES for code in flagged):
        check.add(f"{path}.flagged", f"must be a list of precaution codes ({quoted(CODES)})")
    if len(check.problems) > before or technique is None or region is None or side is None:
        return None
    code, name = technique
    return RowInput(
        technique=code,
        region=region,
        side=side,
        minutes=minutes,
        pressure=pressure or "",
        client_position=position or "",
        pain_before=before_pain,
        pain_after=after_pain,
        response_note=texts["response_note"] or "",
        precaution_reason=texts["precaution_reason"] or "",
    ), name


def read(check: Checker, path: str, value: object) -> ParsedTreatment | None:
    """The section's value checked on its own; None when a problem was reported."""
    before = len(check.problems)
    section = check.mapping(path, value, known=("precautions", "rows"), required=("rows",))
    if section is None:
        return None
    precautions = section.get("precautions", {})
    screen = check.mapping(f"{path}.precautions", precautions, known=CODES, required=())
    answers = {}
    for code in CODES:
        if screen is not None and code in screen:
            answer = _choice(check, f"{path}.precautions.{code}", screen[code], ANSWERS)
            answers[code] = answer or ""
    raw_rows = section.get("rows", [])
    if not isinstance(raw_rows, list):
        check.wrong_type(f"{path}.rows", raw_rows, "array")
        raw_rows = []
    rows = [_read_row(check, f"{path}.rows[{index}]", raw) for index, raw in enumerate(raw_rows)]
    if len(check.problems) > before or any(row is None for row in rows):
        return None
    good = [row for row in rows if row is not None]
    return ParsedTreatment(
        precautions=answers,
        rows=tuple(row for row, _ in good),
        names=tuple(name for _, name in good),
    )


# --- writing, saving and the schema -----------------------------------------------------


def write(assessment: Assessment) -> dict[str, Any] | None:
    """The visit's screen and rows as recorded; None when nothing was recorded.

    Reads the visit's treatment record and its rows (prefetched by the client-record export).
    """
    given: TreatmentRecord | None = getattr(assessment, "treatment", None)
    if given is None:
        return None
    return {
        "precautions": dict(given.precautions),
        "rows": [{name: getattr(row, name) for name in ROW_KEYS} for row in given.rows.all()],
    }


def save(parsed: ParsedTreatment, *, assessment: Assessment, actor: User) -> None:
    """Record the screen and rows on the imported (draft) visit through treatment_save.

    A clinic's own technique is found by name among those offered to the actor; the
    service then checks scope and precautions. Raises InterchangeError, every refusal
    at its path ("$.treatment.rows[<index>].<key>"); the import's transaction saves nothing.
    """
    offered = selectors.techniques_offered(
        assessment.client.clinic_id, selectors.profession_of(actor)
    )
    own = {t.name: t.code for t in offered if not t.built_in}
    problems: dict[str, str] = {}
    rows = []
    for index, (row, name) in enumerate(zip(parsed.rows, parsed.names, strict=True)):
        code = own.get(name, "") if CLINIC_CODE.match(row.technique) else row.technique
        if not code:
            problems[f"$.treatment.rows[{index}].technique"] = (
                f"no technique of this clinic named {shown(name)} is offered to your profession"
            )
        rows.append(replace(row, technique=code))
    try:
        treatment_save(
            actor=actor,
            assessment=assessment,
            expected_version=0,
            precautions=parsed.precautions,
            rows=rows,
        )
    except ValidationError as error:
        refused = error.message_dict if hasattr(error, "error_dict") else {"": error.messages}
        for key, messages in refused.items():
            _, at, name = key.split("-", 2) if key.startswith("rows-") else ("", "", "")
            path = f"$.treatment.rows[{at}].{name}" if name else "$.treatment"
            problems.setdefault(path, " ".join(m.rstrip(".") for m in messages))
    if problems:
        # Row by row (the name matching ran first), the section's own problems first.
        ordered = sorted(problems.items(), key=lambda item: _row_index(item[0]))
        raise InterchangeError([Problem(path, message) for path, message in ordered])


def _row_index(path: str) -> int:
    found = ROW_PATH.match(path)
    return int(found.group(1)) if found else -1


def schema() -> dict[str, Any]:
    """The JSON Schema of the section (what `read` checks but the name matching)."""
    whole = {"type": ["integer", "null"]}

    def texts(name: str) -> dict[str, Any]:
        return {"type": "string", "maxLength": LIMITS[name]}

    row = {
        "type": "object",
        "additionalProperties": False,
        "required": list(REQUIRED_ROW_KEYS),
        "properties": {
            "technique": {
                "anyOf": [
                    {"enum": list(BY_CODE)},
                    {"type": "string", "pattern": CLINIC_CODE.pattern},
                ]
            },
            "technique_name": texts("technique_name"),
            "depth": {"enum": list(DEPTHS)},
            "region": {"enum": list(REGION_CODES)},
            "side": {"enum": list(SIDES)},
            "minutes": {**whole, "minimum": 1, "maximum": MINUTES_MAX},
            "pressure": {"enum": ["", *DEPTHS]},
            "client_position": {"enum": ["", *POSITIONS]},
            "pain_before": {**whole, "minimum": 0, "maximum": PAIN_MAX},
            "pain_after": {**whole, "minimum": 0, "maximum": PAIN_MAX},
            "response_note": texts("response_note"),
            "flagged": {"type": "array", "items": {"enum": list(CODES)}},
            "precaution_reason": texts("precaution_reason"),
        },
    }
    return {
        "title": "The treatment given at the visit (optional; version 2)",
        "type": "object",
        "additionalProperties": False,
        "required": ["rows"],
        "properties": {
            "precautions": {
                "type": "object",
                "additionalProperties": False,
                "properties": {code: {"enum": list(ANSWERS)} for code in CODES},
            },
            "rows": {"type": "array", "items": row},
        },
    }


SECTION = Section(key="treatment", since=2, read=read, write=write, save=save, schema=schema)

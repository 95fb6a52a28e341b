"""Reading an interchange document: every problem collected, each with its JSON path."""

import datetime
import json
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from assessments.body_chart.regions import (
    INTENSITY_MAX,
    INTENSITY_MIN,
    PAIN_TYPE_LABEL,
    REGIONS,
    Mark,
    sort_marks,
)
from assessments.catalogue.items import ITEMS, Item, Kind
from assessments.interchange.checker import (
    Checker,
    child,
    fmt,
    json_type,
    places,
    quoted,
    shown,
)
from assessments.interchange.format import (
    CHART_KEYS,
    CLIENT_KEYS,
    DATE_PATTERN,
    MAX_AGE,
    MEASUREMENT_KEYS,
    NARRATIVE_KEYS,
    NARRATIVE_MAX_LENGTH,
    OPTIONAL_KEYS,
    REFERENCE_MAX_LENGTH,
    SCHEMA,
    SEXES,
    STATUSES,
    TOP_KEYS,
    USERNAME_MAX_LENGTH,
    VERSION,
    VERSIONS,
    ClientInfo,
    InterchangeError,
    ParsedAssessment,
    Problem,
)
from assessments.interchange.sections import sections
from assessments.outcomes import outcome_problems
from assessments.validators import visit_date_not_future
from assessments.values import AssessmentValues, Key, Value

# --- reading and validating -------------------------------------------------------------


def load_json(text: str | bytes) -> object:
    """Decode a document's text (UTF-8, a BOM allowed); numbers with a fraction as Decimal.

    Raises InterchangeError with the line and column of a syntax error.
    """
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise InterchangeError(
                [Problem("$", f"not UTF-8 text (invalid byte at offset {error.start})")]
            ) from None
    text = text.removeprefix("\ufeff")
    try:
        # NaN and Infinity become Decimals so the validator can name where they are.
        return json.loads(text, parse_float=Decimal, parse_constant=Decimal)
    except json.JSONDecodeError as error:
        message = f"not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})"
        raise InterchangeError([Problem("$", message)]) from None
    except (ValueError, RecursionError) as error:  # an integer too long, nesting too deep
        raise InterchangeError([Problem("$", f"not a usable JSON document ({error})")]) from None


def _check_header(check: Checker, document: Mapping[str, Any]) -> int | None:
    """The document's version (the current one when it is missing, which is reported
    elsewhere); None, reported, for a schema or version this program does not read."""
    before = len(check.problems)
    if "schema" in document and document["schema"] != SCHEMA:
        check.add("$.schema", f"must be {json.dumps(SCHEMA)} (got {shown(document['schema'])})")
    version = document.get("version", VERSION)
    readable = " or ".join(str(number) for number in VERSIONS)
    if isinstance(version, bool) or not isinstance(version, int | float | Decimal):
        check.add("$.version", f"must be the number {readable} (got {json_type(version)})")
    elif version not in VERSIONS:
        check.add(
            "$.version",
            f"version {shown(version)} is not supported; this program reads versions "
            f"{', '.join(str(number) for number in VERSIONS)}",
        )
    return int(version) if len(check.problems) == before else None


def _check_sections(
    check: Checker, document: Mapping[str, Any], version: int
) -> dict[str, object]:
    """Each registered section the document holds, read by its app (interchange_sections).

    A section's key in a document of a version before it is an error of its own: such a
    document cannot hold it, whatever its value.
    """
    parsed: dict[str, object] = {}
    for section in sections():
        if section.key not in document:
            continue
        path = child("$", section.key)
        if section.since > version:
            check.add(
                path,
                f"is not part of version {version} documents (added in version "
                f'{section.since}: write "version": {section.since})',
            )
            continue
        value = section.read(check, path, document[section.key])
        if value is not None:
            parsed[section.key] = value
    return parsed


def _check_date(check: Checker, value: object) -> datetime.date | None:
    if not isinstance(value, str):
        check.wrong_type("$.visit_date", value, "string")
        return None
    if DATE_PATTERN.match(value):
        try:
            day = datetime.date.fromisoformat(value)
        except ValueError:
            pass
        else:
            return day if check.rule("$.visit_date", visit_date_not_future, day) else None
    check.add("$.visit_date", f"{shown(value)} is not a date written as YYYY-MM-DD")
    return None


def _check_client(check: Checker, value: object) -> ClientInfo | None:
    client = check.mapping("$.client", value, known=CLIENT_KEYS, required=("reference",))
    if client is None:
        return None
    reference = None
    if "reference" in client:
        reference = check.string(
            "$.client.reference",
            client["reference"],
            max_length=REFERENCE_MAX_LENGTH,
            blank=False,
        )
    age: int | None = None
    age_ok = True
    if client.get("age_at_visit") is not None:
        number = check.number("$.client.age_at_visit", client["age_at_visit"])
        age_ok = number is not None and not places(number) and 0 <= number <= MAX_AGE
        if number is not None and not age_ok:
            check.add(
                "$.client.age_at_visit",
                f"must be a whole number of years from 0 to {MAX_AGE} (got {fmt(number)})",
            )
        age = int(number) if number is not None and age_ok else None
    sex = client.get("sex", "")
    sex_ok = isinstance(sex, str) and sex in SEXES
    if not sex_ok:
        check.add("$.client.sex", f"must be one of {quoted(SEXES)} (got {shown(sex)})")
    if reference is None or not age_ok or not sex_ok:
        return None
    return ClientInfo(reference=reference, age_at_visit=age, sex=str(sex))


def _check_narrative(check: Checker, value: object) -> dict[str, str]:
    narrative = check.mapping("$.narrative", value, known=NARRATIVE_KEYS, required=())
    clean = dict.fromkeys(NARRATIVE_KEYS, "")
    for name in NARRATIVE_KEYS:
        if narrative is not None and name in narrative:
            text = check.string(
                f"$.narrative.{name}", narrative[name], max_length=NARRATIVE_MAX_LENGTH[name]
            )
            clean[name] = text or ""
    return clean


def _check_side(check: Checker, path: str, item: Item, side: object) -> str | None:
    if not isinstance(side, str):
        check.wrong_type(path, side, "string")
        return None
    if side in item.sides:
        return side
    if item.sided:
        check.add(
            path,
            f'must be "left" or "right" for "{item.code}" (recorded per side; got {shown(side)})',
        )
    else:
        check.add(path, f'must be "" for "{item.code}" (it has no side; got {shown(side)})')
    return None


def _check_number(check: Checker, path: str, item: Item, value: object) -> Decimal | None:
    number = check.number(path, value)
    if number is None:
        return None
    low, high = Decimal(str(item.minimum)), Decimal(str(item.maximum))
    if not low <= number <= high:
        check.add(
            path,
            f'{fmt(number)} is outside the allowed range for "{item.code}" '
            f"({fmt(low)} to {fmt(high)})",
        )
        return None
    if places(number) > item.decimals:
        allowed = (
            "must be a whole number"
            if item.decimals == 0
            else f"at most {item.decimals} decimal place{'s' if item.decimals > 1 else ''}"
        )
        check.add(path, f'{fmt(number)} has too many decimals for "{item.code}" ({allowed})')
        return None
    return number


def _check_value(check: Checker, path: str, item: Item, value: object) -> Value | None:
    if value is None or value == "":
        check.add(path, "must not be empty; leave the measurement out if it was not tested")
        return None
    if item.kind is Kind.NUMBER:
        return _check_number(check, path, item, value)
    if item.kind is Kind.TEXT:
        return check.string(path, value, max_length=item.max_length)
    if not isinstance(value, str):
        check.wrong_type(path, value, "string")
        return None
    allowed = [choice for choice, _ in item.choices]
    if value not in allowed:
        check.add(
            path,
            f'{shown(value)} is not an allowed value for "{item.code}" '
            f"(allowed: {quoted(allowed)})",
        )
        return None
    return value


def _check_measurement(check: Checker, path: str, raw: object) -> tuple[Key, Value | None] | None:
    """The row's key and value (None if the value is bad); None if the key is unusable."""
    row = check.mapping(path, raw, known=MEASUREMENT_KEYS, required=MEASUREMENT_KEYS)
    if row is None or "item" not in row:
        return None
    code = row["item"]
    if not isinstance(code, str):
        check.wrong_type(f"{path}.item", code, "string")
        return None
    item = ITEMS.get(code)
    if item is None:
        check.add(f"{path}.item", f"unknown item {shown(code)}")
        return None
    side = _check_side(check, f"{path}.side", item, row["side"]) if "side" in row else None
    value = _check_value(check, f"{path}.value", item, row["value"]) if "value" in row else None
    return None if side is None else ((code, side), value)


def _check_measurements(check: Checker, value: object) -> dict[Key, Value]:
    values: dict[Key, Value] = {}
    if not isinstance(value, list | tuple):
        check.wrong_type("$.measurements", value, "array")
        return values
    first_seen: dict[Key, str] = {}
    before = len(check.problems)
    for index, raw in enumerate(value):
        path = f"$.measurements[{index}]"
        checked = _check_measurement(check, path, raw)
        if checked is None:
            continue
        key, stored = checked
        if key in first_seen:
            code, side = key
            which = f'"{code}"' + (f" ({side})" if side else "")
            check.add(path, f"repeats {which} from {first_seen[key]}")
            continue
        first_seen[key] = path
        if stored is not None:
            values[key] = stored
    if len(check.problems) == before:
        # The web form's cross-checks (STarT Back subscale, ODI total, PSFS activity named),
        # each at the measurement it concerns, or at the list when that one is missing.
        for key, message in outcome_problems(AssessmentValues(values=dict(values))).items():
            where = f"{first_seen[key]}.value" if key in first_seen else "$.measurements"
            check.add(where, message)
    return values


def _check_mark(check: Checker, path: str, raw: object) -> Mark | None:
    row = check.mapping(path, raw, known=CHART_KEYS, required=CHART_KEYS)
    if row is None or any(key not in row for key in CHART_KEYS):
        return None
    region, pain_type, intensity = row["region"], row["pain_type"], row["intensity"]
    good = True
    if region not in REGIONS:
        check.add(f"{path}.region", f"unknown region {shown(region)}")
        good = False
    if pain_type not in PAIN_TYPE_LABEL:
        allowed = quoted(list(PAIN_TYPE_LABEL))
        check.add(f"{path}.pain_type", f"{shown(pain_type)} is not a pain type ({allowed})")
        good = False
    if isinstance(intensity, bool) or not isinstance(intensity, int):
        check.add(
            f"{path}.intensity", f"must be a whole number from 0 to 10 (got {shown(intensity)})"
        )
        good = False
    elif not INTENSITY_MIN <= intensity <= INTENSITY_MAX:
        check.add(f"{path}.intensity", f"must be from 0 to 10 (got {intensity})")
        good = False
    return Mark(str(region), str(pain_type), int(intensity)) if good else None


def _check_body_chart(check: Checker, value: object) -> tuple[Mark, ...]:
    """The optional body chart: one mark per region (docs/interchange.md)."""
    if not isinstance(value, list | tuple):
        check.wrong_type("$.body_chart", value, "array")
        return ()
    marks: dict[str, Mark] = {}
    first_seen: dict[str, str] = {}
    for index, raw in enumerate(value):
        path = f"$.body_chart[{index}]"
        mark = _check_mark(check, path, raw)
        if mark is None:
            continue
        if mark.region in first_seen:
            check.add(path, f'repeats region "{mark.region}" from {first_seen[mark.region]}')
            continue
        first_seen[mark.region] = path
        marks[mark.region] = mark
    return sort_marks(list(marks.values()))


def parse_document(data: object) -> ParsedAssessment:
    """Validate a decoded document; raise InterchangeError listing every problem found.

    Versions 1 and 2 are read: version 2 is version 1 with the registered sections (the
    treatment given). An unknown schema or version is reported alone: the other rules
    belong to the version.
    """
    check = Checker()
    known = (*TOP_KEYS, *OPTIONAL_KEYS, *(section.key for section in sections()))
    document = check.mapping("$", data, known=known, required=TOP_KEYS)
    if document is None:
        raise InterchangeError(check.problems)
    version = _check_header(check, document)
    if version is None:
        raise InterchangeError([p for p in check.problems if p.path in ("$.schema", "$.version")])
    visit_date = _check_date(check, document["visit_date"]) if "visit_date" in document else None
    status = document.get("status")
    if "status" in document and status not in STATUSES:
        check.add("$.status", f"must be one of {quoted(STATUSES)} (got {shown(status)})")
    therapist = None
    if "therapist" in document:
        therapist = check.string(
            "$.therapist", document["therapist"], max_length=USERNAME_MAX_LENGTH, blank=False
        )
    client = _check_client(check, document["client"]) if "client" in document else None
    narrative = _check_narrative(check, document.get("narrative", {}))
    values = _check_measurements(check, document.get("measurements", []))
    body_chart = _check_body_chart(check, document.get("body_chart", []))
    parsed_sections = _check_sections(check, document, version)
    if check.problems or visit_date is None or therapist is None or client is None:
        raise InterchangeError(check.problems)
    return ParsedAssessment(
        visit_date=visit_date,
        status=str(status),
        therapist=therapist,
        client=client,
        narrative=narrative,
        values=values,
        body_chart=body_chart,
        version=version,
        sections=parsed_sections,
    )

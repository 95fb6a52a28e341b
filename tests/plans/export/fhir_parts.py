"""What the FHIR Bundle tests share: the export moment, code systems, and ways to find
resources and references in a bundle."""

import datetime
from collections.abc import Iterator
from typing import Any

EXPORTED_AT = datetime.datetime(2026, 11, 20, 9, 15, 30, tzinfo=datetime.UTC)
SNOMED = "http://snomed.info/sct"
UCUM = "http://unitsofmeasure.org"
LOCAL = "https://hipplan.invalid/fhir/CodeSystem"


def references_in(node: object) -> Iterator[str]:
    """Every `reference` string anywhere in the document."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "reference" and isinstance(value, str):
                yield value
            else:
                yield from references_in(value)
    elif isinstance(node, list):
        for value in node:
            yield from references_in(value)


def resources(bundle: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def observation_of(bundle: dict[str, Any], code: str, *, draft: bool = False) -> dict[str, Any]:
    """The observation with this code (SNOMED or local), of the final or the draft visit."""
    status = "preliminary" if draft else "final"
    return next(
        o
        for o in resources(bundle, "Observation")
        if code in {c["code"] for c in o["code"]["coding"]} and o["status"] == status
    )

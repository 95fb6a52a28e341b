"""The JSON Schema pieces the client-record document's parts share (plans/export/
record_schema.py and the modules that add keys to it)."""

from typing import Any


def closed_object(properties: dict[str, Any]) -> dict[str, Any]:
    """A closed object whose every property is required."""
    return {
        "type": "object",
        "additionalProperties": False,
        "required": list(properties),
        "properties": properties,
    }

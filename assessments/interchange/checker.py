"""The validator's toolkit: problems collected with their JSON paths, values shown short.

Public so that a section an app adds to the document (`interchange_sections`) reports its
problems the way the rest of the document does.
"""

import json
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError

from assessments.interchange.format import NAME_PATTERN, Problem


def json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float | Decimal):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list | tuple):
        return "array"
    if isinstance(value, Mapping):
        return "object"
    return type(value).__name__


def child(path: str, key: str) -> str:
    return f"{path}.{key}" if NAME_PATTERN.match(key) else f"{path}[{json.dumps(key)}]"


def fmt(number: Decimal | float) -> str:
    """A number as people write it: 50, -30, 9.5 (no exponent, no trailing zeros)."""
    value = Decimal(str(number)) if isinstance(number, float) else number
    text = format(value.normalize(), "f") if value.is_finite() else str(value)
    return "0" if text == "-0" else text


def quoted(values: tuple[str, ...] | list[str]) -> str:
    return ", ".join(json.dumps(value) for value in values)


def places(value: Decimal) -> int:
    exponent = value.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


class Checker:
    """Collects every problem instead of stopping at the first."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, path: str, message: str) -> None:
        self.problems.append(Problem(path, message))

    def rule(self, path: str, validator: Callable[[Any], None], value: Any) -> bool:
        """Apply a rule the model and the forms share; False (and reported) if it fails."""
        try:
            validator(value)
        except ValidationError as error:
            for message in error.messages:
                self.add(path, f"{message.rstrip('.')} (got {shown(str(value))})")
            return False
        return True

    def wrong_type(self, path: str, value: object, expected: str) -> None:
        article = "an" if expected[0] in "aeiou" else "a"
        self.add(path, f"must be {article} {expected} (got {json_type(value)})")

    def mapping(
        self, path: str, value: object, *, known: tuple[str, ...], required: tuple[str, ...]
    ) -> Mapping[str, Any] | None:
        """The value as a mapping, after reporting unknown and missing keys; None if not one."""
        if not isinstance(value, Mapping):
            self.wrong_type(path, value, "object")
            return None
        for key in sorted(set(value) - set(known), key=str):
            self.add(child(path, str(key)), f"unknown key (known: {', '.join(sorted(known))})")
        for key in required:
            if key not in value:
                self.add(child(path, key), "is required")
        return value

    def string(
        self, path: str, value: object, *, max_length: int | None, blank: bool = True
    ) -> str | None:
        if not isinstance(value, str):
            self.wrong_type(path, value, "string")
            return None
        if "\x00" in value:  # PostgreSQL cannot store it in text; never meaningful in one
            self.add(path, "must not contain the NUL character (\\u0000)")
            return None
        if not blank and value == "":
            self.add(path, "must not be empty")
            return None
        if max_length is not None and len(value) > max_length:
            self.add(path, f"is too long ({len(value)} characters; at most {max_length})")
            return None
        return value

    def number(self, path: str, value: object) -> Decimal | None:
        if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
            self.wrong_type(path, value, "number")
            return None
        number = value if isinstance(value, Decimal) else Decimal(str(value))
        if not number.is_finite():
            self.add(path, f"must be a finite number (got {number})")
            return None
        return number


def shown(value: object) -> str:
    """A short rendering of a bad value for a message."""
    if isinstance(value, str):
        return json.dumps(value[:40] + ("…" if len(value) > 40 else ""), ensure_ascii=False)
    if isinstance(value, Decimal | int | float) and not isinstance(value, bool):
        return fmt(Decimal(str(value)))
    return json_type(value)

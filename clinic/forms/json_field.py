"""A JSON form field that bounds the text's size, nesting and numbers before parsing it.

Python's json module recurses once per level of nesting (50,000 levels raise
RecursionError) and refuses integers over 4,300 digits with ValueError; Django's JSONField
catches neither, so either was a 500. Settings typed as JSON (a clinic's cut-off overrides)
are small and flat, so limits far below those explain the problem next to the field.
"""

import json
from typing import Any

from django import forms
from django.core.exceptions import ValidationError


def _shape(text: str) -> tuple[int, int]:
    """The deepest nesting of [ and { and the longest run of digits, outside strings."""
    depth = deepest = digits = longest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
            continue
        digits = digits + 1 if char.isdigit() else 0
        longest = max(longest, digits)
        if char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest, longest


class BoundedJSONField(forms.JSONField):
    """forms.JSONField that refuses, with a message, text too long, deep or numeric to parse.

    The bounds are checked in `to_python` (the field error) and again by the decoder, so
    re-showing refused text (Django parses it once more for the page) keeps it as typed.
    """

    def __init__(
        self, *, max_characters: int, max_depth: int, max_digits: int = 30, **kwargs: Any
    ) -> None:
        self.max_characters = max_characters
        self.max_depth = max_depth
        self.max_digits = max_digits
        field = self

        class Decoder(json.JSONDecoder):
            def decode(self, s: str, *args: Any, **kwargs: Any) -> Any:
                problem = field.problem(s)
                if problem:
                    raise json.JSONDecodeError(problem, s, 0)
                return super().decode(s, *args, **kwargs)

        super().__init__(decoder=Decoder, **kwargs)

    def problem(self, text: str) -> str | None:
        """Why the text is refused before parsing; None when it may be parsed."""
        if len(text) > self.max_characters:
            return f"At most {self.max_characters:,} characters (it has {len(text):,})."
        depth, digits = _shape(text)
        if depth > self.max_depth:
            return f"Nested too deeply: at most {self.max_depth} levels."
        if digits > self.max_digits:
            return f"A number has too many digits: at most {self.max_digits}."
        return None

    def to_python(self, value: Any) -> Any:
        if isinstance(value, str) and not self.disabled:
            problem = self.problem(value)
            if problem:
                raise ValidationError(problem, code="too_large")
        return super().to_python(value)

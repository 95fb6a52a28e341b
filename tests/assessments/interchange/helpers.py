"""Building interchange documents from the valid example, for the interchange tests."""

import copy
from typing import Any

import pytest

from assessments.interchange.document import InterchangeError, parse_document
from tests.assessments.factories import VALID

DELETE = object()


def changed(*changes: tuple[tuple[str | int, ...], object]) -> Any:
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


def problems(document: object) -> list[str]:
    with pytest.raises(InterchangeError) as error:
        parse_document(document)
    return [str(problem) for problem in error.value.problems]

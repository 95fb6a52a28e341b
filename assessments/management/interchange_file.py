"""Reading an interchange JSON file for a management command, with every problem listed."""

from pathlib import Path

from django.core.management.base import CommandError, OutputWrapper

from assessments.interchange.document import (
    InterchangeError,
    ParsedAssessment,
    load_json,
    parse_document,
)


def parse_file(path: str, *, stderr: OutputWrapper, nothing_done: str) -> ParsedAssessment:
    """The parsed document; else each problem on stderr and a CommandError ending in
    `nothing_done` (e.g. "nothing was imported")."""
    try:
        raw = Path(path).read_bytes()
    except OSError as error:
        raise CommandError(f"{path}: cannot read the file ({error.strerror}).") from None
    try:
        return parse_document(load_json(raw))
    except InterchangeError as error:
        raise refused(path, error, stderr=stderr, nothing_done=nothing_done) from None


def refused(
    path: str, error: InterchangeError, *, stderr: OutputWrapper, nothing_done: str
) -> CommandError:
    """Each problem written on stderr; the CommandError to raise, ending in `nothing_done`."""
    for problem in error.problems:
        stderr.write(str(problem))
    count = len(error.problems)
    return CommandError(
        f"{path}: {count} problem{'s' if count != 1 else ''} found; {nothing_done}."
    )

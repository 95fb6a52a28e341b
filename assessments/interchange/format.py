"""The interchange document's shape (versions 1 and 2): names, limits and the parsed result.

Shared by `interchange_parse` (reading and validating) and `interchange` (export, import).
"""

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from assessments.body_chart.regions import Mark
from assessments.catalogue.items import ITEMS, Side
from assessments.models import Assessment, Status
from assessments.services import NARRATIVE_FIELDS
from assessments.values import AssessmentValues, Key, Value
from clinic.models import Sex

SCHEMA = "hipplan.assessment"
VERSION = 2  # what an export writes
VERSIONS = (1, 2)  # what the reader reads (docs/interchange.md "Versioning")

NARRATIVE_KEYS = tuple(name for name in NARRATIVE_FIELDS if name != "visit_date")


def _model_limit(name: str) -> int:
    """The model field's length limit; every narrative field must have one."""
    limit = getattr(Assessment._meta.get_field(name), "max_length", None)
    if not isinstance(limit, int):
        raise TypeError(f"Assessment.{name} has no max_length; the import needs one.")
    return limit


# The model's limits (clinic.text_limits for the free text), so the import refuses what
# the web form and the services refuse, and every stored visit round-trips.
NARRATIVE_MAX_LENGTH = {name: _model_limit(name) for name in NARRATIVE_KEYS}
TOP_KEYS = (
    "schema",
    "version",
    "visit_date",
    "status",
    "therapist",
    "client",
    "narrative",
    "measurements",
)
# Optional, added within version 1: a document without them reads as before, and an export
# writes "body_chart" only for a visit with marks (docs/interchange.md). Version 2's own
# optional key, "treatment", is a section the treatment app adds (`interchange_sections`).
OPTIONAL_KEYS = ("body_chart",)
CHART_KEYS = ("region", "pain_type", "intensity")
CLIENT_KEYS = ("reference", "age_at_visit", "sex")
MEASUREMENT_KEYS = ("item", "side", "value")
STATUSES = tuple(status.value for status in Status)
SEXES = tuple(sex.value for sex in Sex)
REFERENCE_MAX_LENGTH = 64
USERNAME_MAX_LENGTH = 150
MAX_AGE = 130

ITEM_ORDER = {code: index for index, code in enumerate(ITEMS)}
SIDE_ORDER: dict[str, int] = {Side.NONE: 0, Side.LEFT: 1, Side.RIGHT: 2}
DATE_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}$")
NAME_PATTERN = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a document: where (a JSON path) and what."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class InterchangeError(Exception):
    """The document is not a valid interchange document; `problems` lists every fault."""

    def __init__(self, problems: list[Problem]) -> None:
        count = len(problems)
        super().__init__(f"{count} problem{'s' if count != 1 else ''} in the document")
        self.problems = tuple(problems)


@dataclass(frozen=True)
class ClientInfo:
    """The client as the document describes them: a reference, not an identity."""

    reference: str
    age_at_visit: int | None = None
    sex: str = ""


@dataclass(frozen=True)
class ParsedAssessment:
    """A validated document; usable without a database (see `to_values`)."""

    visit_date: datetime.date
    status: str
    therapist: str
    client: ClientInfo
    narrative: Mapping[str, str]  # every NARRATIVE_KEYS entry, "" when absent
    values: Mapping[Key, Value] = field(default_factory=dict)
    body_chart: tuple[Mark, ...] = ()
    version: int = VERSION
    # A registered section's key -> what its reader returned (only the keys present).
    sections: Mapping[str, object] = field(default_factory=dict)

    def to_values(self) -> AssessmentValues:
        return AssessmentValues(
            values=dict(self.values),
            body_chart=self.body_chart,
            age=self.client.age_at_visit,
            sex=self.client.sex,
            visit_date=self.visit_date,
        )

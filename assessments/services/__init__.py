"""Writes for assessments: start (optionally copying forward), save, finalise, amend.

Every function is atomic and audited. Values are passed as the complete new state: a
mapping of (item code, side) to a Decimal, a string, or None; None, "" or a missing key
means "not tested", and a previously recorded value left out is removed.

The package's modules: `visit` (start, save, finalise, viewed), `amend`, `narrative` (the
free-text fields), `writes` (the steps they share), `errors`.
"""

from assessments.services.amend import assessment_amend
from assessments.services.errors import AssessmentConflict, AssessmentLocked, FinaliseBlocked
from assessments.services.narrative import CARRIED_NARRATIVE, NARRATIVE_FIELDS
from assessments.services.visit import (
    assessment_finalise,
    assessment_save,
    assessment_start,
    assessment_start_or_continue,
    assessment_viewed,
)
from assessments.services.writes import ORDER

__all__ = [
    "CARRIED_NARRATIVE",
    "NARRATIVE_FIELDS",
    "ORDER",
    "AssessmentConflict",
    "AssessmentLocked",
    "FinaliseBlocked",
    "assessment_amend",
    "assessment_finalise",
    "assessment_save",
    "assessment_start",
    "assessment_start_or_continue",
    "assessment_viewed",
]

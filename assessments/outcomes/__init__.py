"""Scoring of the outcome measures (docs/clinical.md "Outcome measures").

Pure: no Django, no database. Scores come from the answers the therapist enters from the
clinic's licensed forms; no questionnaire wording lives here. One module per measure
(`psfs`, `oswestry`, `roland_morris`, `startback`), the cross-field checks (`checks`) and
all of a visit's scores at once (`summary`); other modules import these names from here.
"""

from assessments.outcomes.checks import ODI_TOTAL_TOLERANCE, outcome_problems
from assessments.outcomes.oswestry import (
    ODI_BANDS,
    ODI_MIN_ANSWERED,
    ODI_SECTION_MAX,
    ODI_SECTIONS,
    OdiResult,
    odi,
    odi_answered,
    odi_band,
)
from assessments.outcomes.psfs import PSFS_ACTIVITIES, psfs_mean
from assessments.outcomes.roland_morris import (
    RMDQ_ITEMS,
    RMDQ_MCID_POINTS,
    RMDQ_MCID_RELATIVE,
    rmdq,
    rmdq_count,
)
from assessments.outcomes.startback import (
    HIGH,
    LOW,
    MEDIUM,
    STARTBACK_ITEMS,
    STARTBACK_PSYCHOSOCIAL,
    StartBackResult,
    risk_group,
    startback,
    startback_group,
    startback_point,
)
from assessments.outcomes.summary import ODI_BAND_TEXT, OutcomeScores, outcome_scores, scores_data

__all__ = [
    "HIGH",
    "LOW",
    "MEDIUM",
    "ODI_BANDS",
    "ODI_BAND_TEXT",
    "ODI_MIN_ANSWERED",
    "ODI_SECTIONS",
    "ODI_SECTION_MAX",
    "ODI_TOTAL_TOLERANCE",
    "PSFS_ACTIVITIES",
    "RMDQ_ITEMS",
    "RMDQ_MCID_POINTS",
    "RMDQ_MCID_RELATIVE",
    "STARTBACK_ITEMS",
    "STARTBACK_PSYCHOSOCIAL",
    "OdiResult",
    "OutcomeScores",
    "StartBackResult",
    "odi",
    "odi_answered",
    "odi_band",
    "outcome_problems",
    "outcome_scores",
    "psfs_mean",
    "risk_group",
    "rmdq",
    "rmdq_count",
    "scores_data",
    "startback",
    "startback_group",
    "startback_point",
]

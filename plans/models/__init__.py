"""The plans app's models: plans and their versions, a clinic's library, stored handouts."""

from plans.models.answers import SINCE_CHOICES, ProgramAnswers
from plans.models.handout import (
    EmailStatus,
    HandoutEmail,
    HandoutPDF,
    HandoutSnapshot,
    RenderStatus,
)
from plans.models.library import PICTURE_TYPES, ClinicIntervention, ClinicPicture
from plans.models.plan import (
    DOSE_BOUNDS,
    DOSE_FIELDS,
    KIND_CHOICES,
    OLDER_DOSE_FIELDS,
    SIDE_CHOICES,
    DoseFields,
    Plan,
    PlanItem,
    PlanVersion,
    VersionStatus,
)
from plans.models.program import (
    NOTE_MAX,
    PAIN_MAX,
    EndReason,
    ProgramDay,
    ProgramLink,
    ProgramReminder,
    ProgramTick,
)

__all__ = [
    "DOSE_BOUNDS",
    "DOSE_FIELDS",
    "KIND_CHOICES",
    "NOTE_MAX",
    "OLDER_DOSE_FIELDS",
    "PAIN_MAX",
    "PICTURE_TYPES",
    "SIDE_CHOICES",
    "SINCE_CHOICES",
    "ClinicIntervention",
    "ClinicPicture",
    "DoseFields",
    "EmailStatus",
    "EndReason",
    "HandoutEmail",
    "HandoutPDF",
    "HandoutSnapshot",
    "Plan",
    "PlanItem",
    "PlanVersion",
    "ProgramAnswers",
    "ProgramDay",
    "ProgramLink",
    "ProgramReminder",
    "ProgramTick",
    "RenderStatus",
    "VersionStatus",
]

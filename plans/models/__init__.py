"""The plans app's models: plans and their versions, a clinic's library, stored handouts."""

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
    KIND_CHOICES,
    SIDE_CHOICES,
    DoseFields,
    Plan,
    PlanItem,
    PlanVersion,
    VersionStatus,
)

__all__ = [
    "DOSE_BOUNDS",
    "KIND_CHOICES",
    "PICTURE_TYPES",
    "SIDE_CHOICES",
    "ClinicIntervention",
    "ClinicPicture",
    "DoseFields",
    "EmailStatus",
    "HandoutEmail",
    "HandoutPDF",
    "HandoutSnapshot",
    "Plan",
    "PlanItem",
    "PlanVersion",
    "RenderStatus",
    "VersionStatus",
]

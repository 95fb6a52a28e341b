"""Writes of the treatment app, all audited: `visit` the treatment given at a visit
(recorded on a draft, amended on a final visit), `techniques` a clinic's own techniques."""

from treatment.services.techniques import (
    TECHNIQUE_FIELDS,
    clinic_technique_create,
    clinic_technique_update,
)
from treatment.services.visit import (
    DRAFT,
    FINAL,
    REASON_NEEDED,
    ROW_FIELDS,
    TreatmentConflict,
    recorded_technique,
    snapshot,
    treatment_amend,
    treatment_save,
)

__all__ = [
    "DRAFT",
    "FINAL",
    "REASON_NEEDED",
    "ROW_FIELDS",
    "TECHNIQUE_FIELDS",
    "TreatmentConflict",
    "clinic_technique_create",
    "clinic_technique_update",
    "recorded_technique",
    "snapshot",
    "treatment_amend",
    "treatment_save",
]

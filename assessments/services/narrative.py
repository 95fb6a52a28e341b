"""The assessment's narrative (free-text) fields: which a therapist edits, which copy-forward
carries, and applying an edit of them."""

from collections.abc import Mapping
from typing import Any

from assessments.models import Assessment

# The narrative (free-text) fields a therapist edits on the assessment itself.
NARRATIVE_FIELDS = (
    "visit_date",
    "presenting_complaint",
    "onset",
    "eases",
    "activities",
    "goals",
    "gait_notes",
    "notes",
    "treatment_today",
)
# Narrative carried to the next visit by copy-forward (the story so far, not today's notes).
CARRIED_NARRATIVE = ("presenting_complaint", "onset", "eases", "activities", "goals")


def apply_narrative(assessment: Assessment, narrative: Mapping[str, Any]) -> list[str]:
    unknown = set(narrative) - set(NARRATIVE_FIELDS)
    if unknown:
        raise TypeError(f"Not assessment fields: {', '.join(sorted(unknown))}")
    changed = [name for name, value in narrative.items() if getattr(assessment, name) != value]
    for name in changed:
        setattr(assessment, name, narrative[name])
    return changed

"""What the assessment writes refuse with (assessments/services)."""

from assessments.models import Assessment


class AssessmentConflict(Exception):
    """Someone saved the assessment since this editor loaded it; nothing was written."""

    def __init__(self, current: Assessment) -> None:
        super().__init__(f"Assessment {current.pk} is at version {current.version}.")
        self.current = current


class AssessmentLocked(Exception):
    """A finalised assessment is read-only except through an amendment."""


class FinaliseBlocked(Exception):
    """The assessment cannot be finalised yet; the message says why."""

"""An episode of care (one complaint, from the first assessment to discharge) and its goals.

Visits are not linked to an episode by a key: an episode holds the client's visits dated
from its start to its discharge (docs/episodes.md, "Which visits belong"). A client has at
most one open episode, and a new one starts after the last discharge, so the date ranges
never overlap.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from clinic.models import Client
from clinic.text_limits import CLINIC_LINES, VISIT_TEXT, limited_text

# The PSFS scores each activity 0 (unable) to 10 (as before the problem): docs/clinical.md.
PSFS_MAX = 10
# An episode plans at most this many sessions (and reassesses within them).
MAX_SESSIONS = 60


class EpisodeStatus(models.TextChoices):
    OPEN = "open", "Open"
    DISCHARGED = "discharged", "Discharged"


class Episode(models.Model):
    """One complaint's course of care: planned sessions, reassessment, discharge."""

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="episodes")
    complaint = models.CharField(
        max_length=200,
        help_text="The complaint this episode treats, e.g. 'Left-sided low back pain'.",
    )
    started_on = models.DateField(help_text="The date of the first assessment of this complaint.")
    referrer_name = models.CharField("referring doctor", max_length=200, blank=True)
    referrer_address = limited_text(
        "doctor's practice and address", max_length=CLINIC_LINES, blank=True
    )
    planned_sessions = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(MAX_SESSIONS)],
        help_text="Sessions planned for this episode (1 to 60).",
    )
    reassess_every = models.PositiveSmallIntegerField(
        "reassess every (sessions)",
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_SESSIONS)],
        help_text="Sessions between reassessments (leave empty to reassess on a date only).",
    )
    reassess_on = models.DateField(
        "reassess on", null=True, blank=True, help_text="A date the reassessment is due by."
    )
    # The date of the visit last marked as the reassessment; None: none since the start.
    reassessed_on = models.DateField(null=True, blank=True, editable=False)
    status = models.CharField(
        max_length=12, choices=EpisodeStatus.choices, default=EpisodeStatus.OPEN
    )
    discharged_on = models.DateField(null=True, blank=True, editable=False)
    discharge_summary = limited_text(max_length=VISIT_TEXT, blank=True)
    # Raised by every write: an edit made against an older version is refused, never
    # applied over someone else's (docs/episodes.md, "Editing an open episode").
    version = models.PositiveIntegerField(default=1, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-started_on", "-pk"]
        indexes = [models.Index(fields=["client", "status"])]
        constraints = [
            models.UniqueConstraint(
                fields=["client"],
                condition=Q(status="open"),
                name="episode_one_open_per_client",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["open", "discharged"]), name="episode_status_known"
            ),
            models.CheckConstraint(condition=~Q(complaint=""), name="episode_complaint_given"),
            models.CheckConstraint(
                condition=Q(planned_sessions__gte=1, planned_sessions__lte=60),
                name="episode_planned_sessions_range",
            ),
            models.CheckConstraint(
                condition=Q(reassess_every__isnull=True)
                | Q(reassess_every__gte=1, reassess_every__lte=60),
                name="episode_reassess_every_range",
            ),
            # Discharged: a date and a summary; open: neither.
            models.CheckConstraint(
                condition=Q(status="open", discharged_on__isnull=True)
                | (Q(status="discharged", discharged_on__isnull=False) & ~Q(discharge_summary="")),
                name="episode_discharge_complete",
            ),
            models.CheckConstraint(
                condition=Q(discharged_on__isnull=True)
                | Q(discharged_on__gte=models.F("started_on")),
                name="episode_discharged_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.complaint} ({self.get_status_display().lower()}, from {self.started_on})"

    @property
    def is_open(self) -> bool:
        return self.status == EpisodeStatus.OPEN


class EpisodeGoal(models.Model):
    """A goal on one PSFS activity: its baseline score, the target and the date to reach it."""

    episode = models.ForeignKey(Episode, on_delete=models.CASCADE, related_name="goals")
    activity = models.CharField("PSFS activity", max_length=120)
    # The activity's score at the visit the goal was set from; None when not scored there.
    baseline = models.DecimalField(max_digits=4, decimal_places=1, null=True, blank=True)
    target = models.DecimalField(
        "target score", max_digits=4, decimal_places=1, help_text="0 (unable) to 10 (as before)."
    )
    target_date = models.DateField()
    # Decided at discharge: None while the episode is open.
    met = models.BooleanField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["episode", "pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(activity=""), name="episode_goal_activity_given"),
            models.CheckConstraint(
                condition=Q(target__gte=0, target__lte=PSFS_MAX),
                name="episode_goal_target_range",
            ),
            models.CheckConstraint(
                condition=Q(baseline__isnull=True) | Q(baseline__gte=0, baseline__lte=PSFS_MAX),
                name="episode_goal_baseline_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.activity}: {self.target}/10 by {self.target_date}"

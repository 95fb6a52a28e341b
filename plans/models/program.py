"""The client's program on their phone (docs/program.md): a private link per issued
version, the sessions the client ticks, and each day's pain rating and note."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from plans.models.plan import PlanVersion
from plans.program.payload import NOTE_MAX, PAIN_MAX


class EndReason(models.TextChoices):
    REVOKED = "revoked", "Revoked by the clinic"
    SUPERSEDED = "superseded", "A newer version was issued"


class ProgramLink(models.Model):
    """One issued version's private link. The token is never stored: it is derived from the
    salt with the site's secret key (plans/program/tokens.py); `digest` finds the link."""

    version = models.OneToOneField(
        PlanVersion, on_delete=models.CASCADE, related_name="program_link"
    )
    salt = models.CharField(max_length=32, unique=True)
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    # The program's sessions a week, summed over its exercises (plans/program/adherence.py):
    # the client list's low-adherence mark counts ticks against it without the snapshot.
    planned_per_week = models.PositiveIntegerField(default=0)
    ended_at = models.DateTimeField(null=True, blank=True)
    end_reason = models.CharField(max_length=12, choices=EndReason.choices, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_at__isnull=True, end_reason="")
                | Q(ended_at__isnull=False, end_reason__in=[r.value for r in EndReason]),
                name="program_link_end_named",
            ),
        ]

    def __str__(self) -> str:
        return f"Program link of plan version {self.version_id}"


class ProgramTick(models.Model):
    """One session of one exercise done on a day, as ticked on the phone. `uid` is made on
    the phone: a tick sent twice (offline, then again) is stored once."""

    link = models.ForeignKey(ProgramLink, on_delete=models.CASCADE, related_name="ticks")
    slug = models.SlugField(max_length=80)  # the exercise, as in the version's snapshot
    day = models.DateField()
    uid = models.UUIDField()
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["link", "uid"], name="program_tick_once"),
        ]
        indexes = [models.Index(fields=["link", "day"], name="program_tick_day")]

    def __str__(self) -> str:
        return f"{self.slug} on {self.day}"


class ProgramDay(models.Model):
    """The client's pain rating (0-10) and short note for one day of the program."""

    link = models.ForeignKey(ProgramLink, on_delete=models.CASCADE, related_name="days")
    day = models.DateField()
    pain = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(0), MaxValueValidator(PAIN_MAX)]
    )
    note = models.CharField(max_length=NOTE_MAX, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["link", "day"], name="program_day_once"),
            models.CheckConstraint(
                condition=Q(pain__isnull=True) | Q(pain__lte=PAIN_MAX), name="program_pain_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.day}: pain {self.pain}"


class ProgramReminder(models.Model):
    """The client's daily email reminder for one link, set up on the program page
    (plans/program/reminders/). The address is the one the client typed there, never the
    record's. The one-click unsubscribe token is derived from `salt` like the link's own
    (plans/program/tokens.py); only its digest is kept, to find the reminder."""

    link = models.OneToOneField(ProgramLink, on_delete=models.CASCADE, related_name="reminder")
    email = models.EmailField()
    at = models.TimeField()  # local time of day, in the site's time zone (settings.TIME_ZONE)
    active = models.BooleanField(default=True)
    salt = models.CharField(max_length=32, unique=True)
    digest = models.CharField(max_length=64, unique=True)
    # When the queued task is due to send next; a task whose moment is not this one is stale.
    next_due = models.DateTimeField(null=True, blank=True)
    sent_on = models.DateField(null=True, blank=True)  # the (local) day last sent: once a day
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [models.Index(fields=["active", "next_due"], name="program_reminder_due")]

    def __str__(self) -> str:
        return f"Reminder of program link {self.link_id}"

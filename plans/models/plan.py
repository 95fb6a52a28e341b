"""Plans: numbered, immutable-once-issued versions of a client's home program.

Each item keeps a snapshot of the intervention's wording, so an issued version reads the
same forever even if the clinic later edits its library.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from assessments.models import Assessment
from clinic.text_limits import PLAN_MESSAGE, REASON, limited_text
from plans.library import Dose, Kind
from plans.library.chains import Step, step_of
from plans.library.types import LOAD_MAX_LENGTH

KIND_CHOICES = [(kind.value, kind.value.replace("_", " ")) for kind in Kind]
SIDE_CHOICES = [("none", "not per side"), ("left", "left"), ("right", "right"), ("both", "both")]


class VersionStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    ISSUED = "issued", "Issued"


class Plan(models.Model):
    """The home program built from one visit's assessment."""

    assessment = models.OneToOneField(Assessment, on_delete=models.CASCADE, related_name="plan")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Plan for {self.assessment}"


class PlanVersion(models.Model):
    """One numbered version; editable while a draft, immutable once issued."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    status = models.CharField(
        max_length=10, choices=VersionStatus.choices, default=VersionStatus.DRAFT
    )
    message = limited_text("message to the client", max_length=PLAN_MESSAGE, blank=True)
    # Required to issue a plan for a visit with red flags (docs/clinical.md, Red flags).
    override_reason = limited_text(max_length=REASON, blank=True)
    lock = models.PositiveIntegerField(default=1)  # optimistic lock for concurrent edits
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    issued_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="plan_version_number_unique"),
            models.UniqueConstraint(
                fields=["plan"], condition=Q(status="draft"), name="plan_one_draft"
            ),
            models.CheckConstraint(
                condition=Q(number__gte=1), name="plan_version_number_positive"
            ),
            models.CheckConstraint(
                condition=Q(status="draft", issued_at__isnull=True)
                | Q(status="issued", issued_at__isnull=False),
                name="plan_version_issued_has_time",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.plan} v{self.number} ({self.status})"

    @property
    def is_issued(self) -> bool:
        return self.status == VersionStatus.ISSUED


# Sanity bounds, not clinical advice: they stop typing slips (300 s holds, 50 reps).
DOSE_BOUNDS = {
    "hold_seconds": (5, 300),
    "repetitions": (1, 50),
    "sets": (1, 10),
    "times_per_day": (1, 10),
    "days_per_week": (1, 7),
    "rest_seconds": (10, 600),  # between sets
    "duration_minutes": (1, 240),  # walking and other steady activity
}
# The load is short text ("a light resistance band", "a 2 kg weight": docs/library.md);
# its limit is the column's length, shared with the library's Dose.
DOSE_FIELDS = (*DOSE_BOUNDS, "load")
# What an older-adult dose may change (docs/library.md "Doses"): the hold, repetitions,
# sets and how often. Rest, duration and load are the entry's own at any age.
OLDER_DOSE_FIELDS = ("hold_seconds", "repetitions", "sets", "times_per_day", "days_per_week")


def dose_constraints(
    prefix: str, field_prefix: str = "", fields: tuple[str, ...] = tuple(DOSE_BOUNDS)
) -> list[models.CheckConstraint]:
    """The dose bounds for each of `fields` (named `field_prefix` + the dose field)."""
    bounds = {field: DOSE_BOUNDS[field] for field in fields}
    return [
        models.CheckConstraint(
            condition=Q(**{f"{field_prefix}{field}__isnull": True})
            | Q(**{f"{field_prefix}{field}__gte": low, f"{field_prefix}{field}__lte": high}),
            name=f"{prefix}_{field_prefix}{field}_bounds",
        )
        for field, (low, high) in bounds.items()
    ]


class DoseFields(models.Model):
    hold_seconds = models.PositiveSmallIntegerField(null=True, blank=True)
    repetitions = models.PositiveSmallIntegerField(null=True, blank=True)
    sets = models.PositiveSmallIntegerField(null=True, blank=True)
    times_per_day = models.PositiveSmallIntegerField(null=True, blank=True)
    days_per_week = models.PositiveSmallIntegerField(null=True, blank=True)
    rest_seconds = models.PositiveSmallIntegerField(
        "rest between sets (seconds)", null=True, blank=True
    )
    duration_minutes = models.PositiveSmallIntegerField("minutes", null=True, blank=True)
    load = models.CharField(
        max_length=LOAD_MAX_LENGTH, blank=True, help_text="For example a red band or 2 kg."
    )

    class Meta:
        abstract = True


class PlanItem(DoseFields):
    """One intervention in a plan version, with its dose, side and the therapist's note."""

    plan_version = models.ForeignKey(PlanVersion, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField()
    slug = models.SlugField(max_length=80)
    kind = models.CharField(max_length=20, choices=KIND_CHOICES)
    side = models.CharField(max_length=5, choices=SIDE_CHOICES, default="none")
    emphasis = models.CharField(max_length=5, blank=True)
    note = models.CharField("note for the client", max_length=500, blank=True)
    # Wording at the time it was added: name, summary, steps, safety, illustration.
    content = models.JSONField(default=dict)
    # Why it is in the plan: [{"finding", "title", "side", "rationale", "why"}, ...].
    reasons = models.JSONField(default=list, blank=True)
    # Added by hand although a finding of the visit contraindicates it (content
    # "contraindicated_by" names the findings): the therapist's reason, like issuing's.
    override_reason = models.CharField(
        "reason to add it despite a contraindication", max_length=500, blank=True
    )

    class Meta:
        ordering = ["plan_version", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["plan_version", "slug"], name="plan_item_once"),
            models.CheckConstraint(
                condition=Q(side__in=[value for value, _ in SIDE_CHOICES]), name="plan_item_side"
            ),
            *dose_constraints("plan_item"),
        ]

    def __str__(self) -> str:
        return f"{self.content.get('name', self.slug)} ({self.side})"

    @property
    def name(self) -> str:
        return str(self.content.get("name", self.slug))

    @property
    def dose(self) -> Dose:
        return Dose(
            hold_seconds=self.hold_seconds,
            repetitions=self.repetitions,
            sets=self.sets,
            times_per_day=self.times_per_day,
            days_per_week=self.days_per_week,
            rest_seconds=self.rest_seconds,
            duration_minutes=self.duration_minutes,
            load=self.load,
        )

    @property
    def chain_step(self) -> Step | None:
        """Where the entry stands in its progression chain (plans.library.chains), if any."""
        return step_of(self.slug)

    @property
    def dose_text(self) -> str:
        """The dose in plain words, e.g. "Hold 30 seconds, 3 times on each side, every day"."""
        both_sides = bool(self.content.get("per_side")) and self.side == "both"
        return self.dose.describe(per_side=both_sides)

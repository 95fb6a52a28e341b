"""One visit's assessment, its recorded measurements, body-chart marks, and amendments."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from assessments.body_chart.regions import (
    INTENSITY_MAX,
    INTENSITY_MIN,
    PAIN_TYPE_LABEL,
    REGIONS,
    Mark,
)
from assessments.catalogue.items import ITEMS, Kind, Side
from assessments.validators import visit_date_not_future
from clinic.models import Client
from clinic.text_limits import REASON, VISIT_TEXT, limited_text


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    FINAL = "final", "Final"


class Assessment(models.Model):
    """One visit: narrative notes here, every structured value in Measurement rows."""

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="assessments")
    therapist = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="assessments"
    )
    visit_date = models.DateField(validators=[visit_date_not_future])
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    copied_from = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    presenting_complaint = limited_text(max_length=VISIT_TEXT, blank=True)
    onset = models.CharField("onset and duration", max_length=300, blank=True)
    eases = models.CharField("what eases it", max_length=300, blank=True)
    activities = models.CharField("activities and sports", max_length=300, blank=True)
    goals = limited_text(max_length=VISIT_TEXT, blank=True)
    gait_notes = models.CharField("gait observations", max_length=300, blank=True)
    notes = limited_text("therapist's notes", max_length=VISIT_TEXT, blank=True)
    treatment_today = limited_text("in-clinic treatment today", max_length=VISIT_TEXT, blank=True)
    # Optimistic lock for concurrent edits of a draft.
    version = models.PositiveIntegerField(default=1)
    finalised_at = models.DateTimeField(null=True, blank=True)
    finalised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-visit_date", "-pk"]
        indexes = [models.Index(fields=["client", "-visit_date", "-id"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=[s.value for s in Status]), name="assessment_status_known"
            ),
            models.CheckConstraint(
                condition=Q(status=Status.DRAFT, finalised_at__isnull=True)
                | Q(status=Status.FINAL, finalised_at__isnull=False),
                name="assessment_final_has_time",
            ),
            models.CheckConstraint(
                condition=Q(version__gte=1), name="assessment_version_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.client} on {self.visit_date:%Y-%m-%d} ({self.status})"

    @property
    def is_final(self) -> bool:
        return self.status == Status.FINAL


def _measurement_constraints() -> list[models.BaseConstraint]:
    """Database bounds for every catalogue item, mirroring the form's validation."""
    sided = sorted(code for code, item in ITEMS.items() if item.sided)
    unsided = sorted(code for code, item in ITEMS.items() if not item.sided)
    constraints: list[models.BaseConstraint] = [
        models.CheckConstraint(
            condition=Q(item__in=sided, side__in=[Side.LEFT, Side.RIGHT])
            | Q(item__in=unsided, side=Side.NONE),
            name="measurement_item_and_side_known",
        ),
        models.CheckConstraint(
            condition=(Q(value__isnull=False) & Q(choice="") & Q(text=""))
            | (Q(value__isnull=True) & ~Q(choice="") & Q(text=""))
            | (Q(value__isnull=True) & Q(choice="") & ~Q(text="")),
            name="measurement_exactly_one_value",
        ),
    ]
    for code, item in sorted(ITEMS.items()):
        if item.kind is Kind.NUMBER:
            condition = Q(value__gte=item.minimum, value__lte=item.maximum)
        elif item.kind is Kind.CHOICE:
            condition = Q(choice__in=sorted(value for value, _ in item.choices))
        else:
            continue
        constraints.append(
            models.CheckConstraint(condition=~Q(item=code) | condition, name=f"m_{code}_bounds")
        )
    return constraints


class Measurement(models.Model):
    """One recorded value of one catalogue item (and side). No row means not tested."""

    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="measurements"
    )
    item = models.CharField(max_length=40)
    side = models.CharField(max_length=5, blank=True, default=Side.NONE)
    value = models.DecimalField(max_digits=7, decimal_places=2, null=True, blank=True)
    choice = models.CharField(max_length=20, blank=True, default="")
    text = models.CharField(max_length=200, blank=True, default="")
    # Copied forward from the previous visit and not yet confirmed or changed.
    carried_over = models.BooleanField(default=False)
    # Answered by the client themselves on this day, before the visit (the apps built on
    # this one offer such answers when a visit starts: settings.VISIT_START_OFFERS), and not
    # changed since. Cleared when the value is changed.
    from_client_on = models.DateField(null=True, blank=True)

    class Meta:
        # By the column, not "assessment": that would order by the visit's date and join
        # every prefetch to the assessments table (a full scan at 100,000 visits:
        # docs/performance.md).
        ordering = ["assessment_id", "item", "side"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "item", "side"], name="measurement_one_per_item_side"
            ),
            *_measurement_constraints(),
        ]

    def __str__(self) -> str:
        side = f" ({self.side})" if self.side else ""
        return f"{self.item}{side}: {self.stored}"

    @property
    def stored(self) -> object:
        """The value in whichever column this item's kind uses."""
        if self.value is not None:
            return self.value
        return self.choice or self.text


class Amendment(models.Model):
    """A correction to a finalised assessment: who, when, why, and each old and new value."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="amendments")
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    made_at = models.DateTimeField(auto_now_add=True)
    reason = limited_text(max_length=REASON)
    # [{"field": "hip_extension", "side": "left", "old": "5", "new": "12"}, ...]
    changes = models.JSONField(default=list)

    class Meta:
        ordering = ["made_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(reason=""), name="amendment_reason_given")
        ]

    def __str__(self) -> str:
        return f"Amendment to {self.assessment_id} by {self.made_by_id} at {self.made_at}"


class BodyChartMark(models.Model):
    """One marked region of a visit's body chart: pain type and intensity 0-10 (none while
    carried over from the last visit).

    Its own table rather than Measurement rows: a mark holds two values (type and
    intensity) for one of many regions, and a catalogue item per region and value would
    put 50 fields on the entry page for what is usually two or three marks.
    """

    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="chart_marks"
    )
    region = models.CharField(max_length=30)
    pain_type = models.CharField(max_length=20)
    # None only while carried over: today's intensity is asked anew (docs/assessment.md).
    intensity = models.PositiveSmallIntegerField(null=True, blank=True)
    # Copied forward from the previous visit (region and type), not asked about yet.
    carried_over = models.BooleanField(default=False)

    class Meta:
        ordering = ["assessment_id", "region"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "region"], name="chart_mark_one_per_region"
            ),
            models.CheckConstraint(
                condition=Q(region__in=sorted(REGIONS)), name="chart_mark_region_known"
            ),
            models.CheckConstraint(
                condition=Q(pain_type__in=sorted(PAIN_TYPE_LABEL)),
                name="chart_mark_pain_type_known",
            ),
            models.CheckConstraint(
                # isnull=False: a CHECK whose comparison with NULL is unknown would pass.
                condition=Q(
                    carried_over=False,
                    intensity__isnull=False,
                    intensity__gte=INTENSITY_MIN,
                    intensity__lte=INTENSITY_MAX,
                )
                | Q(carried_over=True, intensity__isnull=True),
                name="chart_mark_intensity_0_10_or_carried",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.region}: {self.as_mark().words}"

    def as_mark(self) -> Mark:
        return Mark(self.region, self.pain_type, self.intensity, carried=self.carried_over)

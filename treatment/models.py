"""The treatment given at a visit: a clinic's own techniques, the precaution screen and
one row per technique given (docs/treatment.md)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from assessments.models import Assessment
from clinic.models import Clinic
from clinic.text_limits import REASON, limited_text
from treatment.precautions import answers_problems
from treatment.regions import REGIONS
from treatment.techniques import DEPTH_CHOICES, SCOPE_CHOICES, Depth, Scope, Technique

PAIN_MAX = 10  # the 0-10 numeric pain rating the visit uses (docs/clinical.md)
MINUTES_MAX = 120

SIDE_CHOICES = (("both", "Both"), ("left", "Left"), ("right", "Right"), ("none", "Midline"))
POSITION_CHOICES = (
    ("prone", "Prone"),
    ("supine", "Supine"),
    ("side_lying", "Side-lying"),
    ("seated", "Seated"),
)


def _values(choices: tuple[tuple[str, str], ...]) -> list[str]:
    return [value for value, _ in choices]


class ClinicTechnique(models.Model):
    """A technique a clinic adds to the built-in ones (treatment.techniques.BUILT_IN)."""

    clinic = models.ForeignKey(Clinic, on_delete=models.CASCADE, related_name="techniques")
    name = models.CharField(max_length=120)
    description = models.CharField(max_length=300)
    depth = models.CharField("firmness", max_length=10, choices=DEPTH_CHOICES)
    scope = models.CharField("offered to", max_length=10, choices=SCOPE_CHOICES)
    active = models.BooleanField(default=True, help_text="Untick to stop offering it.")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["clinic", "name"]
        constraints = [
            models.UniqueConstraint(fields=["clinic", "name"], name="clinic_technique_name"),
            models.CheckConstraint(condition=~Q(name=""), name="clinic_technique_named"),
            models.CheckConstraint(
                condition=Q(depth__in=_values(DEPTH_CHOICES)), name="clinic_technique_depth"
            ),
            models.CheckConstraint(
                condition=Q(scope__in=_values(SCOPE_CHOICES)), name="clinic_technique_scope"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def as_technique(self) -> Technique:
        return Technique(
            code=f"clinic-{self.pk}",
            name=self.name,
            description=self.description,
            depth=Depth.from_code(self.depth),
            scope=Scope(self.scope),
            built_in=False,
        )


def _validate_answers(value: object) -> None:
    if not isinstance(value, dict):
        raise ValidationError("The precaution answers must be an object.")
    problems = answers_problems(value)
    if problems:
        raise ValidationError(problems)


class TreatmentRecord(models.Model):
    """One visit's treatment: the precaution screen and (in `rows`) what was given.

    `version` is the optimistic lock: a save made against an older version is refused.
    """

    assessment = models.OneToOneField(
        Assessment, on_delete=models.CASCADE, related_name="treatment"
    )
    # {precaution code: "yes" | "no"}; a code not in it was not asked.
    precautions = models.JSONField(default=dict, blank=True, validators=[_validate_answers])
    version = models.PositiveIntegerField(default=1)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=Q(version__gte=1), name="treatment_version_positive")
        ]

    def __str__(self) -> str:
        return f"Treatment at visit {self.assessment_id}"


class TreatmentRow(models.Model):
    """One technique given: where, how long, how firm, in what position, and the response.

    The technique's name and firmness are copied in when the row is saved, so a clinic
    technique edited later never changes what the record says was done.
    """

    record = models.ForeignKey(TreatmentRecord, on_delete=models.CASCADE, related_name="rows")
    position = models.PositiveSmallIntegerField()
    technique = models.CharField(max_length=60)  # built-in code or "clinic-<id>"
    technique_name = models.CharField(max_length=120)
    depth = models.CharField(max_length=10, choices=DEPTH_CHOICES)
    region = models.CharField(max_length=30, choices=[(c, label) for c, label, _ in REGIONS])
    side = models.CharField(max_length=5, choices=SIDE_CHOICES)
    minutes = models.PositiveSmallIntegerField(null=True, blank=True)
    pressure = models.CharField(max_length=10, choices=DEPTH_CHOICES, blank=True)
    client_position = models.CharField(max_length=12, choices=POSITION_CHOICES, blank=True)
    pain_before = models.PositiveSmallIntegerField(null=True, blank=True)
    pain_after = models.PositiveSmallIntegerField(null=True, blank=True)
    response_note = models.CharField("range or other response", max_length=120, blank=True)
    # The precautions that applied when it was recorded, and the therapist's reason.
    flagged = models.JSONField(default=list, blank=True)
    precaution_reason = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["record_id", "position"]
        constraints = [
            models.UniqueConstraint(fields=["record", "position"], name="treatment_row_position"),
            models.CheckConstraint(
                condition=Q(depth__in=_values(DEPTH_CHOICES)), name="treatment_row_depth"
            ),
            models.CheckConstraint(
                condition=Q(pressure__in=["", *_values(DEPTH_CHOICES)]),
                name="treatment_row_pressure",
            ),
            models.CheckConstraint(
                condition=Q(side__in=_values(SIDE_CHOICES)), name="treatment_row_side"
            ),
            models.CheckConstraint(
                condition=Q(client_position__in=["", *_values(POSITION_CHOICES)]),
                name="treatment_row_client_position",
            ),
            models.CheckConstraint(
                condition=Q(region__in=[code for code, _, _ in REGIONS]),
                name="treatment_row_region",
            ),
            models.CheckConstraint(
                condition=Q(minutes__isnull=True) | Q(minutes__gte=1, minutes__lte=MINUTES_MAX),
                name="treatment_row_minutes",
            ),
            models.CheckConstraint(
                condition=(Q(pain_before__isnull=True) | Q(pain_before__lte=PAIN_MAX))
                & (Q(pain_after__isnull=True) | Q(pain_after__lte=PAIN_MAX)),
                name="treatment_row_pain",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.technique_name} ({self.region})"


class TreatmentAmendment(models.Model):
    """A correction to a final visit's treatment: who, when, why, and the whole record
    before and after ({"precautions": {...}, "rows": [{field: value, ...}, ...]}, each row
    with the fields of a TreatmentRow), so the original rows can always be recovered."""

    record = models.ForeignKey(
        TreatmentRecord, on_delete=models.CASCADE, related_name="amendments"
    )
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    made_at = models.DateTimeField(auto_now_add=True)
    reason = limited_text(max_length=REASON)
    old = models.JSONField()
    new = models.JSONField()

    class Meta:
        ordering = ["made_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(reason=""), name="treatment_amendment_reason_given"
            )
        ]

    def __str__(self) -> str:
        return f"Treatment amendment to {self.record_id} by {self.made_by_id} at {self.made_at}"

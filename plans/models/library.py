"""A clinic's own interventions, its edited copies of built-in ones, and its own pictures."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from assessments.findings.core import ALL_CODES
from clinic.models import Clinic
from clinic.text_limits import STEPS, limited_text
from plans.figures import PoseError, PosePair
from plans.models.plan import KIND_CHOICES, OLDER_DOSE_FIELDS, DoseFields, dose_constraints

PICTURE_TYPES = [
    ("image/png", "PNG"),
    ("image/jpeg", "JPEG"),
    ("image/svg+xml", "SVG"),
]


def validate_pose(value: Any) -> None:
    """Empty, or a start and an end pose the figure module can draw (plans.figures)."""
    if value in ({}, None):
        return
    try:
        PosePair.from_data(value)
    except PoseError as error:
        raise ValidationError(str(error), code="pose") from None


def validate_finding_codes(value: Any) -> None:
    """A list of known finding codes, each once."""
    known = frozenset(ALL_CODES)
    if not isinstance(value, list) or not all(isinstance(code, str) for code in value):
        raise ValidationError("Contraindications must be a list of finding codes.")
    unknown = sorted(set(value) - known)
    if unknown:
        raise ValidationError(f"Not finding codes: {', '.join(unknown)}.", code="finding")
    if len(set(value)) != len(value):
        raise ValidationError("Each finding may be chosen once.", code="finding")


class ClinicPicture(models.Model):
    """A clinic's own picture for its exercises: the cleaned bytes, named by their digest.

    Stored in the database (the app keeps no files on disk) and never changed: plan items
    refer to a picture by its digest, so the picture a draft was built with is still there
    when the version is issued, even after the clinic chose another one.
    """

    clinic = models.ForeignKey(Clinic, on_delete=models.CASCADE, related_name="pictures")
    digest = models.CharField(max_length=64)  # SHA-256 of data, hex
    content_type = models.CharField(max_length=20, choices=PICTURE_TYPES)
    data = models.BinaryField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["clinic", "digest"], name="clinic_picture_once"),
            models.CheckConstraint(
                condition=Q(content_type__in=[value for value, _ in PICTURE_TYPES]),
                name="clinic_picture_type_known",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_content_type_display()} picture {self.digest[:12]} ({self.clinic_id})"


class ClinicIntervention(DoseFields):
    """A clinic's own intervention, or its edited copy of a built-in one (same slug).

    The built-in library stays intact; the clinic's copy wins for that clinic. Its picture
    is, first found: an uploaded picture, a posed figure (start and end), a built-in drawing.
    """

    clinic = models.ForeignKey(Clinic, on_delete=models.CASCADE, related_name="interventions")
    slug = models.SlugField(max_length=80)
    name = models.CharField(max_length=120)
    kind = models.CharField(max_length=20, choices=KIND_CHOICES)
    targets = models.CharField(max_length=300, blank=True, help_text="Comma-separated.")
    summary = models.CharField(max_length=300, blank=True)
    steps = limited_text(max_length=STEPS, help_text="One step per line.")
    safety = models.CharField(max_length=300, blank=True)
    per_side = models.BooleanField(default=False)
    illustration = models.CharField(max_length=120, blank=True)
    # {} or {"start": {...}, "end": {...}}: base poses and angles (plans.figures.posing).
    pose = models.JSONField(default=dict, blank=True, validators=[validate_pose])
    picture = models.ForeignKey(
        ClinicPicture, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The older-adult dose (docs/library.md "Doses"); all blank: the built-in entry's, or
    # for the clinic's own entry the dose above.
    older_hold_seconds = models.PositiveSmallIntegerField("hold seconds", null=True, blank=True)
    older_repetitions = models.PositiveSmallIntegerField("repetitions", null=True, blank=True)
    older_sets = models.PositiveSmallIntegerField("sets", null=True, blank=True)
    older_times_per_day = models.PositiveSmallIntegerField("times per day", null=True, blank=True)
    older_days_per_week = models.PositiveSmallIntegerField("days per week", null=True, blank=True)
    # Finding codes that forbid it (assessments.findings.core.ALL_CODES), like a built-in's.
    contraindications = models.JSONField(
        default=list, blank=True, validators=[validate_finding_codes]
    )
    active = models.BooleanField(default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["clinic", "name"]
        constraints = [
            models.UniqueConstraint(fields=["clinic", "slug"], name="clinic_intervention_slug"),
            models.CheckConstraint(condition=~Q(name=""), name="clinic_intervention_named"),
            *dose_constraints("clinic_intervention"),
            *dose_constraints("clinic_intervention", "older_", OLDER_DOSE_FIELDS),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.clinic})"

    def clean(self) -> None:
        super().clean()
        picture = self.picture if self.picture_id is not None else None
        if picture is not None and picture.clinic_id != self.clinic_id:
            raise ValidationError({"picture": "That picture belongs to another clinic."})

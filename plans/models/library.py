"""A clinic's own interventions and its edited copies of built-in ones."""

from django.db import models
from django.db.models import Q

from clinic.models import Clinic
from clinic.text_limits import STEPS, limited_text
from plans.models.plan import KIND_CHOICES, DoseFields, dose_constraints


class ClinicIntervention(DoseFields):
    """A clinic's own intervention, or its edited copy of a built-in one (same slug).

    The built-in library stays intact; the clinic's copy wins for that clinic.
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
    active = models.BooleanField(default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["clinic", "name"]
        constraints = [
            models.UniqueConstraint(fields=["clinic", "slug"], name="clinic_intervention_slug"),
            models.CheckConstraint(condition=~Q(name=""), name="clinic_intervention_named"),
            *dose_constraints("clinic_intervention"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.clinic})"

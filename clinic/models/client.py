"""A client (patient) of a clinic."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from clinic.models.organisation import Clinic
from clinic.text_limits import CLIENT_NOTES, limited_text

# Earliest date of birth accepted; a guard against typos such as 1098 for 1998.
EARLIEST_BIRTH_DATE = datetime.date(1900, 1, 1)


class Sex(models.TextChoices):
    FEMALE = "female", "Female"
    MALE = "male", "Male"
    INTERSEX = "intersex", "Intersex"
    NOT_STATED = "", "Not stated"


class Client(models.Model):
    """A person the clinic treats; the record every visit and plan hangs from."""

    clinic = models.ForeignKey(Clinic, on_delete=models.PROTECT, related_name="clients")
    given_name = models.CharField(max_length=100)
    family_name = models.CharField(max_length=100)
    preferred_name = models.CharField(max_length=100, blank=True)
    date_of_birth = models.DateField()
    sex = models.CharField(max_length=10, choices=Sex.choices, blank=True, default="")
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    occupation = models.CharField(max_length=120, blank=True)
    activities = models.CharField("activities and sports", max_length=300, blank=True)
    referral_source = models.CharField(max_length=200, blank=True)
    consent_date = models.DateField("consent recorded on", null=True, blank=True)
    consent_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    notes = limited_text(max_length=CLIENT_NOTES, blank=True)
    archived = models.BooleanField(default=False)
    # Kept current by the assessment services so the list needs no aggregate.
    last_visit_on = models.DateField(null=True, blank=True, editable=False)
    # Optimistic lock: bumped on every save through services.client_update.
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["family_name", "given_name", "pk"]
        indexes = [
            models.Index(fields=["clinic", "archived", "family_name", "given_name"]),
            models.Index(fields=["clinic", "date_of_birth"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(given_name=""), name="client_given_name_not_blank"
            ),
            models.CheckConstraint(
                condition=~Q(family_name=""), name="client_family_name_not_blank"
            ),
            models.CheckConstraint(
                condition=Q(date_of_birth__gte=EARLIEST_BIRTH_DATE),
                name="client_birth_date_plausible",
            ),
            models.CheckConstraint(
                condition=Q(sex__in=[choice.value for choice in Sex]), name="client_sex_known"
            ),
            # A consent date without who recorded it (or the reverse) is not a record.
            models.CheckConstraint(
                condition=Q(consent_date__isnull=True, consent_recorded_by__isnull=True)
                | Q(consent_date__isnull=False, consent_recorded_by__isnull=False),
                name="client_consent_date_and_recorder_together",
            ),
            models.CheckConstraint(condition=Q(version__gte=1), name="client_version_positive"),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}"

    @property
    def display_name(self) -> str:
        """The name to address the client by, with the legal name when it differs."""
        if self.preferred_name and self.preferred_name != self.given_name:
            return f"{self.preferred_name} ({self.full_name})"
        return self.full_name

    @property
    def age(self) -> int:
        return self.age_on(timezone.localdate())

    def age_on(self, day: datetime.date) -> int:
        """Whole years of age on the given day."""
        before_birthday = (day.month, day.day) < (self.date_of_birth.month, self.date_of_birth.day)
        return day.year - self.date_of_birth.year - int(before_birthday)

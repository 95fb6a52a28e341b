"""A clinic and the membership that ties each staff user to exactly one clinic."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from clinic.text_limits import CLINIC_LINES, limited_text


class PaperSize(models.TextChoices):
    A4 = "A4", "A4"
    LETTER = "letter", "US Letter"


class AssessmentPreset(models.TextChoices):
    """How much of the examination the assessment page shows open (docs/assessment.md)."""

    FULL = "full", "Full examination: every section open"
    QUICK = "quick", "Quick screen: the sections a screen needs open, the rest folded"


class Clinic(models.Model):
    """A practice; every client, visit and plan belongs to exactly one."""

    name = models.CharField(max_length=200, unique=True)
    address = limited_text(max_length=CLINIC_LINES, blank=True)
    phone = models.CharField(max_length=40, blank=True)
    email = models.EmailField(blank=True)
    website = models.URLField(blank=True)
    # Stored in the database, not on disk, so any app server can render a handout.
    logo = models.BinaryField(blank=True, default=b"", editable=False)
    logo_content_type = models.CharField(max_length=40, blank=True, editable=False)
    handout_footer = limited_text(
        max_length=CLINIC_LINES, blank=True, help_text="Printed at the foot of every handout page."
    )
    paper_size = models.CharField(max_length=10, choices=PaperSize.choices, default=PaperSize.A4)
    assessment_preset = models.CharField(
        "Sections shown open",
        max_length=10,
        choices=AssessmentPreset.choices,
        default=AssessmentPreset.FULL,
        help_text="Folded sections can still be opened with one click and always save.",
    )
    # How long a client's program link works (plans/program, docs/program.md).
    program_weeks = models.PositiveSmallIntegerField(
        "Program link works for (weeks)",
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(52)],
        help_text="The link on a handout stops working after this, or when a newer version "
        "is issued.",
    )
    # Per-clinic clinical cut-offs (docs/clinical.md: a clinic admin may change a cut-off);
    # a mapping of cut-off name to number, applied on top of the defaults in norms.
    cutoff_overrides = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=~Q(name=""), name="clinic_name_not_blank"),
            models.CheckConstraint(
                condition=Q(logo_content_type__in=["", "image/png", "image/jpeg"]),
                name="clinic_logo_type_known",
            ),
            models.CheckConstraint(
                condition=Q(assessment_preset__in=[choice.value for choice in AssessmentPreset]),
                name="clinic_assessment_preset_known",
            ),
            models.CheckConstraint(
                condition=Q(program_weeks__gte=1, program_weeks__lte=52),
                name="clinic_program_weeks_range",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def has_logo(self) -> bool:
        return bool(self.logo_content_type)


class Role(models.TextChoices):
    THERAPIST = "therapist", "Therapist"
    ADMIN = "admin", "Clinic admin"


class Profession(models.TextChoices):
    """What a staff member is trained as: decides the hands-on techniques they are offered
    (treatment.techniques; docs/treatment.md)."""

    MASSAGE_THERAPIST = "massage_therapist", "Massage therapist"
    PHYSIOTHERAPIST = "physiotherapist", "Physiotherapist"
    OTHER = "other", "Other or not set"


class Membership(models.Model):
    """A staff user's place in one clinic, with their role there."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="membership"
    )
    clinic = models.ForeignKey(Clinic, on_delete=models.PROTECT, related_name="memberships")
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.THERAPIST)
    # Shown on handouts, e.g. "Physiotherapist, BSc".
    title = models.CharField(max_length=120, blank=True)
    profession = models.CharField(
        max_length=20, choices=Profession.choices, default=Profession.OTHER
    )

    class Meta:
        ordering = ["clinic", "user__last_name", "user__first_name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(role__in=[choice.value for choice in Role]),
                name="membership_role_known",
            ),
            models.CheckConstraint(
                condition=Q(profession__in=[choice.value for choice in Profession]),
                name="membership_profession_known",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} at {self.clinic} ({self.get_role_display()})"

    @property
    def is_admin(self) -> bool:
        return self.role == Role.ADMIN

"""The client's answers before their next visit, given on the program page
(plans/program/answers/; docs/program.md "Before your next visit")."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from assessments.catalogue.items import ITEMS
from assessments.models import Assessment
from plans.models.program import PAIN_MAX, ProgramLink

# "Since the last visit" as the assessment catalogue asks it (better, same, worse).
SINCE_CHOICES = ITEMS["since_last_visit"].choices
PSFS_MAX = 5  # the catalogue's PSFS activities (psfs_activity_1 to _5)
ACTIVITY_MAX = ITEMS["psfs_activity_1"].max_length
_ZERO_TO_MAX = [MinValueValidator(0), MaxValueValidator(PAIN_MAX)]


def psfs_valid(psfs: object) -> bool:
    """[{"activity": name, "score": 0-10}], at most PSFS_MAX, each name once."""
    if not isinstance(psfs, list) or len(psfs) > PSFS_MAX:
        return False
    names = set()
    for entry in psfs:
        if not isinstance(entry, dict) or set(entry) != {"activity", "score"}:
            return False
        name, score = entry["activity"], entry["score"]
        if not isinstance(name, str) or not 0 < len(name.strip()) <= ACTIVITY_MAX:
            return False
        if type(score) is not int or not 0 <= score <= PAIN_MAX:
            return False
        names.add(name.strip().casefold())
    return len(names) == len(psfs)


class ProgramAnswers(models.Model):
    """What the client answered on their program page before the next visit: pain now and
    at its worst in the last 24 hours (0-10), how they have been since the last visit, and
    a 0-10 score for each of their PSFS activities (`psfs`: [{"activity", "score"}], in the
    order asked). Free measures only (docs/clinical.md "Outcome measures").

    At most one open set per link (not yet used in a visit): a new send replaces it. Used
    once, in the draft the therapist starts for the next visit (`used_in`), then kept as it
    was sent.
    """

    link = models.ForeignKey(ProgramLink, on_delete=models.CASCADE, related_name="answers")
    pain_now = models.PositiveSmallIntegerField(null=True, blank=True, validators=_ZERO_TO_MAX)
    pain_worst = models.PositiveSmallIntegerField(null=True, blank=True, validators=_ZERO_TO_MAX)
    since_last_visit = models.CharField(max_length=10, blank=True, choices=SINCE_CHOICES)
    psfs = models.JSONField(default=list, blank=True)
    submitted_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    used_in = models.ForeignKey(
        Assessment, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    used_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = verbose_name_plural = "program answers"
        constraints = [
            models.UniqueConstraint(
                fields=["link"], condition=Q(used_at__isnull=True), name="program_answers_one_open"
            ),
            models.CheckConstraint(
                condition=(Q(pain_now__isnull=True) | Q(pain_now__lte=PAIN_MAX))
                & (Q(pain_worst__isnull=True) | Q(pain_worst__lte=PAIN_MAX)),
                name="program_answers_pain_range",
            ),
            models.CheckConstraint(
                condition=Q(since_last_visit__in=["", *(code for code, _ in SINCE_CHOICES)]),
                name="program_answers_since_known",
            ),
        ]

    def __str__(self) -> str:
        return f"Client's answers of {self.submitted_at:%Y-%m-%d} (link {self.link_id})"

    def clean(self) -> None:
        if not psfs_valid(self.psfs):
            raise ValidationError({"psfs": "Up to 5 named activities, each scored 0 to 10."})

    @property
    def is_open(self) -> bool:
        return self.used_at is None

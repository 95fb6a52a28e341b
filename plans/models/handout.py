"""What an issued version gave the client: the frozen handout content, and its PDFs.

An issued version is a clinical record. Its snapshot holds everything the client's
documents show, taken when it was issued, so a later amendment, cut-off or branding change
never changes it; the PDFs are rendered from the snapshot in the background (a task) and
kept in the database, so every app server and worker shares them (docs/handout.md).
"""

from django.conf import settings
from django.db import models


class HandoutSnapshot(models.Model):
    """The handout's content as issued (plans.handout.snapshot), with the clinic's logo then."""

    plan_version = models.OneToOneField(
        "plans.PlanVersion", on_delete=models.CASCADE, related_name="snapshot"
    )
    # Plain JSON in the shape plans.handout.snapshot writes (its SCHEMA number inside).
    content = models.JSONField()
    # The logo as it was: a later branding change must not change an issued handout.
    logo = models.BinaryField(blank=True, default=b"")
    logo_content_type = models.CharField(max_length=40, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "handout snapshot"

    def __str__(self) -> str:
        return f"Handout snapshot of plan version {self.plan_version_id}"


class RenderStatus(models.TextChoices):
    QUEUED = "queued", "Being made"
    READY = "ready", "Ready"
    FAILED = "failed", "Could not be made"


class HandoutPDF(models.Model):
    """One kind of an issued version's PDF (with or without the progress page), and its job.

    Created as queued when the version is issued; the render task (or a download that
    cannot wait for it) makes it ready. `renders` counts the renders of this row, which
    must stay 1: a version is rendered once, whoever gets there first.
    """

    plan_version = models.ForeignKey(
        "plans.PlanVersion", on_delete=models.CASCADE, related_name="handout_pdfs"
    )
    with_progress = models.BooleanField(default=False)
    status = models.CharField(
        max_length=10, choices=RenderStatus.choices, default=RenderStatus.QUEUED
    )
    pdf = models.BinaryField(blank=True, default=b"")
    pages = models.PositiveSmallIntegerField(default=0)
    file_name = models.CharField(max_length=120, blank=True)
    template_version = models.CharField(max_length=40, blank=True)
    renders = models.PositiveSmallIntegerField(default=0)
    # Failed attempts of the background task; the error names the exception only (the
    # log has the details): it is shown to the clinic admin and holds no health data.
    attempts = models.PositiveSmallIntegerField(default=0)
    error = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["plan_version", "with_progress"]
        verbose_name = "handout PDF"
        constraints = [
            models.UniqueConstraint(
                fields=["plan_version", "with_progress"], name="handout_pdf_one_per_kind"
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=[status.value for status in RenderStatus]),
                name="handout_pdf_status_known",
            ),
            models.CheckConstraint(
                condition=~models.Q(status=RenderStatus.READY) | models.Q(pages__gte=1),
                name="handout_pdf_ready_has_pages",
            ),
        ]

    def __str__(self) -> str:
        kind = "with progress" if self.with_progress else "plain"
        return f"Handout PDF of plan version {self.plan_version_id} ({kind}, {self.status})"

    @property
    def is_ready(self) -> bool:
        return self.status == RenderStatus.READY


class EmailStatus(models.TextChoices):
    QUEUED = "queued", "Being sent"
    SENT = "sent", "Sent"
    FAILED = "failed", "Could not be sent"


class HandoutEmail(models.Model):
    """A request to email an issued version's handout to the client, and how it went.

    The address is the client's when it was asked for (where to send is not part of the
    handout). A double click finds the request already made instead of sending twice.
    """

    plan_version = models.ForeignKey(
        "plans.PlanVersion", on_delete=models.CASCADE, related_name="handout_emails"
    )
    with_progress = models.BooleanField(default=False)
    to = models.EmailField()
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        max_length=10, choices=EmailStatus.choices, default=EmailStatus.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    error = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["plan_version", "-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=[status.value for status in EmailStatus]),
                name="handout_email_status_known",
            ),
            models.CheckConstraint(
                condition=~models.Q(status=EmailStatus.SENT) | models.Q(sent_at__isnull=False),
                name="handout_email_sent_has_time",
            ),
        ]

    def __str__(self) -> str:
        return f"Handout email for plan version {self.plan_version_id} ({self.status})"

"""The rendered-handout cache: PDF bytes keyed by a hash of everything that went into them.

Kept in the database (not on local disk) so every app server behind the load balancer
shares it; see docs/handout.md for why not Django's cache.
"""

from django.db import models


class HandoutPDF(models.Model):
    """One rendered handout; `key` is the SHA-256 of its inputs (plans.handout.stamp)."""

    plan_version = models.ForeignKey(
        "plans.PlanVersion", on_delete=models.CASCADE, related_name="handout_pdfs"
    )
    key = models.CharField(max_length=64, unique=True)
    # With the optional progress page: each version keeps at most one of each kind.
    with_progress = models.BooleanField(default=False)
    pdf = models.BinaryField()
    pages = models.PositiveSmallIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["plan_version", "-created_at"]
        verbose_name = "handout PDF"
        constraints = [
            # One stored copy of each kind per version: a download finds it with the
            # version's stamp in one query (plans.handout.stamp).
            models.UniqueConstraint(
                fields=["plan_version", "with_progress"], name="handout_pdf_one_per_kind"
            )
        ]

    def __str__(self) -> str:
        return f"Handout for version {self.plan_version_id} ({self.key[:12]})"

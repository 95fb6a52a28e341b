"""The append-only audit log of who read or changed which client record, and when."""

from typing import Any, NoReturn

from django.conf import settings
from django.db import models


class AuditAction(models.TextChoices):
    VIEW = "view", "Viewed"
    CREATE = "create", "Created"
    CHANGE = "change", "Changed"
    EXPORT = "export", "Exported"
    ERASE = "erase", "Erased"


class AppendOnlyError(Exception):
    """Raised on any attempt to change or delete an audit entry."""


class AuditEntryQuerySet(models.QuerySet["AuditEntry"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("Audit entries are never changed.")

    def delete(self) -> NoReturn:
        raise AppendOnlyError("Audit entries are never deleted.")


class AuditEntry(models.Model):
    """One read or change of a client record.

    The client is kept as a plain id and a label, not a foreign key, so the entry
    outlives an erased client as a tombstone without health data.
    """

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    clinic = models.ForeignKey(
        "clinic.Clinic", on_delete=models.PROTECT, related_name="audit_entries"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    actor_username = models.CharField(max_length=150)
    action = models.CharField(max_length=10, choices=AuditAction.choices)
    object_type = models.CharField(max_length=40)
    object_id = models.BigIntegerField()
    client_id = models.BigIntegerField(null=True)
    detail = models.CharField(max_length=300, blank=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name_plural = "audit entries"
        # The audit log reads a clinic's (or one client's) newest entries first; without
        # these, a quiet clinic in a busy network walks the whole time index
        # (docs/performance.md).
        indexes = [
            models.Index(fields=["clinic", "-at", "-id"], name="audit_clinic_recent"),
            models.Index(fields=["client_id", "-at", "-id"], name="audit_client_recent"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(action__in=[choice.value for choice in AuditAction]),
                name="audit_action_known",
            )
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_username} {self.action} {self.object_type}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise AppendOnlyError("Audit entries are never changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("Audit entries are never deleted.")

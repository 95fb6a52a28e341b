"""The clinic domain's models: clinics and staff, clients, the audit log."""

from clinic.models.audit import AuditAction, AuditEntry
from clinic.models.client import Client, Sex
from clinic.models.organisation import (
    AssessmentPreset,
    Clinic,
    Membership,
    PaperSize,
    Profession,
    Role,
)

__all__ = [
    "AssessmentPreset",
    "AuditAction",
    "AuditEntry",
    "Client",
    "Clinic",
    "Membership",
    "PaperSize",
    "Profession",
    "Role",
    "Sex",
]

"""The clinic domain's models: clinics and staff, clients, the audit log."""

from clinic.models.audit import AuditAction, AuditEntry
from clinic.models.client import Client, Sex
from clinic.models.organisation import Clinic, Membership, PaperSize, Role

__all__ = [
    "AuditAction",
    "AuditEntry",
    "Client",
    "Clinic",
    "Membership",
    "PaperSize",
    "Role",
    "Sex",
]

"""The audit log's one writer: who read or changed which record, and when."""

from django.contrib.auth.models import User

from clinic.models import AuditAction, AuditEntry, Client, Clinic

CLIENT_LINK = "client (program link)"  # the actor named when a client's own link acts


def audit_record(
    *,
    actor: User | None,
    clinic: Clinic | int,
    action: AuditAction,
    object_type: str,
    object_id: int,
    client_id: int | None,
    detail: str = "",
) -> AuditEntry:
    """Append one audit entry. Never holds health data: ids, field names and actions only.

    `clinic`: the clinic, or its id (a caller that read plain values, not the model).
    `actor`: None when the client acts through their program link (plans/program).
    """
    return AuditEntry.objects.create(
        clinic_id=clinic if isinstance(clinic, int) else clinic.pk,
        actor=actor,
        actor_username=actor.get_username() if actor is not None else CLIENT_LINK,
        action=action,
        object_type=object_type,
        object_id=object_id,
        client_id=client_id,
        detail=detail[:300],
    )


def audit_client_record(
    *,
    actor: User | None,
    client: Client,
    action: AuditAction,
    object_type: str,
    object_id: int,
    detail: str = "",
) -> AuditEntry:
    """An entry about something in one client's record: the clinic and client from `client`."""
    return audit_record(
        actor=actor,
        clinic=client.clinic_id,
        action=action,
        object_type=object_type,
        object_id=object_id,
        client_id=client.pk,
        detail=detail,
    )

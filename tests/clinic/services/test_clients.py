import datetime

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

from clinic.models import AuditEntry, Client, Clinic
from clinic.services.clients import ConcurrentEditError, client_create, client_update

FIELDS = {
    "given_name": "Aisha",
    "family_name": "Bello",
    "date_of_birth": datetime.date(1996, 1, 22),
    "email": "aisha@example.com",
}


def test_client_create_records_consent_recorder_and_audits(
    clinic: Clinic, therapist: User
) -> None:
    client = client_create(
        actor=therapist,
        clinic=clinic,
        fields={**FIELDS, "consent_date": datetime.date(2026, 11, 1)},
    )
    assert client.consent_recorded_by == therapist
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.object_type, entry.client_id, entry.actor_username) == (
        "create",
        "client",
        client.pk,
        "therapist",
    )


def test_client_create_rejects_unknown_field(clinic: Clinic, therapist: User) -> None:
    with pytest.raises(TypeError, match="Not client fields: clinic_id"):
        client_create(actor=therapist, clinic=clinic, fields={**FIELDS, "clinic_id": 99})
    assert Client.objects.count() == 0


def test_client_create_validates_before_saving(clinic: Clinic, therapist: User) -> None:
    with pytest.raises(ValidationError) as error:
        client_create(actor=therapist, clinic=clinic, fields={**FIELDS, "email": "not-an-email"})
    assert "email" in error.value.message_dict
    assert (Client.objects.count(), AuditEntry.objects.count()) == (0, 0)


def test_client_update_bumps_version_and_audits_field_names_only(
    clinic: Clinic, therapist: User
) -> None:
    client = client_create(actor=therapist, clinic=clinic, fields=FIELDS)
    updated = client_update(
        actor=therapist,
        client=client,
        expected_version=1,
        fields={**FIELDS, "phone": "07700 900 377", "notes": "Knee surgery 2019"},
    )
    assert (updated.version, updated.phone) == (2, "07700 900 377")
    change = AuditEntry.objects.filter(action="change").get()
    assert change.detail == "fields: notes, phone"
    assert "Knee" not in change.detail


def test_client_update_without_changes_keeps_version_and_writes_no_audit(
    clinic: Clinic, therapist: User
) -> None:
    client = client_create(actor=therapist, clinic=clinic, fields=FIELDS)
    same = client_update(actor=therapist, client=client, expected_version=1, fields=FIELDS)
    assert same.version == 1
    assert AuditEntry.objects.filter(action="change").count() == 0


def test_client_update_against_stale_version_changes_nothing(
    clinic: Clinic, therapist: User, colleague: User
) -> None:
    client = client_create(actor=therapist, clinic=clinic, fields=FIELDS)
    client_update(
        actor=colleague, client=client, expected_version=1, fields={**FIELDS, "phone": "1"}
    )
    with pytest.raises(ConcurrentEditError) as error:
        client_update(
            actor=therapist, client=client, expected_version=1, fields={**FIELDS, "phone": "2"}
        )
    assert error.value.current.version == 2
    client.refresh_from_db()
    assert (client.phone, client.version) == ("1", 2)


def test_client_update_clearing_consent_clears_recorder(clinic: Clinic, therapist: User) -> None:
    client = client_create(
        actor=therapist,
        clinic=clinic,
        fields={**FIELDS, "consent_date": datetime.date(2026, 1, 1)},
    )
    updated = client_update(
        actor=therapist, client=client, expected_version=1, fields={**FIELDS, "consent_date": None}
    )
    assert (updated.consent_date, updated.consent_recorded_by) == (None, None)

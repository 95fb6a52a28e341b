import datetime

import pytest
from django.db import IntegrityError, transaction

from clinic.models import AuditEntry, Client, Clinic
from clinic.models.audit import AppendOnlyError
from clinic.services.audit import audit_record
from tests.factories import ClientFactory, UserFactory


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("given_name", ""),
        ("family_name", ""),
        ("date_of_birth", datetime.date(1899, 12, 31)),
        ("sex", "unknown"),
    ],
)
def test_client_constraint_rejects_bad_value(clinic: Clinic, field: str, value: object) -> None:
    client = ClientFactory.build(clinic=clinic, **{field: value})
    with pytest.raises(IntegrityError), transaction.atomic():
        client.save()


def test_client_consent_date_requires_who_recorded_it(clinic: Clinic) -> None:
    client = ClientFactory.build(clinic=clinic, consent_date=datetime.date(2026, 1, 2))
    with pytest.raises(IntegrityError), transaction.atomic():
        client.save()
    assert Client.objects.count() == 0


def test_client_age_counts_whole_years(clinic: Clinic) -> None:
    client = ClientFactory.build(clinic=clinic, date_of_birth=datetime.date(1988, 4, 12))
    assert client.age_on(datetime.date(2026, 4, 11)) == 37
    assert client.age_on(datetime.date(2026, 4, 12)) == 38


def test_client_display_name_shows_preferred_name_only_when_different(clinic: Clinic) -> None:
    client = ClientFactory.build(clinic=clinic, given_name="Thomas", family_name="Becker")
    assert client.display_name == "Thomas Becker"
    client.preferred_name = "Tom"
    assert client.display_name == "Tom (Thomas Becker)"


def test_audit_entry_cannot_be_changed_or_deleted(clinic: Clinic) -> None:
    actor = UserFactory()
    entry = audit_record(
        actor=actor, clinic=clinic, action="view", object_type="client", object_id=1, client_id=1
    )
    entry.detail = "tampered"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.filter(pk=entry.pk).update(detail="tampered")
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.all().delete()
    assert AuditEntry.objects.get(pk=entry.pk).detail == ""


def test_audit_entry_keeps_username_when_user_is_deleted(clinic: Clinic) -> None:
    actor = UserFactory(username="leaver")
    entry = audit_record(
        actor=actor, clinic=clinic, action="view", object_type="client", object_id=7, client_id=7
    )
    actor.delete()
    stored = AuditEntry.objects.get(pk=entry.pk)
    assert (stored.actor_id, stored.actor_username) == (None, "leaver")

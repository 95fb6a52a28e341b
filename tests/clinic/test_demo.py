from django.contrib.auth.models import User

from clinic.demo import DEMO_PASSWORD, load_demo
from clinic.models import AuditEntry, Client, Clinic, Membership


def test_load_demo_creates_clinics_staff_and_clients(db: None) -> None:
    result = load_demo()
    assert (result.created_clinics, result.created_staff, result.created_clients) == (2, 3, 9)
    riverside = Clinic.objects.get(name="Riverside Physio & Massage")
    assert riverside.clients.count() == 8
    assert riverside.clients.filter(archived=True).count() == 1
    assert Membership.objects.filter(clinic=riverside).count() == 2
    assert User.objects.get(username="alex").check_password(DEMO_PASSWORD)
    assert AuditEntry.objects.filter(action="create").count() == 9


def test_load_demo_twice_changes_nothing(db: None) -> None:
    load_demo()
    again = load_demo()
    assert (again.created_clinics, again.created_staff, again.created_clients) == (0, 0, 0)
    assert Client.objects.count() == 9

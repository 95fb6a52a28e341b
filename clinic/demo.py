"""Demo clinics, staff and clients: loaded by `make run` and reused by tests.

Loading is idempotent: records are looked up by natural keys and only missing ones
are created, so running it twice changes nothing.
"""

import datetime
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction

from clinic.models import Client, Clinic, Membership, PaperSize, Profession, Role
from clinic.services.clients import client_create
from clinic.services.lifecycle import client_archive

DEMO_PASSWORD = "hips-and-backs-demo"  # noqa: S105 (published demo login)


@dataclass(frozen=True)
class DemoStaff:
    username: str
    first_name: str
    last_name: str
    role: Role
    title: str
    profession: Profession = Profession.OTHER


@dataclass(frozen=True)
class DemoClinic:
    name: str
    address: str
    phone: str
    email: str
    website: str
    footer: str
    paper_size: PaperSize
    staff: tuple[DemoStaff, ...]
    clients: tuple[dict[str, Any], ...]


def _client(given: str, family: str, born: str, sex: str, **extra: object) -> dict[str, Any]:
    return {
        "given_name": given,
        "family_name": family,
        "date_of_birth": datetime.date.fromisoformat(born),
        "sex": sex,
        **extra,
    }


RIVERSIDE = DemoClinic(
    name="Riverside Physio & Massage",
    address="14 Mill Lane\nRiverside RS1 4AB",
    phone="01632 960 418",
    email="hello@riverside-physio.example",
    website="https://riverside-physio.example",
    footer="Riverside Physio & Massage · 01632 960 418 · Questions? Call us on weekdays 8am-6pm.",
    paper_size=PaperSize.A4,
    staff=(
        DemoStaff(
            "alex",
            "Alex",
            "Morgan",
            Role.ADMIN,
            "Physiotherapist, MSc",
            Profession.PHYSIOTHERAPIST,
        ),
        DemoStaff(
            "sam",
            "Sam",
            "Okafor",
            Role.THERAPIST,
            "Remedial massage therapist",
            Profession.MASSAGE_THERAPIST,
        ),
    ),
    clients=(
        _client(
            "Priya",
            "Sharma",
            "1988-04-12",
            "female",
            preferred_name="",
            email="priya.sharma@example.com",
            phone="07700 900 112",
            occupation="Software developer",
            activities="Cycling to work, weekend hikes",
            referral_source="GP",
            notes="Sits 9-10 hours a day; stiff after long meetings.",
        ),
        _client(
            "Thomas",
            "Becker",
            "1975-09-30",
            "male",
            preferred_name="Tom",
            email="tom.becker@example.com",
            phone="07700 900 245",
            occupation="Long-haul lorry driver",
            activities="Fishing",
            referral_source="Self-referred",
        ),
        _client(
            "Aisha",
            "Bello",
            "1996-01-22",
            "female",
            email="aisha.bello@example.com",
            phone="07700 900 377",
            occupation="Physiotherapy student",
            activities="Half-marathon training",
            referral_source="Running club",
        ),
        _client(
            "Margaret",
            "O'Neill",
            "1951-06-03",
            "female",
            preferred_name="Peggy",
            phone="01632 960 733",
            occupation="Retired teacher",
            activities="Gardening, aqua aerobics",
            referral_source="Daughter (existing client)",
            notes="Osteoporosis diagnosed 2019; on long-term medication.",
        ),
        _client(
            "Daniel",
            "Kowalski",
            "1983-11-15",
            "male",
            email="d.kowalski@example.com",
            phone="07700 900 468",
            occupation="Warehouse supervisor",
            activities="Five-a-side football",
            referral_source="Employer health scheme",
        ),
        _client(
            "Mei",
            "Chen",
            "1992-08-08",
            "female",
            email="mei.chen@example.com",
            occupation="Violinist",
            activities="Yoga, climbing",
            referral_source="Instagram",
        ),
        _client(
            "Rafael",
            "Ortega",
            "1968-02-27",
            "male",
            email="rafael.ortega@example.com",
            phone="07700 900 590",
            occupation="Architect",
            activities="Road cycling (200 km a week)",
            referral_source="Cycling club",
        ),
        _client(
            "Grace",
            "Adeyemi",
            "2004-05-19",
            "female",
            email="grace.adeyemi@example.com",
            occupation="University student",
            activities="Netball",
            referral_source="University sports clinic",
            archived=True,
            notes="Moved away for a placement year.",
        ),
    ),
)

NORTHGATE = DemoClinic(
    name="Northgate Sports Therapy",
    address="2 Station Road\nNorthgate NG7 1XY",
    phone="01632 960 901",
    email="team@northgate-sports.example",
    website="https://northgate-sports.example",
    footer="Northgate Sports Therapy · Keep moving.",
    paper_size=PaperSize.LETTER,
    staff=(DemoStaff("jordan", "Jordan", "Reyes", Role.ADMIN, "Sports therapist"),),
    clients=(
        _client(
            "Oliver",
            "Hughes",
            "1990-03-14",
            "male",
            occupation="Delivery rider",
            activities="Sprint triathlon",
            referral_source="Self-referred",
        ),
    ),
)

DEMO_CLINICS = (RIVERSIDE, NORTHGATE)


@dataclass(frozen=True)
class DemoResult:
    created_clinics: int
    created_staff: int
    created_clients: int

    def __str__(self) -> str:
        return (
            f"{self.created_clinics} clinics, {self.created_staff} staff, "
            f"{self.created_clients} clients created (existing records kept)"
        )


def _ensure_staff(clinic: Clinic, staff: DemoStaff) -> tuple[User, bool]:
    user, created = User.objects.get_or_create(
        username=staff.username,
        defaults={
            "first_name": staff.first_name,
            "last_name": staff.last_name,
            "email": f"{staff.username}@{clinic.email.split('@')[-1]}",
        },
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
        Membership.objects.create(
            user=user,
            clinic=clinic,
            role=staff.role,
            title=staff.title,
            profession=staff.profession,
        )
    return user, created


@transaction.atomic
def load_demo() -> DemoResult:
    """Create whatever part of the demo data is missing. Side effects: audit entries."""
    clinics = staff_count = client_count = 0
    for spec in DEMO_CLINICS:
        clinic, created = Clinic.objects.get_or_create(
            name=spec.name,
            defaults={
                "address": spec.address,
                "phone": spec.phone,
                "email": spec.email,
                "website": spec.website,
                "handout_footer": spec.footer,
                "paper_size": spec.paper_size,
            },
        )
        clinics += created
        users = []
        for staff in spec.staff:
            user, created = _ensure_staff(clinic, staff)
            users.append(user)
            staff_count += created
        for index, fields in enumerate(spec.clients):
            exists = Client.objects.filter(
                clinic=clinic,
                given_name=fields["given_name"],
                family_name=fields["family_name"],
                date_of_birth=fields["date_of_birth"],
            ).exists()
            if exists:
                continue
            consent = {
                "consent_date": datetime.date(2026, 1, 5) + datetime.timedelta(days=index * 9)
            }
            actor = users[index % len(users)]
            editable = {name: value for name, value in fields.items() if name != "archived"}
            client = client_create(actor=actor, clinic=clinic, fields={**editable, **consent})
            if fields.get("archived"):  # archiving is its own audited action
                client_archive(actor=actor, client=client, expected_version=client.version)
            client_count += 1
    return DemoResult(clinics, staff_count, client_count)


def demo_logins() -> list[tuple[str, str, str]]:
    """(username, clinic, role) for every demo account, for printing."""
    return [
        (staff.username, spec.name, staff.role.label)
        for spec in DEMO_CLINICS
        for staff in spec.staff
    ]

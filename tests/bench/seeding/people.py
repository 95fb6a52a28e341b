"""Made-up people and places for `seed_network`: clinics, staff and clients (pure, no Django).

Every value is drawn from a `random.Random` the caller seeds, so the same seed gives the
same network. Contact details use reserved ranges (example.org mail, 07700 900 phone
numbers) so a seeded database can never reach a real person.
"""

import datetime
import random
from dataclasses import dataclass

GIVEN_FEMALE = (
    "Aisha", "Amelia", "Ana", "Anna", "Beatriz", "Chloe", "Chiara", "Deborah", "Elena",
    "Eleanor", "Emma", "Fatima", "Freya", "Grace", "Hannah", "Ines", "Isla", "Jasmine",
    "Joanna", "Julia", "Karen", "Katarzyna", "Laila", "Leah", "Lucy", "Maria", "Maryam", "Mei",
    "Mia", "Naomi", "Nadia", "Nina", "Olivia", "Priya", "Rachel", "Rosa", "Ruth", "Sara",
    "Sofia", "Susan", "Tamara", "Yasmin", "Zainab", "Zoe",
)  # fmt: skip
GIVEN_MALE = (
    "Adam", "Ahmed", "Alan", "Alexander", "Amir", "Andrew", "Ben", "Carlos", "Daniel", "David",
    "Dmitri", "Elijah", "Ethan", "Felix", "George", "Hassan", "Ian", "Ibrahim", "Jack",
    "James", "Javier", "Jonas", "Kai", "Kwame", "Leo", "Liam", "Lucas", "Marco", "Mohammed",
    "Nathan", "Noah", "Oliver", "Omar", "Oscar", "Patrick", "Rafael", "Ravi", "Samuel",
    "Stefan", "Thomas", "Tobias", "Wei", "Yusuf",
)  # fmt: skip
FAMILY = (
    "Abbott", "Adeyemi", "Ahmed", "Ali", "Anderson", "Bailey", "Baker", "Becker", "Bello",
    "Bennett", "Brown", "Campbell", "Chen", "Clarke", "Collins", "Cooper", "Costa", "Davies",
    "Dubois", "Edwards", "Evans", "Fernandes", "Fischer", "Fitzgerald", "Garcia", "Green",
    "Gupta", "Hall", "Harris", "Hughes", "Hussain", "Ivanova", "Jackson", "Jensen", "Johnson",
    "Jones", "Kaur", "Kelly", "Khan", "Kim", "Kowalski", "Lam", "Lewis", "Lopez", "Martin",
    "Mensah", "Miller", "Mitchell", "Moore", "Morgan", "Murphy", "Nakamura", "Nguyen", "Novak",
    "O'Brien", "O'Neill", "Okafor", "Oliveira", "Ortega", "Owusu", "Parker", "Patel", "Petrov",
    "Phillips", "Price", "Quinn", "Rahman", "Reyes", "Roberts", "Robinson", "Rossi", "Santos",
    "Schmidt", "Scott", "Shah", "Sharma", "Silva", "Singh", "Smith", "Stewart", "Taylor",
    "Thomas", "Thompson", "Turner", "Walker", "Wang", "Ward", "Watson", "White", "Williams",
    "Wilson", "Wood", "Wright", "Yilmaz", "Young", "Zhang",
)  # fmt: skip
OCCUPATIONS = (
    "Software developer", "Lorry driver", "Nurse", "Teacher", "Warehouse operative",
    "Accountant", "Retired", "Student", "Chef", "Electrician", "Call-centre adviser",
    "Hairdresser", "Architect", "Postal worker", "Care assistant", "Musician", "Plumber",
    "Shop manager", "Civil servant", "Delivery rider", "Farmer", "Dental nurse",
)  # fmt: skip
ACTIVITIES = (
    "Running", "Cycling", "Gardening", "Football", "Swimming", "Yoga", "Hiking", "Climbing",
    "Netball", "Golf", "Dancing", "Rowing", "Tennis", "Walking the dog", "Weight training", "",
)  # fmt: skip
REFERRALS = ("GP", "Self-referred", "Employer health scheme", "Sports club", "Existing client", "")
TOWNS = (
    "Ashford", "Brookfield", "Castleton", "Dalby", "Eastleigh", "Fairhaven", "Glenmore",
    "Harrowgate", "Ivybridge", "Kingsmere", "Longford", "Millbrook", "Northwood", "Oakham",
    "Pinewood", "Queensbury", "Riverside", "Southgate", "Thornbury", "Westfield",
)  # fmt: skip
PRACTICES = ("Physio", "Physio & Massage", "Sports Therapy", "Back & Hip Clinic", "Massage")
STAFF_TITLES = ("Physiotherapist", "Sports therapist", "Remedial massage therapist")
COMPLAINTS = (
    "Ache across the low back, worse by the end of the working day.",
    "Low back pain after long drives; stiff when getting out of the car.",
    "Pain in the buttock and low back after running more than 5 km.",
    "Stiff low back in the morning, eases after a walk.",
    "Low back and hip pain when standing for long periods at work.",
    "Tightness at the front of the hips and an aching back after cycling.",
)
TREATMENTS = (
    "Soft tissue release to hip flexors; reviewed the home program.",
    "Deep tissue massage, lumbar and gluteal; progressed the strengthening.",
    "Myofascial release to the lateral thigh; taught the side-lying stretch.",
    "Reviewed technique; reduced to a maintenance program.",
    "Hamstring soft tissue work; added a seated forward fold.",
)
# Birth dates of seeded clients: adults of every working and retired age.
BORN_FROM, BORN_TO = datetime.date(1940, 1, 1), datetime.date(2006, 12, 31)


@dataclass(frozen=True)
class SeedClinic:
    site: int  # the network's site number, unique within the database
    name: str
    town: str
    staff: tuple[tuple[str, str, str, str], ...]  # username, first, last, title (first: admin)


@dataclass(frozen=True)
class SeedPerson:
    given_name: str
    family_name: str
    sex: str
    date_of_birth: datetime.date
    email: str
    phone: str
    occupation: str
    activities: str
    referral_source: str


def generator(*parts: object) -> random.Random:
    """A generator seeded by the parts: synthetic data that must repeat, not secrets."""
    return random.Random(":".join(map(str, parts)))  # noqa: S311


def username(site: int, index: int) -> str:
    """`site003-admin` for a site's clinic admin, `site003-t2` for its second therapist."""
    return f"site{site:03d}-admin" if index == 0 else f"site{site:03d}-t{index}"


def make_clinic(rng: random.Random, site: int) -> SeedClinic:
    """A clinic with one admin and two to six therapists."""
    town = TOWNS[(site - 1) % len(TOWNS)]
    name = f"{town} {rng.choice(PRACTICES)} (site {site:03d})"
    staff = []
    for index in range(rng.randint(3, 7)):
        first = rng.choice(GIVEN_FEMALE + GIVEN_MALE)
        staff.append((username(site, index), first, rng.choice(FAMILY), rng.choice(STAFF_TITLES)))
    return SeedClinic(site, name, town, tuple(staff))


def make_person(rng: random.Random, number: int) -> SeedPerson:
    """A client; `number` makes the e-mail address unique within the run."""
    sex = rng.choice(("female", "female", "male", "male", ""))
    given = rng.choice(GIVEN_FEMALE if sex == "female" else GIVEN_MALE if sex else GIVEN_FEMALE)
    family = rng.choice(FAMILY)
    span = (BORN_TO - BORN_FROM).days
    born = BORN_FROM + datetime.timedelta(days=rng.randrange(span))
    handle = f"{given}.{family}".lower().replace("'", "")
    return SeedPerson(
        given_name=given,
        family_name=family,
        sex=sex,
        date_of_birth=born,
        email=f"{handle}.{number}@example.org" if rng.random() < 0.8 else "",
        phone=f"07700 900 {rng.randrange(1000):03d}" if rng.random() < 0.7 else "",
        occupation=rng.choice(OCCUPATIONS),
        activities=rng.choice(ACTIVITIES),
        referral_source=rng.choice(REFERRALS),
    )

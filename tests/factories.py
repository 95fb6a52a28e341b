"""factory_boy factories for the clinic domain."""

import datetime

import factory
from django.contrib.auth.models import User

from clinic.models import Client, Clinic, Membership, Role

TEST_PASSWORD = "correct-horse-battery-staple"


class ClinicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Clinic

    name = factory.Sequence(lambda n: f"Test Clinic {n}")
    email = factory.Sequence(lambda n: f"clinic{n}@example.com")


# Made-up names, paired by sequence (64 pairs before one repeats): a random real name could
# contain a name a test checks is absent from a page ("Robert Adams" contains "Ada").
GIVEN_NAMES = (
    *("Ysolde", "Thaddeus", "Marisol", "Evander"),
    *("Linnea", "Caspian", "Odalys", "Benedikt"),
)
FAMILY_NAMES = (
    *("Quarrington", "Vellacott", "Trevithick", "Goldhawk"),
    *("Mirfield", "Penhaligon", "Carbery", "Ulverstone"),
)


def _given(n: int) -> str:
    return GIVEN_NAMES[n % len(GIVEN_NAMES)]


def _family(n: int) -> str:
    return FAMILY_NAMES[(n // len(GIVEN_NAMES)) % len(FAMILY_NAMES)]


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Sequence(_given)
    last_name = factory.Sequence(_family)
    password = factory.PostGenerationMethodCall("set_password", TEST_PASSWORD)

    @factory.post_generation
    def save_password(self, create: bool, extracted: object, **kwargs: object) -> None:
        if create:
            self.save()


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    clinic = factory.SubFactory(ClinicFactory)
    role = Role.THERAPIST


class ClientFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Client

    clinic = factory.SubFactory(ClinicFactory)
    given_name = factory.Sequence(_given)
    family_name = factory.Sequence(_family)
    date_of_birth = factory.Faker(
        "date_between", start_date=datetime.date(1940, 1, 1), end_date=datetime.date(2005, 12, 31)
    )

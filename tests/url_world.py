"""The world the URL walkers walk: two clinics' objects, and the words each may show.

Built once per walker module (tests/url_walker_fixtures.py); the registry
(tests/url_registry.py) names each URL's object from it.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth.models import User

from assessments.models import Assessment
from assessments.services import assessment_start
from clinic.models import Client, Clinic, Role
from episodes.models import Episode
from episodes.services import episode_create, episode_goal_add
from plans.models import ClinicIntervention, ClinicPicture, PlanVersion
from plans.pictures import read_picture
from plans.program.reminders.services import program_reminder_set
from plans.services import plan_build, plan_issue, plan_revise
from tests.factories import ClientFactory, MembershipFactory
from tests.plans.fixtures import TYPICAL, make_assessment
from treatment.models import ClinicTechnique

# Words only our clinic's pages may show; another clinic's user must never see one of them.
OURS = ("Priya", "Sharma", "Riverside Test Clinic", "Quillfeather", "Marbleton", "Wall slide")
# The other clinic's words, which our therapist must never see.
THEIRS = ("Olwen", "Outhwaite", "Elsewhere Test Clinic", "Zamorski")


@dataclass
class World:
    """Two clinics' worth of objects: ours (fully populated) and another clinic's."""

    clinic: Clinic
    therapist: User
    colleague: User
    admin: User
    outsider: User
    other_admin: User
    client: Client
    other_client: Client
    draft: Assessment
    final: Assessment
    issued: PlanVersion
    draft_plan: PlanVersion
    intervention: ClinicIntervention
    picture: ClinicPicture
    episode: Episode
    technique: ClinicTechnique


def _named(user: User, first: str, last: str) -> User:
    user.first_name, user.last_name = first, last
    user.save(update_fields=["first_name", "last_name"])
    return user


def build_world(
    *,
    clinic: Clinic,
    therapist: User,
    colleague: User,
    admin: User,
    outsider: User,
    client: Client,
) -> World:
    """Our clinic's client with a draft and a final visit, an issued plan and its next draft."""
    _named(therapist, "Tamsin", "Quillfeather")
    _named(colleague, "Cyril", "Marbleton")
    _named(admin, "Bea", "Marbleton")
    _named(outsider, "Otto", "Zamorski")
    other_clinic = outsider.membership.clinic
    other_admin = MembershipFactory(
        clinic=other_clinic, role=Role.ADMIN, user__username="other-admin"
    ).user
    _named(other_admin, "Ada", "Zamorski")
    client.email = "priya@example.com"
    client.save(update_fields=["email"])
    other_client = ClientFactory(
        clinic=other_clinic,
        given_name="Olwen",
        family_name="Outhwaite",
        date_of_birth=datetime.date(1975, 6, 1),
    )
    final = make_assessment(therapist, client, TYPICAL)
    draft = assessment_start(actor=therapist, client=client, visit_date=datetime.date(2026, 11, 9))
    first = plan_build(actor=therapist, assessment=final)
    issued = plan_issue(actor=therapist, version=first, expected_lock=first.lock)
    draft_plan = plan_revise(actor=therapist, version=issued)
    # The client asked for daily reminders on the program page (the unsubscribe link's).
    program_reminder_set(
        link=issued.program_link, email="reminders@example.com", at=datetime.time(7, 30)
    )
    intervention = ClinicIntervention.objects.create(
        clinic=clinic,
        slug="wall-slide-riverside",
        name="Wall slide",
        kind="mobility",
        steps="Slide.",
    )
    # The clinic's own picture: an SVG whose text only our pages may show.
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 9 9"><title>Wall slide</title>'
    svg += b"</svg>"
    cleaned = read_picture(svg, max_bytes=4096)
    picture = ClinicPicture.objects.create(
        clinic=clinic, digest=cleaned.digest, content_type=cleaned.content_type, data=cleaned.data
    )
    # An open episode from the final visit's date, with a goal on an activity of our words.
    episode = episode_create(
        actor=therapist,
        client=client,
        fields={
            "complaint": "Low back pain",
            "started_on": final.visit_date,
            "referrer_name": "",
            "referrer_address": "",
            "planned_sessions": 6,
            "reassess_every": 1,
            "reassess_on": None,
        },
    )
    episode_goal_add(
        actor=therapist,
        episode=episode,
        activity="Gardening",
        target=Decimal(8),
        target_date=datetime.date(2027, 1, 1),
    )
    episode.refresh_from_db()  # its version, raised by the goal
    return World(
        clinic=clinic,
        therapist=therapist,
        colleague=colleague,
        admin=admin,
        outsider=outsider,
        other_admin=other_admin,
        client=client,
        other_client=other_client,
        draft=draft,
        final=final,
        issued=issued,
        draft_plan=draft_plan,
        intervention=intervention,
        picture=picture,
        episode=episode,
        technique=ClinicTechnique.objects.create(
            clinic=clinic,
            name="Wall slide release",
            description="Ours.",
            depth="light",
            scope="hands_on",
        ),
    )

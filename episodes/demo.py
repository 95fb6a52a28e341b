"""Demo episode: Priya Sharma (Riverside) in an open episode with two goals, so the client
list shows "Reassessment due" and her page the episode panel (idempotent)."""

import datetime
from decimal import Decimal

from django.contrib.auth.models import User
from django.utils import timezone

from assessments.demo.visits import PRIYA_PSFS, RIVERSIDE
from assessments.models import Status
from clinic.models import Client
from episodes.services import episode_create, episode_goal_add


def load_demo() -> str:
    client = Client.objects.filter(
        clinic__name=RIVERSIDE, given_name="Priya", family_name="Sharma"
    ).first()
    actor = User.objects.filter(username="alex").first()
    if client is None or actor is None:
        return "no episode (load the clinic and visit demos first)"
    if client.episodes.exists():
        return "0 episodes created (existing kept)"
    first = client.assessments.filter(status=Status.FINAL).order_by("visit_date").first()
    if first is None:
        return "no episode (Priya Sharma has no finalised visit)"
    episode = episode_create(
        actor=actor,
        client=client,
        fields={
            "complaint": "Low back pain with tight hip flexors (desk work)",
            "started_on": first.visit_date,
            "referrer_name": "Dr Helen Marsh",
            "referrer_address": "Riverside Medical Centre\n12 Mill Lane\nRiverside RV1 2AB",
            "planned_sessions": 8,
            "reassess_every": 3,
            "reassess_on": None,
        },
    )
    by = timezone.localdate() + datetime.timedelta(weeks=6)
    for activity, target in ((PRIYA_PSFS[0], Decimal(9)), (PRIYA_PSFS[1], Decimal(9))):
        episode_goal_add(
            actor=actor, episode=episode, activity=activity, target=target, target_date=by
        )
    return "1 episode created with 2 goals"

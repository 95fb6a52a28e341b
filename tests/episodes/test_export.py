"""Episodes of care in the client's record exports: the JSON record's `episodes` (valid
against the version 4 schema) and the FHIR Bundle's EpisodeOfCare and Goal resources."""

import datetime
from decimal import Decimal
from typing import Any

import pytest
from django.contrib.auth.models import User
from fhir.resources.R4B.episodeofcare import EpisodeOfCare
from fhir.resources.R4B.goal import Goal

from clinic.models import Client
from episodes.services import episode_discharge, episode_goal_add
from plans.export.fhir import fhir_bundle, fhir_bundle_json
from plans.export.record import export_client_record
from plans.export.selectors import client_record_get
from tests.episodes.helpers import SITTING, START, open_episode, visit
from tests.plans.export.test_record import _errors

EXPORTED_AT = datetime.datetime(2026, 11, 20, 9, 15, 30, tzinfo=datetime.UTC)
TARGET_DATE = datetime.date(2026, 12, 1)


@pytest.fixture
def record(therapist: User, client_record: Client) -> Any:
    """A discharged episode over two visits (sitting 3, then 6) with a goal met, and an
    open one after it without goals."""
    visit(therapist, client_record, 0, pain=6, sitting=3)
    later = visit(therapist, client_record, 14, pain=2, sitting=6)
    first = open_episode(therapist, client_record)
    goal = episode_goal_add(
        actor=therapist,
        episode=first,
        activity=SITTING,
        target=Decimal("8.5"),
        target_date=TARGET_DATE,
    )
    episode_discharge(
        actor=therapist,
        episode=first,
        discharged_on=later.visit_date,
        summary="Sitting through meetings again.",
        goals_met={goal.pk: True},
    )
    open_episode(
        therapist,
        client_record,
        complaint="Right hip pain",
        started_on=START + datetime.timedelta(days=20),
        reassess_on=START + datetime.timedelta(days=30),
    )
    return client_record_get(therapist, client_record.pk)


def test_json_record_holds_the_episodes_and_is_valid(record: Any) -> None:
    document = export_client_record(record, exported_at=EXPORTED_AT)
    assert _errors(document) == []
    first, second = document["episodes"]
    assert {key: first[key] for key in list(first)[:6]} == {
        "complaint": "Low back pain when sitting",
        "status": "discharged",
        "started_on": "2026-09-01",
        "discharged_on": "2026-09-15",
        "referrer_name": "Dr Ada Quinn",
        "referrer_address": "Mill Lane Surgery",
    }
    assert (first["sessions_done"], first["reassessment_due"], first["discharge_summary"]) == (
        2,
        None,
        "Sitting through meetings again.",
    )
    assert first["goals"] == [
        {
            "activity": SITTING,
            "baseline": 3,
            "target": 8.5,
            "target_date": "2026-12-01",
            "latest": 6,
            "latest_on": "2026-09-15",
            "met": True,
        }
    ]
    # Open, no visit since its start, its reassessment date passed by the export's day.
    assert (second["status"], second["sessions_done"], second["reassessment_due"]) == (
        "open",
        0,
        True,
    )
    assert second["goals"] == []
    broken = {**document, "episodes": [{**first, "status": "closed"}]}
    assert _errors(broken) == ["'closed' is not one of ['open', 'discharged']"]


def _resources(bundle: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def test_fhir_bundle_has_an_episode_of_care_per_episode_and_a_goal_per_goal(
    record: Any,
) -> None:
    bundle = fhir_bundle(record, exported_at=EXPORTED_AT)
    fhir_bundle_json(bundle)  # the whole Bundle validates
    episodes = _resources(bundle, "EpisodeOfCare")
    goals = _resources(bundle, "Goal")
    for resource in episodes:
        EpisodeOfCare.model_validate(resource)
    for resource in goals:
        Goal.model_validate(resource)
    first, second = episodes
    assert (first["status"], first["period"], second["status"], second["period"]) == (
        "finished",
        {"start": "2026-09-01", "end": "2026-09-15"},
        "active",
        {"start": "2026-09-21"},
    )
    assert first["diagnosis"] == [
        {"condition": {"display": "Low back pain when sitting"}, "rank": 1}
    ]
    assert first["referralRequest"] == [{"display": "Referred by Dr Ada Quinn, Mill Lane Surgery"}]
    (goal,) = goals
    assert (goal["lifecycleStatus"], goal["achievementStatus"]["coding"][0]["code"]) == (
        "completed",
        "achieved",
    )
    target = goal["target"][0]
    assert (target["measure"]["text"], target["detailQuantity"]["value"], target["dueDate"]) == (
        f"PSFS: {SITTING}",
        8.5,
        "2026-12-01",
    )
    # The latest score's PSFS Observation is in the Bundle, at the later visit.
    urls = {e["fullUrl"]: e["resource"] for e in bundle["entry"]}
    latest = urls[goal["outcomeReference"][0]["reference"]]
    assert (latest["resourceType"], latest["effectiveDateTime"]) == ("Observation", "2026-09-15")
    assert goal["subject"] == first["patient"]

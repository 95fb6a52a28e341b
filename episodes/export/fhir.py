"""An EpisodeOfCare per episode and a Goal per goal in the FHIR R4 Bundle (docs/fhir.md,
"Episodes of care"). Pure over what `record.load` read and the record's visits.
"""

from collections.abc import Iterator, Sequence
from typing import Any

from assessments.models import Assessment
from episodes.due import shown
from episodes.export.record import belonging, latest_score, number
from episodes.models import Episode, EpisodeGoal
from plans.export import fhir_codes as codes
from plans.export.fhir_observations import entry, urn
from plans.export.sections import FhirContext

GOAL_ACHIEVEMENT = "http://terminology.hl7.org/CodeSystem/goal-achievement"
# The goal's measure: one PSFS activity's score (local: docs/clinical.md gives no code).
PSFS_ACTIVITY = "psfs_activity_score"


def _identifier(context: FhirContext, kind: str, pk: int) -> list[dict[str, str]]:
    system = f"{codes.LOCAL_BASE}/clinic/{context.clinic_id}/{kind}"
    return [{"system": system, "value": str(pk)}]


def _episode_of_care(episode: Episode, context: FhirContext) -> dict[str, Any]:
    period = {"start": episode.started_on.isoformat()}
    if episode.discharged_on is not None:
        period["end"] = episode.discharged_on.isoformat()
    resource: dict[str, Any] = {
        "resourceType": "EpisodeOfCare",
        "identifier": _identifier(context, "episode", episode.pk),
        "status": "active" if episode.is_open else "finished",
        # The complaint is recorded as words, not as a coded Condition: a reference by
        # display only.
        "diagnosis": [{"condition": {"display": episode.complaint}, "rank": 1}],
        "patient": {"reference": context.patient},
        "managingOrganization": {"reference": context.organization},
        "period": period,
    }
    if episode.referrer_name:
        address = ", ".join(episode.referrer_address.split("\n")).strip(", ")
        words = episode.referrer_name + (f", {address}" if address else "")
        resource["referralRequest"] = [{"display": f"Referred by {words}"}]
    return resource


def _achievement(episode: Episode, goal: EpisodeGoal) -> dict[str, Any]:
    if goal.met is None:
        code, text = "in-progress", "In progress"
    else:
        code, text = ("achieved", "Met") if goal.met else ("not-achieved", "Not met")
    return {"coding": [{"system": GOAL_ACHIEVEMENT, "code": code}], "text": text}


def _goal(
    episode: Episode, goal: EpisodeGoal, held: Sequence[Assessment], context: FhirContext
) -> dict[str, Any]:
    target = number(goal.target)
    resource: dict[str, Any] = {
        "resourceType": "Goal",
        "identifier": _identifier(context, "episode-goal", goal.pk),
        "lifecycleStatus": "active" if episode.is_open else "completed",
        "achievementStatus": _achievement(episode, goal),
        "description": {
            "text": f"{goal.activity}: {target}/10 on the PSFS by {shown(goal.target_date)}"
        },
        "subject": {"reference": context.patient},
        "startDate": episode.started_on.isoformat(),
        "target": [
            {
                "measure": {
                    "coding": [{"system": codes.MEASURE_SYSTEM, "code": PSFS_ACTIVITY}],
                    "text": f"PSFS: {goal.activity}",
                },
                "detailQuantity": {
                    "value": target,
                    "unit": "score",
                    "system": codes.UCUM,
                    "code": "{score}",
                },
                "dueDate": goal.target_date.isoformat(),
            }
        ],
    }
    notes = [f"Episode of care: {episode.complaint}, from {shown(episode.started_on)}."]
    if goal.baseline is not None:
        notes.append(f"Baseline {number(goal.baseline)}/10.")
    latest = latest_score(goal.activity, held)
    if latest is not None:
        notes.append(f"Latest {number(latest.value)}/10 on {shown(latest.visit.visit_date)}.")
        # The PSFS Observation of that visit (plans/export/fhir_observations.py) holds it.
        visit_key = f"{context.clinic_id}/visit/{latest.visit.pk}"
        resource["outcomeReference"] = [{"reference": urn(visit_key, codes.PSFS_MEAN)}]
    resource["note"] = [{"text": " ".join(notes)}]
    return resource


def fhir_entries(episodes: list[Episode], context: FhirContext) -> Iterator[dict[str, Any]]:
    """Per episode, oldest first: its EpisodeOfCare, then a Goal per goal."""
    for episode in episodes:
        key = f"{context.clinic_id}/episode/{episode.pk}"
        yield entry(urn(key), _episode_of_care(episode, context))
        held = belonging(episode, context.visits)
        for goal in episode.goals.all():
            yield entry(urn(key, "goal", goal.pk), _goal(episode, goal, held, context))

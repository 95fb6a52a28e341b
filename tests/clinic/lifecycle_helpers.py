"""A client with one of everything, for the erase tests; and the model graph under Client."""

from decimal import Decimal

from django.contrib.auth.models import User
from django.db.models import ForeignObjectRel, Model

from assessments.body_chart.regions import Mark
from assessments.models import Assessment
from assessments.services import (
    assessment_amend,
    assessment_finalise,
    assessment_save,
    assessment_start,
)
from clinic.models import Client
from plans.models import PlanVersion
from plans.services import (
    plan_build,
    plan_issue,
    plan_item_add,
    plan_item_update,
    plan_message_update,
)
from tests.plans.fixtures import TYPICAL, VISIT

PROJECT_APPS = ("clinic", "assessments", "treatment", "plans", "episodes")

# Free text typed about the client; none of it may reach an audit entry's detail.
TYPED = {
    "notes": "Recovering from a hernia repair in March",
    "presenting_complaint": "Sciatica since lifting the toddler",
    "amendment_reason": "Left and right readings were swapped",
    "message": "Keep the bridges gentle while the scar heals",
    "item_note": "Stop if the groin aches",
    "override": "GP reviewed the saddle numbness on Monday",
}


VALUES = {**TYPICAL, ("rf_saddle_numbness", ""): "yes"}


def amended_visit(therapist: User, client: Client) -> Assessment:
    """A finalised visit with a red flag and typed narrative, then amended with a reason."""
    draft = assessment_start(actor=therapist, client=client, visit_date=VISIT)
    saved = assessment_save(
        actor=therapist,
        assessment=draft,
        expected_version=1,
        narrative={"presenting_complaint": TYPED["presenting_complaint"]},
        values=VALUES,
        body_chart=[Mark("buttock_right", "ache", 4)],
    )
    final = assessment_finalise(actor=therapist, assessment=saved, expected_version=2)
    assessment_amend(
        actor=therapist,
        assessment=final,
        expected_version=3,
        narrative={},
        values={**VALUES, ("sitting_hours", ""): Decimal(8)},
        reason=TYPED["amendment_reason"],
    )
    return final


def issued_plan(therapist: User, visit: Assessment) -> PlanVersion:
    """Version 1 with an item, a note and a message, issued with a red-flag override."""
    version = plan_build(actor=therapist, assessment=visit)
    item = plan_item_add(actor=therapist, version=version, expected_lock=1, slug="glute-bridge")
    plan_message_update(
        actor=therapist, version=version, expected_lock=2, message=TYPED["message"]
    )
    plan_item_update(
        actor=therapist, item=item, expected_lock=3, fields={"note": TYPED["item_note"]}
    )
    version.refresh_from_db()
    return plan_issue(
        actor=therapist, version=version, expected_lock=4, override_reason=TYPED["override"]
    )


def client_models() -> dict[type[Model], str]:
    """Every model that hangs off Client through foreign keys (hidden reverse relations
    included), with the lookup from it to the client's id. Derived from the model graph,
    so a model added later is checked without changing this test."""
    lookups: dict[type[Model], str] = {Client: "pk"}
    queue: list[type[Model]] = [Client]
    while queue:
        parent = queue.pop(0)
        for relation in parent._meta.get_fields(include_hidden=True):
            if not isinstance(relation, ForeignObjectRel) or relation.many_to_many:
                continue
            model = relation.related_model
            if model not in lookups:
                lookups[model] = f"{relation.field.name}__{lookups[parent]}"  # type: ignore[index]
                queue.append(model)  # type: ignore[arg-type]
    return lookups


def client_rows(client: Client) -> dict[str, set[int]]:
    """The primary keys of the client's rows in every model under Client, by label."""
    return {
        model._meta.label: set(
            model._default_manager.filter(**{lookup: client.pk}).values_list("pk", flat=True)
        )
        for model, lookup in client_models().items()
    }

"""Demo visits for the demo clients (data in visits.py; palpation and body chart in
examined.py), written through the services.

Idempotent: a client who already has any assessment is left alone. A later visit is
started as a copy of the one before (copy-forward), its carried values confirmed and the
changes saved, exactly as a therapist does it.
"""

from dataclasses import dataclass, replace
from decimal import Decimal

from django.contrib.auth.models import User
from django.db import transaction

from assessments.catalogue.items import ITEMS, RED_FLAGS, Kind, Side
from assessments.demo.examined import examined
from assessments.demo.visits import DEMO_VISITS, DemoVisit, Entry
from assessments.models import Assessment
from assessments.selectors import assessment_values
from assessments.services import assessment_finalise, assessment_save, assessment_start
from assessments.values import Key, Value
from clinic.models import Client


@dataclass(frozen=True)
class DemoVisitsResult:
    created_visits: int
    clients: int
    missing_clients: int = 0

    def __str__(self) -> str:
        text = (
            f"{_count(self.created_visits, 'visit')} created for "
            f"{_count(self.clients, 'client')} (existing kept)"
        )
        if self.missing_clients:
            missing = _count(self.missing_clients, "demo client")
            text += f"; {missing} not found (load the clinic demo first)"
        return text


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _stored(code: str, raw: Entry) -> Value | None:
    if raw is None:
        return None
    if ITEMS[code].kind is Kind.NUMBER:
        return Decimal(str(raw))
    return str(raw)


def visit_values(visit: DemoVisit) -> dict[Key, Value | None]:
    """The visit's table as service values: (code, side) -> value, None to remove."""
    values: dict[Key, Value | None] = {
        (code, Side.NONE): "yes" if code in visit.red_flags else "no" for code, _, _ in RED_FLAGS
    }
    for code, entry in visit.values.items():
        item = ITEMS[code]  # KeyError: a typo in the demo table
        left, right = entry if isinstance(entry, tuple) else (entry, entry)
        if item.sided:
            values[(code, Side.LEFT)] = _stored(code, left)
            values[(code, Side.RIGHT)] = _stored(code, right)
        elif isinstance(entry, tuple):
            raise ValueError(f"{code} is not recorded per side: give one value.")
        else:
            values[(code, Side.NONE)] = _stored(code, entry)
    return values


def _record(
    client: Client, visit: DemoVisit, actor: User, previous: Assessment | None
) -> Assessment:
    assessment = assessment_start(
        actor=actor, client=client, visit_date=visit.on, copy_from=previous
    )
    palpation, body_chart = examined(client.given_name, client.family_name, visit.on)
    # The full new state: what copy-forward carried, with this visit's changes on top.
    values: dict[Key, Value | None] = dict(assessment_values(assessment).values)
    values.update(visit_values(replace(visit, values={**visit.values, **palpation})))
    assessment = assessment_save(
        actor=actor,
        assessment=assessment,
        expected_version=assessment.version,
        narrative=visit.story,
        values=values,
        confirm_carried=True,
        body_chart=body_chart,
    )
    if not visit.draft:
        assessment = assessment_finalise(
            actor=actor, assessment=assessment, expected_version=assessment.version
        )
    return assessment


@transaction.atomic
def load_demo() -> DemoVisitsResult:
    """Create the demo visits of every demo client who has none yet.

    Side effects: those of the assessment services (audit entries, last-visit dates).
    """
    users = {user.username: user for user in User.objects.filter(membership__isnull=False)}
    created = clients = missing = 0
    for (clinic_name, given, family), visits in DEMO_VISITS.items():
        client = Client.objects.filter(
            clinic__name=clinic_name, given_name=given, family_name=family
        ).first()
        if client is None:
            missing += 1
            continue
        if client.assessments.exists():
            continue
        previous = None
        for visit in visits:
            previous = _record(client, visit, users[visit.by], previous)
            created += 1
        clients += 1
    return DemoVisitsResult(created, clients, missing)

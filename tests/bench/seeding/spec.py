"""What `seed_network` will write, decided before anything is written (pure, no Django).

Deterministic: each clinic draws from a generator seeded with (seed, site) and each client
from (seed, site, client number), so the same seed gives the same network, and the first
clients of a site are the same whatever the network's size (the scale benchmark compares
the same client's pages in a small and a large network).
"""

import datetime
import random
from dataclasses import dataclass

from tests.bench.seeding.people import (
    COMPLAINTS,
    TREATMENTS,
    SeedClinic,
    SeedPerson,
    generator,
    make_clinic,
    make_person,
)
from tests.bench.seeding.values import Profile, make_profile

# Visits end by this day (fixed, so a seed always gives the same dates).
LAST_DAY = datetime.date(2026, 10, 30)
PROFILE_COUNT = 48  # presentations shared by the clients (the plan rules run once for each)
MAX_STAGE = 12  # visits after this one repeat its values (every problem has eased by then)
DRAFT_SHARE = 0.1  # clients whose latest visit is still a draft
ARCHIVED_SHARE = 0.04
REVISED_SHARE = 0.15  # issued plans revised into an issued second version
OTHER_THERAPIST_SHARE = 0.15  # visits seen by a colleague rather than the usual therapist


@dataclass(frozen=True)
class NetworkSpec:
    clinics: int
    clients: int
    visits_per_client: int  # on average; each pair of clients has exactly twice this
    seed: int = 1


@dataclass(frozen=True)
class VisitPlan:
    on: datetime.date
    therapist: int  # index into the clinic's staff
    stage: int  # which of the profile's visits this is (capped at MAX_STAGE)
    final: bool
    revised: bool  # its plan has an issued second version
    narrative: dict[str, str]


@dataclass(frozen=True)
class ClientPlan:
    person: SeedPerson
    profile: int  # index into the profile pool
    therapist: int  # the usual therapist, index into the clinic's staff
    archived: bool
    visits: tuple[VisitPlan, ...]


def profiles(seed: int) -> list[Profile]:
    """The pool of presentations for this seed."""
    return [make_profile(generator(seed, "profile", n)) for n in range(PROFILE_COUNT)]


def clinics(spec: NetworkSpec, first_site: int) -> list[SeedClinic]:
    return [
        make_clinic(generator(spec.seed, "clinic", site), site)
        for site in range(first_site, first_site + spec.clinics)
    ]


def clients_per_clinic(spec: NetworkSpec) -> list[int]:
    """An even share of the clients for each clinic, the first ones taking the remainder."""
    share, extra = divmod(spec.clients, spec.clinics)
    return [share + (1 if n < extra else 0) for n in range(spec.clinics)]


def visit_count(spec: NetworkSpec, site: int, number: int, of: int) -> int:
    """1 to 2v-1 visits; clients 2k and 2k+1 of a site have 2v between them (v the mean)."""
    mean = spec.visits_per_client
    if number == of - 1 and number % 2 == 0:
        return mean  # the unpaired last client
    drawn = generator(spec.seed, site, "pair", number // 2).randrange(2 * mean - 1)
    return 1 + drawn if number % 2 == 0 else 2 * mean - 1 - drawn


def _visits(rng: random.Random, count: int, staff: int, usual: int) -> tuple[VisitPlan, ...]:
    gaps = [rng.randint(7, 42) for _ in range(count - 1)]
    day = LAST_DAY - datetime.timedelta(days=rng.randrange(540) + sum(gaps))
    draft_last = rng.random() < DRAFT_SHARE
    visits = []
    for index in range(count):
        if index:
            day += datetime.timedelta(days=gaps[index - 1])
        other = rng.random() < OTHER_THERAPIST_SHARE
        narrative = {"treatment_today": rng.choice(TREATMENTS)}
        if index == 0:
            narrative.update(
                presenting_complaint=rng.choice(COMPLAINTS),
                onset=f"Gradual over {rng.randint(2, 24)} months.",
                goals="Less pain at work; back to usual activities.",
            )
        visits.append(
            VisitPlan(
                on=day,
                therapist=rng.randrange(staff) if other else usual,
                stage=min(index, MAX_STAGE),
                final=not (draft_last and index == count - 1),
                revised=rng.random() < REVISED_SHARE,
                narrative=narrative,
            )
        )
    return tuple(visits)


def client_plan(spec: NetworkSpec, clinic: SeedClinic, number: int, of: int) -> ClientPlan:
    """The `number`-th client of the clinic (of `of`), with every visit."""
    rng = generator(spec.seed, clinic.site, number)
    person = make_person(rng, clinic.site * 1_000_000 + number)
    usual = rng.randrange(len(clinic.staff))
    count = visit_count(spec, clinic.site, number, of)
    return ClientPlan(
        person=person,
        profile=rng.randrange(PROFILE_COUNT),
        therapist=usual,
        archived=rng.random() < ARCHIVED_SHARE,
        visits=_visits(rng, count, len(clinic.staff), usual),
    )

"""Progression chains: the built-in entries in order from easiest to hardest, with the
plain criterion for moving on (docs/clinical.md "Progression and regression").

Pure data, no Django. Every strengthening and motor-control entry is in exactly one chain;
a stretch is in one where a deeper position exists. The plan builder offers "harder" and
"easier" on an item in a chain (plans.services.plan_item_step).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from plans.library.catalogue import BY_SLUG

# docs/clinical.md "Progression and regression" (ACSM 2009): more load when the client does
# one or two repetitions over the target on two sessions in a row. At body weight the next
# level is the harder movement; with a weight or a band, raise it by 2-10% first.
STRENGTH_CRITERION = (
    "Move on when every set is done with good form and one or two repetitions to spare, "
    "with no rise in pain, on two sessions in a row. With a weight or a band, first raise "
    "the load by 2-10%."
)
# No published rule for control exercises; the same two-session test, judged on control.
CONTROL_CRITERION = (
    "Move on when every set is done slowly with the back and pelvis still, with no rise "
    "in pain, on two sessions in a row."
)
# docs/clinical.md "Progression and regression": holds from 30 s to 60 s, then deeper.
STRETCH_CRITERION = (
    "Move on when 60-second holds are comfortable on two sessions in a row: first raise "
    "the hold from 30 to 60 seconds, then take the deeper position."
)
# docs/clinical.md "Progression and regression" (a rule of thumb, unconfirmed).
REGRESS_CRITERION = (
    "Step back a level when pain rises by more than 2 points (0-10) and is still up the next day."
)


@dataclass(frozen=True)
class Chain:
    """One progression: slugs from easiest to hardest and when to move on."""

    key: str
    name: str
    levels: tuple[str, ...]
    criterion: str

    def __post_init__(self) -> None:
        if len(self.levels) < 2 or len(set(self.levels)) != len(self.levels):
            raise ValueError(f"Chain {self.key}: at least two different levels")
        if not self.criterion:
            raise ValueError(f"Chain {self.key}: a criterion to move on is required")


CHAINS: tuple[Chain, ...] = (
    # Strengthening: docs/clinical.md presentation table (glute bridge -> single-leg bridge
    # -> hip thrust; clamshell -> banded clamshell -> side-lying leg raise -> hip airplane).
    Chain(
        "bridge",
        "Bridge (buttock)",
        (
            "glute-bridge",
            "bridge-march",
            "single-leg-bridge",
            "hip-thrust",
            "single-leg-hip-thrust",
        ),
        STRENGTH_CRITERION,
    ),
    Chain(
        "hip-extension-face-down",
        "Hip extension face down (buttock)",
        ("prone-hip-extension", "quadruped-hip-extension"),
        STRENGTH_CRITERION,
    ),
    Chain(
        "side-of-hip",
        "Side of the hip",
        (
            "standing-hip-abduction",
            "clamshell",
            "banded-clamshell",
            "side-lying-leg-raise",
            "hip-airplane",
        ),
        STRENGTH_CRITERION,
    ),
    Chain(
        "knee-lift",
        "Knee lift (front of the hip)",
        ("seated-knee-lift", "standing-knee-lift"),
        STRENGTH_CRITERION,
    ),
    Chain(
        "sit-to-stand",
        "Sit to stand, step, squat",
        ("sit-to-stand", "step-up", "split-squat"),
        STRENGTH_CRITERION,
    ),
    # Motor control: docs/clinical.md (weak deep core -> plank, dead bug, bird dog;
    # compensation -> movement retraining).
    Chain(
        "hip-hinge",
        "Hip hinge",
        ("wall-hip-hinge", "hip-hinge", "single-leg-hip-hinge"),
        CONTROL_CRITERION,
    ),
    Chain("plank", "Plank", ("kneeling-plank", "plank", "plank-leg-lift"), CONTROL_CRITERION),
    Chain("dead-bug", "Dead bug", ("heel-slide", "toe-tap", "dead-bug"), CONTROL_CRITERION),
    Chain(
        "bird-dog",
        "Bird dog",
        ("quadruped-arm-reach", "quadruped-leg-reach", "bird-dog"),
        CONTROL_CRITERION,
    ),
    # Stretches: the deeper position after 60-second holds.
    Chain(
        "hip-flexor-stretch",
        "Hip flexor stretch",
        ("lunge-stretch", "kneeling-hip-flexor-stretch", "kneeling-hip-flexor-reach"),
        STRETCH_CRITERION,
    ),
    Chain(
        "thigh-stretch",
        "Front of thigh stretch",
        ("standing-quad-stretch", "couch-stretch"),
        STRETCH_CRITERION,
    ),
    Chain(
        "hamstring-stretch",
        "Hamstring stretch",
        ("supine-hamstring-stretch", "standing-hamstring-stretch", "seated-forward-fold"),
        STRETCH_CRITERION,
    ),
    Chain(
        "buttock-stretch",
        "Deep buttock stretch",
        ("figure-four-stretch", "90-90-hip-stretch", "pigeon-pose"),
        STRETCH_CRITERION,
    ),
    Chain(
        "back-stretch",
        "Lower back stretch",
        ("knee-to-chest-stretch", "double-knee-to-chest-stretch", "childs-pose"),
        STRETCH_CRITERION,
    ),
    Chain(
        "adductor-stretch",
        "Inner thigh stretch",
        ("seated-butterfly-stretch", "side-lunge-stretch"),
        STRETCH_CRITERION,
    ),
)


def _index(chains: tuple[Chain, ...]) -> Mapping[str, Chain]:
    by_slug: dict[str, Chain] = {}
    for chain in chains:
        for slug in chain.levels:
            if slug in by_slug:
                raise ValueError(f"{slug} is in two chains: {by_slug[slug].key}, {chain.key}")
            by_slug[slug] = chain
    return MappingProxyType(by_slug)


CHAIN_OF: Mapping[str, Chain] = _index(CHAINS)


@dataclass(frozen=True)
class Step:
    """Where an entry stands in its chain, and its neighbours (None at either end)."""

    chain: Chain
    level: int  # 1 = easiest
    easier: str | None
    harder: str | None

    @property
    def of(self) -> int:
        return len(self.chain.levels)

    @property
    def easier_name(self) -> str:
        return _name(self.easier)

    @property
    def harder_name(self) -> str:
        return _name(self.harder)

    @property
    def regress_criterion(self) -> str:
        return REGRESS_CRITERION


def _name(slug: str | None) -> str:
    entry = BY_SLUG.get(slug) if slug is not None else None
    return entry.name if entry is not None else (slug or "")


def step_of(slug: str) -> Step | None:
    """The entry's place in its chain; None for an entry in no chain."""
    chain = CHAIN_OF.get(slug)
    if chain is None:
        return None
    index = chain.levels.index(slug)
    return Step(
        chain=chain,
        level=index + 1,
        easier=chain.levels[index - 1] if index > 0 else None,
        harder=chain.levels[index + 1] if index + 1 < len(chain.levels) else None,
    )


def neighbour(slug: str, direction: str) -> str | None:
    """The next level ("progress") or the previous one ("regress"); None if there is none."""
    step = step_of(slug)
    if step is None:
        return None
    if direction == "progress":
        return step.harder
    if direction == "regress":
        return step.easier
    raise ValueError(f"Unknown direction: {direction!r}")

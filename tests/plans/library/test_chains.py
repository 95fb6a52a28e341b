"""Progression chains (plans/library/chains.py; docs/clinical.md "Progression and
regression"): pure data, no database."""

import pytest

from plans.library import LIBRARY, Kind, get
from plans.library.chains import (
    CHAIN_OF,
    CHAINS,
    REGRESS_CRITERION,
    STRETCH_CRITERION,
    Chain,
    _index,
    neighbour,
    step_of,
)

LOADED = (Kind.STRENGTHEN, Kind.MOTOR_CONTROL)


def test_every_strengthening_and_motor_control_entry_is_in_exactly_one_chain() -> None:
    loaded = {entry.slug for entry in LIBRARY if entry.kind in LOADED}
    counts = {slug: sum(slug in chain.levels for chain in CHAINS) for slug in loaded}
    assert {slug: n for slug, n in counts.items() if n != 1} == {}


def test_chains_name_only_library_entries_of_matching_kinds() -> None:
    for chain in CHAINS:
        kinds = {get(slug).kind for slug in chain.levels}  # KeyError for an unknown slug
        if chain.criterion == STRETCH_CRITERION:
            assert kinds == {Kind.STRETCH}, chain.key
        else:
            assert kinds <= set(LOADED), chain.key
        assert len(chain.levels) >= 2
        assert chain.criterion.startswith("Move on when")
    assert len({chain.key for chain in CHAINS}) == len(CHAINS)


def test_documented_orders_hold() -> None:
    # docs/clinical.md presentation table: bridge -> single-leg bridge -> hip thrust;
    # clamshell -> banded clamshell -> side-lying leg raise -> hip airplane.
    def before(first: str, second: str) -> bool:
        levels = CHAIN_OF[first].levels
        return CHAIN_OF[second] is CHAIN_OF[first] and levels.index(first) < levels.index(second)

    assert before("glute-bridge", "single-leg-bridge")
    assert before("single-leg-bridge", "hip-thrust")
    assert before("clamshell", "banded-clamshell")
    assert before("banded-clamshell", "side-lying-leg-raise")
    assert before("side-lying-leg-raise", "hip-airplane")
    assert before("kneeling-hip-flexor-stretch", "kneeling-hip-flexor-reach")


def test_step_and_neighbours() -> None:
    step = step_of("clamshell")
    assert step is not None
    assert (step.chain.key, step.level, step.of) == ("side-of-hip", 2, 5)
    assert (step.easier, step.harder) == ("standing-hip-abduction", "banded-clamshell")
    assert step.harder_name == "Clamshell with a band"
    assert step.regress_criterion == REGRESS_CRITERION
    assert neighbour("glute-bridge", "progress") == "bridge-march"
    assert neighbour("glute-bridge", "regress") is None
    assert neighbour("hip-airplane", "progress") is None
    assert neighbour("walking", "progress") is None
    assert step_of("standing-tfl-stretch") is None
    with pytest.raises(ValueError, match="Unknown direction"):
        neighbour("plank", "sideways")


def test_a_chain_needs_two_levels_a_criterion_and_one_place_per_entry() -> None:
    with pytest.raises(ValueError, match="two different levels"):
        Chain("x", "X", ("plank",), "Move on when ready.")
    with pytest.raises(ValueError, match="two different levels"):
        Chain("x", "X", ("plank", "plank"), "Move on when ready.")
    with pytest.raises(ValueError, match="criterion"):
        Chain("x", "X", ("plank", "bird-dog"), "")
    twice = Chain("y", "Y", ("plank", "dead-bug"), "Move on when ready.")
    with pytest.raises(ValueError, match="plank is in two chains"):
        _index((*CHAINS, twice))

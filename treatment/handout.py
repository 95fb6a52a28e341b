"""The client's words for the treatment given: "What we did today" and aftercare (pure).

Taken into the handout's snapshot when a plan version is issued (plans.handout.snapshot),
so the handout keeps what was given at the visit. The aftercare says only what
docs/clinical.md "Hands-on treatment: precautions" supports.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol

from treatment.precautions import RowFacts
from treatment.techniques import Depth

# The techniques in plain words (a clinic's own technique prints its name).
PLAIN_NAMES = {
    "swedish-massage": "Massage",
    "deep-tissue-massage": "Deep massage",
    "myofascial-release": "Slow, stretching massage",
    "trigger-point-compression": "Steady pressure on tender spots",
    "muscle-energy-technique": "Tense and relax stretches",
    "passive-stretching": "Stretches, with your therapist moving your leg",
    "iastm": "Massage with a smooth tool",
    "positional-release": "Resting in an easy position to calm a tender spot",
    "cupping": "Cupping (cups that lift the skin)",
    "foam-roller-instruction": "How to use a foam roller",
    "heat-application": "A warm pack",
    "hip-joint-mobilisation": "Gentle movements of your hip joint",
    "lumbar-joint-mobilisation": "Gentle pressure on the joints of your lower back",
    "neural-mobilisation": "Gentle nerve glides (leg and back movements)",
}
# Where, in plain words.
PLAIN_PLACES = {
    "glute_max": "buttock",
    "glute_med": "side of the hip",
    "iliopsoas": "front of the hip",
    "hamstrings": "back of the thigh",
    "deep_abdominals": "belly",
    "back_extensors": "lower back",
    "piriformis": "deep in the buttock",
    "tfl_itb": "outer thigh",
    "quadriceps": "front of the thigh",
    "adductors": "inner thigh",
    "quadratus_lumborum": "side of the lower back",
    "lower_back": "lower back",
    "upper_back": "upper back and neck",
    "buttock": "buttock",
    "hip_joint": "hip",
    "thigh": "thigh",
    "lower_leg": "lower leg and foot",
    "abdomen": "belly",
}
PLAIN_SIDES = {"left": "left side", "right": "right side", "both": "both sides", "none": ""}

SORE_AFTER_FIRM = "You may feel a little sore for a day or two after firm work. This is common."
AFTERCARE = (
    "Keep moving gently.",
    "Tell us if you get bruising, swelling or new numbness.",
)


class SavedRow(Protocol):
    technique: str
    technique_name: str
    depth: str
    region: str
    side: str
    pressure: str


def done_line(row: SavedRow) -> str:
    """One row as the client reads it: "Deep massage: buttock, left side."."""
    name = PLAIN_NAMES.get(row.technique, row.technique_name)
    place = ", ".join(
        part for part in (PLAIN_PLACES.get(row.region, ""), PLAIN_SIDES.get(row.side, "")) if part
    )
    return f"{name}: {place}." if place else f"{name}."


def _firm(row: SavedRow) -> bool:
    facts = RowFacts(
        depth=Depth.from_code(row.depth),
        region=row.region,
        pressure=Depth.from_code(row.pressure) if row.pressure else None,
    )
    return facts.firmness >= Depth.FIRM


def handout_treatment(rows: Iterable[SavedRow]) -> dict[str, Any]:
    """What the handout shows of the visit's treatment: {"done": [...], "aftercare": [...]}.

    Both are empty when nothing was recorded.
    """
    given = list(rows)
    if not given:
        return {"done": [], "aftercare": []}
    aftercare = [SORE_AFTER_FIRM] if any(_firm(row) for row in given) else []
    return {"done": [done_line(row) for row in given], "aftercare": [*aftercare, *AFTERCARE]}

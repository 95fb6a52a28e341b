"""What the demo visits' therapists felt and where the clients marked their pain.

Palpation (catalogue items `palp_*`: docs/clinical.md "Palpation") and body chart marks
per demo visit, kept beside the visit tables (assessments.demo.visits) and merged into them
by the loader. Palpation carries forward like any item, so a later visit lists only what
changed (None: not palpated this time); the body chart is given whole at every visit, as
each visit asks today's intensity anew. The marks follow the visit's pain sites and pain
now; nothing is marked below the knee (no demo client's pain goes past it).
"""

import datetime

from assessments.body_chart.regions import Mark
from assessments.catalogue.palpation import palpation_code
from assessments.demo.visits import Entry


def palp(
    muscle: str,
    *,
    tone: Entry = None,
    tender: Entry = None,
    trigger: Entry = None,
    refers: str | None = None,
) -> dict[str, Entry]:
    """One muscle's findings; a value for both sides or a (left, right) pair. Only the
    parts given are listed (a part left out keeps what the last visit recorded)."""
    parts: dict[str, Entry] = {"tone": tone, "tender": tender, "trigger": trigger}
    found: dict[str, Entry] = {
        palpation_code(muscle, part): value for part, value in parts.items() if value
    }
    if refers is not None:
        found[palpation_code(muscle, "referral")] = refers or None
    return found


def not_palpated(*muscles: str) -> dict[str, Entry]:
    """Remove what the last visit recorded of these muscles (not palpated this time)."""
    return {
        palpation_code(muscle, part): None
        for muscle in muscles
        for part in ("tone", "tender", "trigger", "referral")
    }


def chart(**regions: tuple[str, int]) -> tuple[Mark, ...]:
    """The whole body chart: region code = (pain type, intensity 0-10)."""
    return tuple(Mark(region, kind, intensity) for region, (kind, intensity) in regions.items())


def low_back(intensity: int, kind: str = "ache") -> dict[str, tuple[str, int]]:
    """Central low back pain: both sides of the low back."""
    return {"low_back_left": (kind, intensity), "low_back_right": (kind, intensity)}


def _merge(*parts: dict[str, Entry]) -> dict[str, Entry]:
    merged: dict[str, Entry] = {}
    for part in parts:
        merged.update(part)
    return merged


# The tables are laid out by hand, one visit per block.
# fmt: off

# (given name, family name, visit date) -> (palpation, body chart)
EXAMINED: dict[tuple[str, str, str], tuple[dict[str, Entry], tuple[Mark, ...]]] = {
    # Priya: desk-bound, anterior tilt, short hip flexors; central low back ache.
    ("Priya", "Sharma", "2026-08-04"): (_merge(
        palp("iliopsoas", tone="increased", tender="2"),
        palp("rectus_femoris", tone="increased", tender="1"),
        palp("lumbar_erectors", tone="increased", tender="2", trigger="absent"),
    ), chart(**low_back(5))),
    ("Priya", "Sharma", "2026-08-25"): (_merge(
        palp("iliopsoas", tender="1"),
        palp("lumbar_erectors", tender="1"),
    ), chart(**low_back(4))),
    ("Priya", "Sharma", "2026-09-22"): (_merge(
        palp("rectus_femoris", tone="normal", tender="0"),
        palp("glute_max", tone="normal", tender="1"),
    ), chart(**low_back(2))),
    ("Priya", "Sharma", "2026-10-27"): (_merge(
        palp("iliopsoas", tone="normal", tender="0"),
        palp("lumbar_erectors", tone="normal", tender="0"),
        palp("glute_max", tender="0"),
    ), chart(**low_back(1))),
    # Thomas: long-haul driver, short hamstrings, flat back; ache into both thighs at first.
    ("Thomas", "Becker", "2026-07-14"): (_merge(
        palp("hamstrings", tone="increased", tender="1", trigger="absent"),
        palp("glute_max", tone="increased", tender="1"),
        palp("lumbar_erectors", tone="increased", tender="1"),
    ), chart(**low_back(6), thigh_back_left=("ache", 4), thigh_back_right=("ache", 4))),
    ("Thomas", "Becker", "2026-08-11"): (_merge(
        palp("hamstrings", tender="0"),
        palp("glute_max", tone="normal"),
    ), chart(**low_back(4), thigh_back_left=("ache", 2), thigh_back_right=("ache", 2))),
    ("Thomas", "Becker", "2026-09-15"): (_merge(
        palp("hamstrings", tone="normal"),
        palp("lumbar_erectors", tone="normal", tender="0"),
        palp("glute_max", tender="0"),
    ), chart(**low_back(3), thigh_back_left=("ache", 1), thigh_back_right=("ache", 1))),
    # Aisha: runner, weak right glute med; a trigger point there gives her lateral hip ache.
    ("Aisha", "Bello", "2026-06-16"): (_merge(
        palp("tfl_itb", tone=("normal", "increased"), tender=("0", "2")),
        palp("glute_med", tone="normal", tender=("0", "2"), trigger=("absent", "familiar"),
             refers="Right lateral hip and buttock"),
        palp("quadratus_lumborum", tender=("0", "1")),
    ), chart(low_back_right=("ache", 3), buttock_right=("ache", 3))),
    ("Aisha", "Bello", "2026-07-07"): (_merge(
        palp("glute_med", tender=("0", "1"), trigger=("absent", "present")),
    ), chart(low_back_right=("ache", 2), buttock_right=("ache", 2))),
    ("Aisha", "Bello", "2026-08-04"): (_merge(
        palp("tfl_itb", tone="normal", tender=("0", "1")),
        palp("glute_med", tender="0", trigger="absent", refers=""),
        palp("quadratus_lumborum", tender="0"),
    ), chart(low_back_right=("ache", 1), buttock_right=("ache", 1))),
    ("Aisha", "Bello", "2026-09-08"): (_merge(
        palp("tfl_itb", tender="0"),
    ), chart(low_back_right=("ache", 1))),
    # Margaret: osteoporosis, gentle hands only; after her fall the spine is not palpated.
    ("Margaret", "O'Neill", "2026-08-18"): (_merge(
        palp("lumbar_erectors", tone="increased", tender="1"),
        palp("glute_max", tone="normal", tender="1"),
    ), chart(**low_back(4))),
    ("Margaret", "O'Neill", "2026-09-15"): (_merge(
        palp("glute_max", tender="0"),
    ), chart(**low_back(3))),
    ("Margaret", "O'Neill", "2026-10-20"): (
        not_palpated("lumbar_erectors", "glute_max"),
        chart(**low_back(7, "sharp"), upper_back=("sharp", 6)),
    ),
    # Daniel: right piriformis trigger point reproducing his buttock and thigh pain.
    ("Daniel", "Kowalski", "2026-07-21"): (_merge(
        palp("piriformis", tone=("normal", "increased"), tender=("0", "3"),
             trigger=("absent", "familiar"), refers="Right buttock into the back of the thigh"),
        palp("glute_max", tone="normal", tender=("0", "1")),
        palp("glute_med", tender=("0", "1")),
    ), chart(buttock_right=("ache", 5), thigh_back_right=("ache", 3))),
    ("Daniel", "Kowalski", "2026-08-11"): (_merge(
        palp("piriformis", tender=("0", "2"), trigger=("absent", "present")),
    ), chart(buttock_right=("ache", 3), thigh_back_right=("ache", 1))),
    ("Daniel", "Kowalski", "2026-09-08"): (_merge(
        palp("piriformis", tone="normal", tender="0", trigger="absent", refers=""),
        palp("glute_max", tender="0"),
        palp("glute_med", tender="0"),
    ), chart(buttock_right=("ache", 1))),
    # Mei: violinist, left-sided tightness after long standing.
    ("Mei", "Chen", "2026-09-29"): (_merge(
        palp("lumbar_erectors", tone=("increased", "normal"), tender=("1", "0")),
        palp("quadratus_lumborum", tone=("increased", "normal"), tender=("1", "0")),
        palp("glute_med", tone="normal", tender="0"),
    ), chart(low_back_left=("ache", 2))),
    ("Mei", "Chen", "2026-10-20"): (_merge(
        palp("lumbar_erectors", tone="normal", tender="0"),
        palp("quadratus_lumborum", tone="normal", tender="0"),
    ), chart(low_back_left=("ache", 1))),
    # Rafael: cyclist, short rectus femoris and hip flexors, right ITB tight (Ober positive).
    ("Rafael", "Ortega", "2026-08-25"): (_merge(
        palp("rectus_femoris", tone="increased", tender="1"),
        palp("iliopsoas", tone="increased", tender="1"),
        palp("tfl_itb", tone=("normal", "increased"), tender=("0", "2"),
             trigger=("absent", "present"), refers="Side of the right thigh"),
        palp("lumbar_erectors", tone="increased", tender="1"),
    ), chart(**low_back(5))),
    ("Rafael", "Ortega", "2026-09-29"): (_merge(
        palp("tfl_itb", tender=("0", "1"), trigger="absent", refers=""),
        palp("rectus_femoris", tender="0"),
    ), chart(**low_back(3))),
    ("Rafael", "Ortega", "2026-11-03"): ({}, chart(**low_back(2))),
    # Grace: netballer, left adductor trigger point into the groin.
    ("Grace", "Adeyemi", "2026-05-12"): (_merge(
        palp("adductors", tone=("increased", "normal"), tender=("2", "0"),
             trigger=("familiar", "absent"), refers="Left groin"),
        palp("glute_med", tone="normal", tender=("1", "0")),
    ), chart(low_back_left=("ache", 3), groin_left=("ache", 3))),
    # Oliver: delivery rider, short hip flexors, extends through the low back.
    ("Oliver", "Hughes", "2026-09-01"): (_merge(
        palp("iliopsoas", tone="increased", tender="1"),
        palp("rectus_femoris", tone="increased", tender="1"),
        palp("lumbar_erectors", tone="increased", tender="1"),
    ), chart(**low_back(4))),
    ("Oliver", "Hughes", "2026-10-06"): (_merge(
        palp("iliopsoas", tender="0"),
        palp("lumbar_erectors", tone="normal", tender="0"),
    ), chart(**low_back(2))),
    ("Oliver", "Hughes", "2026-11-10"): ({}, chart(**low_back(1))),
}

# fmt: on


def examined(
    given: str, family: str, on: datetime.date
) -> tuple[dict[str, Entry], tuple[Mark, ...]]:
    """The visit's palpation and body chart ({} and () when not in the table)."""
    return EXAMINED.get((given, family, on.isoformat()), ({}, ()))

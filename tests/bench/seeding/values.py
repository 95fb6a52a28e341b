"""Recorded values for seeded visits: profiles of hip-related problems that ease over visits.

Pure (no Django). A profile is a client's set of problems (tight hip flexors on the left,
weak gluteus medius, ...), each with a severity; `visit_values(profile, stage)` gives the
values recorded at the profile's `stage`-th visit, the problems fading until they resolve.
Every threshold a value is placed against comes from `assessments.norms` (so from
docs/clinical.md); the spreads around those thresholds are shapes for synthetic data, not
clinical numbers. Every value is inside its catalogue bounds (`value_problem` is checked),
so the Measurement CheckConstraints hold.
"""

import random
from dataclasses import dataclass
from decimal import Decimal

from assessments.catalogue.items import ITEMS, RED_FLAGS
from assessments.norms import DEFAULT_CUTOFFS, REFERENCES
from assessments.values import Key, Value
from tests.bench.seeding.people import generator

# (direction, threshold): a value beyond the threshold in that direction is abnormal.
LIMITS: dict[str, tuple[str, float]] = {
    "thomas_hip_angle": ("above", DEFAULT_CUTOFFS["thomas_hip_angle_max"]),
    "thomas_knee_angle": ("below", DEFAULT_CUTOFFS["thomas_knee_angle_min"]),
    "thomas_abduction": ("above", DEFAULT_CUTOFFS["thomas_abduction_max"]),
    "slr_angle": ("below", DEFAULT_CUTOFFS["slr_reduced_below"]),
    "ake_deficit": ("above", DEFAULT_CUTOFFS["ake_deficit_tight_over"]),
    "aslr_score": ("above", DEFAULT_CUTOFFS["aslr_positive_over"]),
    **{code: ("below", reference.low) for code, reference in REFERENCES.items()},
}
# Synthetic spreads, as fractions of an item's catalogue range: how far past its threshold
# a marked problem lies, and how far inside it a normal value may fall.
ABNORMAL_SPREAD, NORMAL_SPREAD = 0.25, 0.12
# Oxford grades by how much of its severity a weakness still has (catalogue.OXFORD).
GRADES = ((0.75, "3+"), (0.5, "4-"), (0.25, "4"), (0.0, "4+"))
# A sign (positive test, yes) shows while at least this much of the severity is left.
SIGN_SHOWS_OVER = 0.3
NORMAL_CHOICE = {"positive": "negative", "yes": "no"}

# Problem -> its signs: ("number", item), ("grade", item) or ("choice", item, abnormal value).
PROBLEMS: dict[str, tuple[tuple[str, ...], ...]] = {
    "hip_flexors": (("number", "thomas_hip_angle"),),
    "rectus_femoris": (("number", "thomas_knee_angle"),),
    "tfl_itb": (("number", "thomas_abduction"), ("choice", "ober", "positive")),
    "hamstrings": (("number", "slr_angle"), ("number", "ake_deficit")),
    "piriformis": (("choice", "fair", "positive"), ("number", "hip_internal_rotation")),
    "adductors": (("number", "hip_abduction"),),
    "hip_extension": (("number", "hip_extension"),),
    "sij": (("number", "aslr_score"),),
    "weak_glute_max": (("grade", "strength_glute_max"),),
    "weak_glute_med": (
        ("grade", "strength_glute_med"),
        ("choice", "trendelenburg", "positive"),
        ("choice", "sls_pelvic_drop", "yes"),
    ),
    "weak_core": (("grade", "strength_deep_abdominals"),),
    "lumbar_extension": (
        ("choice", "prone_hip_ext_lumbar", "yes"),
        ("choice", "sls_lumbar_extension", "yes"),
    ),
    "lumbar_flexion": (("choice", "forward_bend_hips_stiff", "yes"),),
    "knee_valgus": (("choice", "sls_knee_inward", "yes"),),
}
# Recorded at every visit whatever the problems (copy-forward carries them), as normal
# values unless a problem makes them abnormal.
ROUTINE = (
    "thomas_hip_angle", "thomas_knee_angle", "thomas_abduction", "hip_flexion",
    "hip_extension", "hip_internal_rotation", "hip_external_rotation", "slr_angle",
    "strength_glute_max", "strength_glute_med", "trendelenburg",
)  # fmt: skip
PSFS_ACTIVITIES = (
    "Sitting through a working day", "Running 5 km", "Getting up from the sofa",
    "Gardening for an hour", "Driving for two hours", "Lifting a child",
    "Standing at work all shift", "Cycling to work", "Putting on socks",
)  # fmt: skip


@dataclass(frozen=True)
class Profile:
    problems: tuple[tuple[str, str, float], ...]  # (problem, side, severity 0-1)
    extra: tuple[str, ...]  # other problems' items recorded, as normal values
    resolve_by: int  # the stage at which every problem has eased
    pain: int  # NPRS at the first visit
    sitting: bool  # worse with sitting (a desk or driving job)
    red_flag: str  # a red-flag code answered yes at the first visit, or ""
    psfs: tuple[str, ...]
    seed: int


def make_profile(rng: random.Random, *, red_flag_share: float = 0.04) -> Profile:
    """A client's presentation: two to four problems, one or both sides, some severity."""
    names = rng.sample(sorted(PROBLEMS), rng.randint(2, 4))
    problems = tuple(
        (name, rng.choice(("left", "right", "both")), round(rng.uniform(0.3, 1.0), 2))
        for name in names
    )
    others = sorted(set(PROBLEMS) - set(names))
    red_flag = rng.choice(RED_FLAGS)[0] if rng.random() < red_flag_share else ""
    return Profile(
        problems=problems,
        extra=tuple(rng.sample(others, 2)),
        resolve_by=rng.randint(4, 10),
        pain=rng.randint(3, 8),
        sitting=rng.random() < 0.5,
        red_flag=red_flag,
        psfs=tuple(rng.sample(PSFS_ACTIVITIES, 3)),
        seed=rng.randrange(2**32),
    )


def _clamped(code: str, number: float) -> Decimal:
    item = ITEMS[code]
    low, high = float(item.minimum or 0), float(item.maximum or 0)
    bounded = min(max(number, low), high)
    return Decimal(str(round(bounded, item.decimals))).normalize() + Decimal(0)


def _number(rng: random.Random, code: str, excess: float) -> Decimal:
    """Past the item's threshold by `excess` of the spread, or a normal value when 0."""
    item = ITEMS[code]
    span = float(item.maximum or 0) - float(item.minimum or 0)
    direction, threshold = LIMITS[code]
    if excess > 0:
        offset = 1 + excess * ABNORMAL_SPREAD * span  # beyond, by at least one unit
    else:
        offset = -(1 + rng.random() * NORMAL_SPREAD * span)
    return _clamped(code, threshold + offset if direction == "above" else threshold - offset)


def _grade(excess: float) -> str:
    return next((grade for floor, grade in GRADES if excess > floor), "5")


def _sign(rng: random.Random, sign: tuple[str, ...], excess: float) -> Value:
    kind, code = sign[0], sign[1]
    if kind == "number":
        return _number(rng, code, excess)
    if kind == "grade":
        return _grade(excess)
    return sign[2] if excess > SIGN_SHOWS_OVER else NORMAL_CHOICE[sign[2]]


def _sides(code: str, side: str) -> tuple[str, ...]:
    if not ITEMS[code].sided:
        return ("",)
    return ("left", "right") if side == "both" else (side,)


def _problem_signs(profile: Profile, stage: int, rng: random.Random) -> dict[Key, Value]:
    values: dict[Key, Value] = {}
    fade = max(0.0, 1 - stage / profile.resolve_by)
    for name, side, severity in profile.problems:
        for sign in PROBLEMS[name]:
            for where in _sides(sign[1], side):
                values[(sign[1], where)] = _sign(rng, sign, severity * fade)
    return values


def _routine(profile: Profile, rng: random.Random, values: dict[Key, Value]) -> None:
    """Normal values for every routine or extra item the problems left unrecorded."""
    signs = {(sign[1], sign) for name in profile.extra for sign in PROBLEMS[name]}
    signs |= {(code, _routine_sign(code)) for code in ROUTINE}
    for code, sign in sorted(signs):
        for side in ITEMS[code].sides:
            values.setdefault((code, str(side)), _sign(rng, sign, 0.0))


def _routine_sign(code: str) -> tuple[str, ...]:
    for signs in PROBLEMS.values():
        for sign in signs:
            if sign[1] == code:
                return sign
    return ("number", code)


def _subjective(profile: Profile, stage: int, rng: random.Random) -> dict[Key, Value]:
    ease = max(0.0, 1 - stage / (profile.resolve_by + 2))
    now = round(profile.pain * ease)
    hours = (7, 11) if profile.sitting else (1, 6)  # a desk or driving job, or not
    values: dict[Key, Value] = {
        ("pain_now", ""): Decimal(now),
        ("pain_worst_24h", ""): Decimal(min(10, now + rng.randint(1, 3))),
        ("pain_site_low_back", ""): rng.choice(("central", "left", "right", "both")),
        ("agg_sitting", ""): "yes" if profile.sitting and ease > 0.2 else "no",
        ("agg_bending", ""): rng.choice(("yes", "no")),
        ("agg_standing", ""): rng.choice(("yes", "no")),
        ("sitting_hours", ""): _clamped("sitting_hours", rng.uniform(*hours)),
        ("rom_instrument", ""): "goniometer",
        ("hip_rotation_position", ""): "prone",
        ("pelvic_tilt_instrument", ""): "inclinometer",
        ("pelvic_tilt_direction", ""): rng.choice(("anterior", "anterior", "neutral")),
        ("pelvic_tilt_deg", ""): _clamped("pelvic_tilt_deg", rng.uniform(4, 18)),
        ("lumbar_lordosis", ""): rng.choice(("normal", "normal", "increased")),
    }
    for code, _, _ in RED_FLAGS:
        values[(code, "")] = "yes" if stage == 0 and code == profile.red_flag else "no"
    return values


def _outcomes(profile: Profile, stage: int, rng: random.Random) -> dict[Key, Value]:
    values: dict[Key, Value] = {}
    for n, activity in enumerate(profile.psfs, start=1):
        values[(f"psfs_activity_{n}", "")] = activity
        values[(f"psfs_score_{n}", "")] = Decimal(min(10, rng.randint(2, 5) + stage))
    if stage % 4 == 0:  # STarT Back at the first visit and every fourth
        total = min(9, max(0, profile.pain - stage + rng.randint(-2, 2)))
        values[("startback_total", "")] = Decimal(total)
        values[("startback_distress", "")] = Decimal(min(5, total, rng.randint(0, 4)))
    if stage % 6 == 0:  # Oswestry at the first visit and every sixth; total = sum x 2
        sections = [min(5, max(0, profile.pain // 2 - stage // 3 + rng.randint(-1, 1)))
                    for _ in range(10)]  # fmt: skip
        for n, score in enumerate(sections, start=1):
            values[(f"odi_section_{n}", "")] = Decimal(score)
        values[("odi_percent", "")] = Decimal(sum(sections) * 2)
    return values


def visit_values(profile: Profile, stage: int) -> dict[Key, Value]:
    """Everything recorded at the profile's `stage`-th visit (0 is the first)."""
    rng = generator(profile.seed, stage)
    values = _subjective(profile, stage, rng)
    values.update(_problem_signs(profile, stage, rng))
    _routine(profile, rng, values)
    values.update(_outcomes(profile, stage, rng))
    return values

"""The red-flag rules: the screen's answers by group, and the nerve-root signs
(docs/findings.md). Pure: no Django. A red flag's evidence carries its referral level
(EMERGENCY, URGENT or ROUTINE, docs/clinical.md "Referral levels") in place of a severity;
the finding takes the highest level of its evidence.
"""

from collections.abc import Callable

from assessments.body_chart.below_knee import below_knee_detail, below_knee_side
from assessments.catalogue.items import RED_FLAGS
from assessments.findings.evidence import SIDES, Cutoffs, Evidence, Rule, deg
from assessments.values import AssessmentValues

# docs/clinical.md "Referral levels": same day, within days, see a doctor soon. Lowest first.
ROUTINE, URGENT, EMERGENCY = "routine", "urgent", "emergency"
URGENCIES = (ROUTINE, URGENT, EMERGENCY)
Level = Callable[[frozenset[str]], str]


def _cauda_equina(yes: frozenset[str]) -> str:
    return EMERGENCY  # BASS 2018: same day


def _cancer(yes: frozenset[str]) -> str:
    # "No improvement after a month" alone is the routine level (symptoms not improving after a
    # month of care); with any other cancer answer it is urgent (docs/clinical.md).
    return ROUTINE if yes == {"rf_no_improvement"} else URGENT


def _infection(yes: frozenset[str]) -> str:
    # Systemic illness: fever with immunosuppression or IV drug use is the same day
    # (docs/clinical.md "Referral levels": level UNCONFIRMED); any other answer urgent.
    systemic = "rf_fever" in yes and bool(yes & {"rf_immunosuppression", "rf_iv_drugs"})
    return EMERGENCY if systemic else URGENT


def _neurological(yes: frozenset[str]) -> str:
    # A progressive deficit is the same day; nerve-root pain without it is urgent (UNCONFIRMED).
    return EMERGENCY if "rf_progressive_neuro" in yes else URGENT


def _fracture(yes: frozenset[str]) -> str:
    return URGENT


LEVELS: dict[str, Level] = {
    "cauda_equina": _cauda_equina,
    "cancer": _cancer,
    "infection": _infection,
    "fracture": _fracture,
    "neurological": _neurological,
}


def _screen(group: str) -> Rule:
    def rule(values: AssessmentValues, cutoffs: Cutoffs) -> list[Evidence]:
        answers = [(code, label) for code, label, g in RED_FLAGS if g == group]
        yes = [(code, label) for code, label in answers if values.is_yes(code)]
        if not yes:
            return []
        answered = ", ".join(label[0].lower() + label[1:] for _, label in yes)
        level = LEVELS[group](frozenset(code for code, _ in yes))
        return [Evidence("Red-flag screen answered yes", "", level, answered)]

    return rule


def nerve_root_sides(values: AssessmentValues, cutoffs: Cutoffs) -> list[tuple[str, float]]:
    """(side, SLR angle) where SLR reproduced below-knee pain in the nerve-root range."""
    low, high = cutoffs["slr_nerve_root_low"], cutoffs["slr_nerve_root_high"]
    found = []
    for side in SIDES:
        angle = values.number("slr_angle", side)
        pain = values.is_yes("slr_below_knee_pain", side)
        if pain and angle is not None and low <= angle <= high:  # inclusive (docs/clinical.md)
            found.append((side, angle))
    return found


def _nerve_root(values: AssessmentValues, cutoffs: Cutoffs) -> list[Evidence]:
    found = _screen("neurological")(values, cutoffs)
    low, high = cutoffs["slr_nerve_root_low"], cutoffs["slr_nerve_root_high"]
    what = f"SLR reproduces pain below the knee at {low:g}-{deg(high)} (nerve-root sign)"
    for side, angle in nerve_root_sides(values, cutoffs):
        found.append(Evidence(what, side, URGENT, deg(angle)))
    # The pain-site item and the body chart are equal inputs (docs/findings.md).
    below = below_knee_side(values)
    if below is not None:
        detail = below_knee_detail(values)
        found.append(Evidence("Pain radiating below the knee", below, URGENT, detail))
    return found


RED_FLAG_RULES: dict[str, Rule] = {
    "red_flag_cauda_equina": _screen("cauda_equina"),
    "red_flag_cancer": _screen("cancer"),
    "red_flag_infection": _screen("infection"),
    "red_flag_fracture": _screen("fracture"),
    "red_flag_neurological": _nerve_root,
}

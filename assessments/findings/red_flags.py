"""The red-flag rules: the screen's answers by group, and the nerve-root signs
(docs/findings.md). Pure: no Django. Red flags carry no severity: urgency comes with the
finding."""

from assessments.body_chart.below_knee import below_knee_detail, below_knee_side
from assessments.catalogue.items import RED_FLAGS
from assessments.findings.rules import SIDES, Cutoffs, Evidence, Rule, deg
from assessments.values import AssessmentValues


def _screen(group: str) -> Rule:
    def rule(values: AssessmentValues, cutoffs: Cutoffs) -> list[Evidence]:
        yes = [label for code, label, g in RED_FLAGS if g == group and values.is_yes(code)]
        if not yes:
            return []
        answered = ", ".join(label[0].lower() + label[1:] for label in yes)
        return [Evidence("Red-flag screen answered yes", "", "", answered)]

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


def _neurological(values: AssessmentValues, cutoffs: Cutoffs) -> list[Evidence]:
    found = _screen("neurological")(values, cutoffs)
    low, high = cutoffs["slr_nerve_root_low"], cutoffs["slr_nerve_root_high"]
    what = f"SLR reproduces pain below the knee at {low:g}-{deg(high)} (nerve-root sign)"
    for side, angle in nerve_root_sides(values, cutoffs):
        found.append(Evidence(what, side, "", deg(angle)))
    # The pain-site item and the body chart are equal inputs (docs/findings.md).
    below = below_knee_side(values)
    if below is not None:
        detail = below_knee_detail(values)
        found.append(Evidence("Pain radiating below the knee", below, "", detail))
    return found


RED_FLAG_RULES: dict[str, Rule] = {
    "red_flag_cauda_equina": _screen("cauda_equina"),
    "red_flag_cancer": _screen("cancer"),
    "red_flag_infection": _screen("infection"),
    "red_flag_fracture": _screen("fracture"),
    "red_flag_neurological": _neurological,
}

"""The rules behind each finding code: values + cut-offs -> pieces of Evidence.

Pure: no Django. One rule per finding code; `findings.interpret` runs them in the order of
RED_FLAG_RULES (findings/red_flags.py) then RULES and turns each rule's evidence into
findings (one, or one per side when the sides differ in severity). Every threshold comes
from the cut-offs (norms.DEFAULT_CUTOFFS and the clinic's overrides); triggers, side and
severity rules are documented in docs/findings.md.

Measurement error (docs/clinical.md "Measurement error"): an angle within one measurement
error (side_difference_deg, 7 deg: goniometer SEM about 7 deg, side difference 5-7 deg) of its
cut-off or reference range is not a finding, and neither is a left-right difference of up to
that much. Severity bands ("how far beyond the cut-off"):
- degrees: beyond one measurement error and up to two is mild, up to three is moderate,
  beyond three is marked (the same for a side difference); a clinic's anterior-tilt
  threshold has no margin (up to one error beyond is mild, two moderate);
- Oxford grades: one grade below normal (or the stronger side) is mild, two is moderate
  (3 = just against gravity), more is marked;
- Active SLR: the points above the cut-off, in thirds of the rest of the 0-5 scale;
- a yes/positive sign with no magnitude is moderate (the middle band).
"""

from assessments.catalogue.items import ITEMS
from assessments.findings.evidence import (
    MODERATE,
    SIDES,
    Cutoffs,
    Evidence,
    Rule,
    above,
    band,
    beyond_error,
    deg,
    error_of,
    scale_top,
    sign,
    signs,
)
from assessments.norms import compare
from assessments.outcomes import HIGH, startback
from assessments.values import AssessmentValues

# ---- red flags (docs/clinical.md "Red flags") ----


# ---- posture ----


def _tilt_detail(values: AssessmentValues) -> str:
    tilt = values.number("pelvic_tilt_deg")
    if tilt is None:
        return ""
    instrument = values.choice("pelvic_tilt_instrument")
    label = ITEMS["pelvic_tilt_instrument"].choice_label(instrument) if instrument else ""
    return f"{deg(tilt)} ({label.lower()})" if label else deg(tilt)


def _anterior_tilt(values: AssessmentValues, cutoffs: Cutoffs) -> list[Evidence]:
    found = sign(values, "lumbar_lordosis", "increased", "Lumbar lordosis increased")
    threshold = cutoffs.get("pelvic_tilt_anterior_max")  # optional: no default (norms)
    tilt = values.number("pelvic_tilt_deg")
    if threshold is None or tilt is None or values.choice("pelvic_tilt_direction") != "anterior":
        return found
    if tilt > threshold:
        what = f"Anterior pelvic tilt above the clinic threshold of {deg(threshold)}"
        severity = band(tilt - threshold, error_of(cutoffs))
        found.append(Evidence(what, "", severity, _tilt_detail(values)))
    return found


def _posterior_tilt(values: AssessmentValues, cutoffs: Cutoffs) -> list[Evidence]:
    found = sign(values, "lumbar_lordosis", "decreased", "Lumbar lordosis decreased")
    if values.choice("pelvic_tilt_direction") == "posterior":
        found.append(Evidence("Posterior pelvic tilt", "", MODERATE, _tilt_detail(values)))
    return found


# ---- muscle length (Thomas test, SLR, AKE, Ober, FAIR) ----


def _hip_flexors(values: AssessmentValues, cutoffs: Cutoffs) -> list[Evidence]:
    cut = cutoffs["thomas_hip_angle_max"]
    found = above(
        values, "thomas_hip_angle", cut, f"Thomas hip angle above {deg(cut)}", error_of(cutoffs)
    )
    return [
        Evidence(e.what, e.side, e.severity, f"{e.detail} (pelvis not controlled)", e.amount)
        if values.choice("thomas_pelvis_controlled", e.side) == "no"
        else e
        for e in found
    ]


def _rectus_femoris(values: AssessmentValues, cutoffs: Cutoffs) -> list[Evidence]:
    cut, found = cutoffs["thomas_knee_angle_min"], []
    for side in SIDES:
        angle = values.number("thomas_knee_angle", side)
        severity = None if angle is None else beyond_error(cut - angle, error_of(cutoffs))
        if angle is not None and severity is not None:
            what = f"Thomas knee angle below {deg(cut)}"
            found.append(Evidence(what, side, severity, deg(angle), cut - angle))
    return found


def _tfl_itb(values: AssessmentValues, cutoffs: Cutoffs) -> list[Evidence]:
    cut = cutoffs["thomas_abduction_max"]
    what = f"Thomas thigh abduction above {deg(cut)}"
    found = above(values, "thomas_abduction", cut, what, error_of(cutoffs))
    return found + signs(values, "ober", "positive", "Ober positive")


def _hamstrings(values: AssessmentValues, cutoffs: Cutoffs) -> list[Evidence]:
    cut, found = cutoffs["slr_reduced_below"], []
    for side in SIDES:
        angle = values.number("slr_angle", side)
        pain = values.choice("slr_below_knee_pain", side)
        # docs/clinical.md "Muscle length tests": below-knee pain is nerve-root reasoning, not
        # tightness; do not prescribe hamstring stretching for it.
        severity = None if angle is None else beyond_error(cut - angle, error_of(cutoffs))
        if angle is None or severity is None or pain == "yes":
            continue
        detail = deg(angle) if pain == "no" else f"{deg(angle)} (below-knee pain not recorded)"
        found.append(Evidence(f"SLR below {deg(cut)}", side, severity, detail, cut - angle))
    over = cutoffs["ake_deficit_tight_over"]
    what = f"90/90 knee extension deficit over {deg(over)}"
    return found + above(values, "ake_deficit", over, what, error_of(cutoffs))


def _piriformis(values: AssessmentValues, cutoffs: Cutoffs) -> list[Evidence]:
    return signs(values, "fair", "positive", "FAIR positive")


# ---- range of motion (norms.compare: below the reference, or sides differ) ----


def _limited(code: str) -> Rule:
    label = ITEMS[code].label

    def rule(values: AssessmentValues, cutoffs: Cutoffs) -> list[Evidence]:
        comparison = compare(code, values, cutoffs)
        if comparison is None:
            return []
        err, found = error_of(cutoffs), []
        for value in comparison.sides:
            if value.reference is None:
                continue
            # Below the range by more than measurement error (docs/clinical.md).
            severity = beyond_error(value.reference.low - value.value, err)
            if severity is not None:
                what = f"{label} below the {value.reference.text('°')} range"
                detail = f"{deg(value.value)} ({value.percent}%)"
                excess = value.reference.low - value.value
                found.append(Evidence(what, value.side, severity, detail, excess))
        if comparison.difference_exceeds and comparison.difference is not None:
            limited, other = sorted(comparison.sides, key=lambda v: (v.value, v.side))
            what = f"{label} sides differ by {deg(comparison.difference)} (over {deg(err)})"
            severity = band(comparison.difference - err, err)
            detail = f"{deg(limited.value)} vs {deg(other.value)} on the {other.side}"
            found.append(Evidence(what, limited.side, severity, detail))
        return found

    return rule


# ---- special tests ----


def _sij(values: AssessmentValues, cutoffs: Cutoffs) -> list[Evidence]:
    cut, found = cutoffs["aslr_positive_over"], []
    top = scale_top("aslr_score")
    for side in SIDES:
        score = values.number("aslr_score", side)
        if score is not None and score > cut:
            what = f"Active SLR score above {cut:g} (positive)"
            severity = band(score - cut, (top - cut) / 3)
            found.append(Evidence(what, side, severity, f"{score:g}/{top:g}"))
    return found + _faber(values, "posterior", "FABER positive with back/SIJ pain")


def _faber(values: AssessmentValues, site: str, what: str) -> list[Evidence]:
    return [
        Evidence(what, side, MODERATE)
        for side in SIDES
        if values.choice("faber", side) == "positive"
        and values.choice("faber_pain_site", side) == site
    ]


def _hip_joint(values: AssessmentValues, cutoffs: Cutoffs) -> list[Evidence]:
    found = _faber(values, "groin", "FABER positive with groin pain")
    return found + signs(values, "fadir", "positive", "FADIR positive (procedure unconfirmed)")


def _hip_arthritis(values: AssessmentValues, cutoffs: Cutoffs) -> list[Evidence]:
    # docs/clinical.md "History, activity and sleep": a diagnosed hip joint problem; the side
    # is the answer (left, right or both hips).
    side = values.choice("hip_arthritis")
    if side not in ("left", "right", "both"):
        return []
    return [Evidence("Hip arthritis diagnosed", side, MODERATE)]


# ---- strength (Oxford grades) ----


def _weak(muscle: str) -> Rule:
    code = f"strength_{muscle}"
    label = ITEMS[code].label

    def rule(values: AssessmentValues, cutoffs: Cutoffs) -> list[Evidence]:
        normal, step = cutoffs["oxford_normal"], cutoffs["oxford_side_difference"]
        grades = {side: values.oxford(code, side) for side in SIDES}
        found, flagged = [], set()
        for side, grade in grades.items():
            if grade is not None and grade < normal:
                what = f"{label} Oxford grade below {normal:g}"
                found.append(
                    Evidence(what, side, band(normal - grade, 1), values.text(code, side))
                )
                flagged.add(side)
        left, right = grades["left"], grades["right"]
        if left is not None and right is not None and round(abs(left - right), 2) >= step:
            weaker, other = ("left", "right") if left < right else ("right", "left")
            if weaker not in flagged:  # already reported against the normal grade
                what = f"{label} weaker than the other side by {step:g} grade or more"
                detail = (
                    f"{values.text(code, weaker)} vs {values.text(code, other)} on the {other}"
                )
                found.append(Evidence(what, weaker, band(abs(left - right), 1), detail))
        return found

    return rule


def _weak_glute_med(values: AssessmentValues, cutoffs: Cutoffs) -> list[Evidence]:
    # docs/clinical.md "Movement and compensation": Trendelenburg sign and pelvic drop mean a weak
    # stance-side gluteus medius, so they are folded into this finding (docs/findings.md).
    return (
        _weak("glute_med")(values, cutoffs)
        + signs(values, "trendelenburg", "positive", "Trendelenburg sign positive (stance leg)")
        + signs(values, "sls_pelvic_drop", "yes", "Single-leg squat pelvic drop (stance leg)")
        + sign(values, "gait_trendelenburg", "yes", "Trendelenburg gait")
    )


# ---- movement, lifestyle, psychosocial ----


def _lumbar_extension(values: AssessmentValues, cutoffs: Cutoffs) -> list[Evidence]:
    return signs(
        values, "prone_hip_ext_lumbar", "yes", "Prone hip extension with lumbar substitution"
    ) + signs(values, "sls_lumbar_extension", "yes", "Single-leg squat with lumbar extension")


def _lumbar_flexion(values: AssessmentValues, cutoffs: Cutoffs) -> list[Evidence]:
    return sign(values, "forward_bend_hips_stiff", "yes", "Forward bend: back bends, hips stiff")


def _knee_valgus(values: AssessmentValues, cutoffs: Cutoffs) -> list[Evidence]:
    return signs(values, "sls_knee_inward", "yes", "Single-leg squat knee moves inward")


def _hip_hiking(values: AssessmentValues, cutoffs: Cutoffs) -> list[Evidence]:
    return sign(values, "gait_hip_hiking", "yes", "Hip hiking in gait")


def _sitting(values: AssessmentValues, cutoffs: Cutoffs) -> list[Evidence]:
    if not values.is_yes("agg_sitting"):
        return []
    hours = values.number("sitting_hours")
    detail = "sitting hours not recorded" if hours is None else f"sits {hours:g} h a day"
    return [Evidence("Worse with sitting", "", MODERATE, detail)]


def _standing(values: AssessmentValues, cutoffs: Cutoffs) -> list[Evidence]:
    return sign(values, "agg_standing", "yes", "Worse with standing")


def _stiff_after_rest(values: AssessmentValues, cutoffs: Cutoffs) -> list[Evidence]:
    return sign(values, "stiff_after_rest", "yes", "Stiff after rest or inactivity")


def _straighten(values: AssessmentValues, cutoffs: Cutoffs) -> list[Evidence]:
    what = "Hard to stand up straight after sitting"
    return sign(values, "straighten_after_sitting", "yes", what)


# docs/clinical.md "The presentation" (lifestyle row): cycling and running are repetitive
# hip-flexion sports.
HIP_FLEXION_SPORTS = frozenset({"cycling", "running"})


def _hip_flexion_sport(values: AssessmentValues, cutoffs: Cutoffs) -> list[Evidence]:
    sport = values.choice("sport")
    hours = values.number("training_hours")
    if sport not in HIP_FLEXION_SPORTS or hours == 0:
        return []
    label = ITEMS["sport"].choice_label(sport)
    detail = "hours not recorded" if hours is None else f"{hours:g} h a week"
    return [Evidence(f"{label}, a repetitive hip-flexion sport", "", MODERATE, detail)]


# docs/clinical.md "History, activity and sleep": stomach sleeping arches the lumbar spine (seed
# texts: avoid it); lying curled with the knees drawn up keeps the hips bent all night (our
# reading, unconfirmed).
SLEEP_STRAIN = {
    "front": "Sleeps on the front (stomach)",
    "curled": "Sleeps curled, knees drawn up",
}


def _sleep_posture(values: AssessmentValues, cutoffs: Cutoffs) -> list[Evidence]:
    position = values.choice("sleep_position")
    if position not in SLEEP_STRAIN:
        return []
    parts = [
        f"{ITEMS[code].label.lower()}: {ITEMS[code].choice_label(answer).lower()}"
        for code in ("sleep_pillow", "mattress")
        if (answer := values.choice(code)) is not None
    ]
    return [Evidence(SLEEP_STRAIN[position], "", MODERATE, "; ".join(parts))]


def _flare_up(values: AssessmentValues, cutoffs: Cutoffs) -> list[Evidence]:
    if not values.is_yes("flare_up"):
        return []
    days = values.number("flare_up_days")
    detail = "start not recorded" if days is None else f"began {days:g} days ago"
    return [Evidence("Recent flare-up", "", MODERATE, detail)]


def _psychosocial(values: AssessmentValues, cutoffs: Cutoffs) -> list[Evidence]:
    score = startback(values)  # the nine answers, or the totals typed from the form
    if score is None or score.group != HIGH or score.psychosocial is None:
        return []
    top, subscale_top = scale_top("startback_total"), scale_top("startback_distress")
    shown = "not entered" if score.total is None else f"{score.total}/{top:g}"
    detail = f"total {shown}, psychosocial {score.psychosocial}/{subscale_top:g}"
    return [Evidence("STarT Back high risk", "", MODERATE, detail)]


RULES: dict[str, Rule] = {
    "anterior_pelvic_tilt": _anterior_tilt,
    "posterior_pelvic_tilt": _posterior_tilt,
    "tight_hip_flexors_one_joint": _hip_flexors,
    "tight_rectus_femoris": _rectus_femoris,
    "tight_tfl_itb": _tfl_itb,
    "tight_hamstrings": _hamstrings,
    "tight_piriformis": _piriformis,
    "tight_adductors": _limited("hip_abduction"),
    "limited_hip_flexion": _limited("hip_flexion"),
    "limited_hip_extension": _limited("hip_extension"),
    "limited_hip_internal_rotation": _limited("hip_internal_rotation"),
    "limited_hip_external_rotation": _limited("hip_external_rotation"),
    "sij_load_transfer": _sij,
    "hip_joint_suspected": _hip_joint,
    "hip_arthritis_history": _hip_arthritis,
    "weak_glute_max": _weak("glute_max"),
    "weak_glute_med": _weak_glute_med,
    "weak_iliopsoas": _weak("iliopsoas"),
    "weak_hamstrings": _weak("hamstrings"),
    "weak_deep_core": _weak("deep_abdominals"),
    "weak_back_extensors": _weak("back_extensors"),
    "lumbar_extension_compensation": _lumbar_extension,
    "lumbar_flexion_compensation": _lumbar_flexion,
    "knee_valgus": _knee_valgus,
    "hip_hiking": _hip_hiking,
    "prolonged_sitting": _sitting,
    "prolonged_standing": _standing,
    "stiffness_after_rest": _stiff_after_rest,
    "stiff_straightening_after_sitting": _straighten,
    "hip_flexion_sport": _hip_flexion_sport,
    "sleep_posture": _sleep_posture,
    "flare_up": _flare_up,
    "psychosocial_risk_high": _psychosocial,
}

"""Palpation findings: one code per muscle, from tone, tenderness and trigger points.

Pure: no Django. docs/clinical.md "Palpation": palpation reliability is modest, so these are
supporting evidence for the therapist, never a sole reason. They have no client sentence
(the handout never shows them) and no plan rule of their own: the plan rules only let one
strengthen a suggestion a measured finding of the same muscle made
(plans/rules/palpation.py PALPATION_SUPPORT; docs/rules.md "Palpation"). Triggers and
severity: docs/findings.md "Palpation findings".

Per side: tenderness 1 is mild, 2 moderate, 3 marked; increased tone alone is mild; a
trigger point is mild, one that reproduces the client's familiar pain moderate. Decreased
tone is recorded and compared but is no finding: nothing in docs/clinical.md reads it.
"""

from assessments.catalogue.items import PALPATION_MUSCLES, palpation_code
from assessments.findings.evidence import MARKED, MILD, MODERATE, SIDES, Cutoffs, Evidence, Rule
from assessments.values import AssessmentValues

TENDER_SEVERITY = {"1": MILD, "2": MODERATE, "3": MARKED}
TENDER_WORD = {"1": "mild", "2": "moderate", "3": "severe"}
TRIGGER_WHAT = {
    "present": ("trigger point", MILD),
    "familiar": ("trigger point reproducing familiar pain", MODERATE),
}


def finding_code(muscle: str) -> str:
    """The finding code of one muscle's palpation: palpation_piriformis."""
    return f"palpation_{muscle}"


def _palpated(muscle: str) -> Rule:
    tone, tender = palpation_code(muscle, "tone"), palpation_code(muscle, "tender")
    trigger, referral = palpation_code(muscle, "trigger"), palpation_code(muscle, "referral")

    def rule(values: AssessmentValues, cutoffs: Cutoffs) -> list[Evidence]:
        found: list[Evidence] = []
        for side in SIDES:
            grade = values.choice(tender, side)
            if grade in TENDER_SEVERITY:
                found.append(Evidence("tender", side, TENDER_SEVERITY[grade], TENDER_WORD[grade]))
        found += [
            Evidence("increased tone", side, MILD)
            for side in SIDES
            if values.choice(tone, side) == "increased"
        ]
        # The referral is one text per muscle: it goes with each side's trigger point.
        refers = values.text(referral)
        detail = f"(refers to {refers})" if refers else ""
        for side in SIDES:
            point = values.choice(trigger, side)
            if point in TRIGGER_WHAT:
                what, severity = TRIGGER_WHAT[point]
                found.append(Evidence(what, side, severity, detail))
        return found

    return rule


PALPATION_RULES: dict[str, Rule] = {
    finding_code(muscle): _palpated(muscle) for muscle, _ in PALPATION_MUSCLES
}
PALPATION_TITLES: dict[str, str] = {
    finding_code(muscle): f"{label} on palpation" for muscle, label in PALPATION_MUSCLES
}

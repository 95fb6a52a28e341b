"""Turn one assessment's values into normalised Findings: the only thing plan rules see.

Pure: no Django, no database. `interpret` is deterministic: red flags first (cauda equina,
cancer, infection, fracture, neurological), then the ordinary findings in FINDING_ORDER.
Each code appears at most once: evidence from both sides merges into side "both" with the
worse severity, and evidence that names no side (for example gait) leaves the side to the
sided evidence, or "none" when there is none. A value that was not recorded is "not tested":
it never produces a finding and is never read as normal. Codes, triggers and sources:
docs/findings.md; the rules: findings_rules.py; the words: findings_text.py.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from assessments.findings.rules import RED_FLAG_RULES, RULES, SEVERITIES, Evidence
from assessments.findings.text import NOTES, TITLES, client_text
from assessments.norms import DEFAULT_CUTOFFS
from assessments.values import AssessmentValues

RED_FLAG_ORDER: tuple[str, ...] = tuple(RED_FLAG_RULES)
FINDING_ORDER: tuple[str, ...] = tuple(RULES)
ALL_CODES: tuple[str, ...] = (*RED_FLAG_ORDER, *FINDING_ORDER)
# docs/clinical.md "Red flags": cauda equina is an EMERGENCY (same day); the others are urgent.
EMERGENCY_CODES = frozenset({"red_flag_cauda_equina"})
_SIDE_LABEL = {"left": "left", "right": "right", "both": "both sides", "": ""}


@dataclass(frozen=True)
class Finding:
    """One normalised finding; severity is mild/moderate/marked, or the urgency of a red flag."""

    code: str
    side: str  # "left" | "right" | "both" | "none"
    severity: str
    evidence: str  # clinical words for the therapist
    client_text: str  # one plain-language sentence for the client

    @property
    def is_red_flag(self) -> bool:
        return self.code.startswith("red_flag_")

    @property
    def urgency(self) -> str:
        """'emergency' for cauda equina, 'urgent' for other red flags, '' otherwise."""
        if not self.is_red_flag:
            return ""
        return "emergency" if self.code in EMERGENCY_CODES else "urgent"

    @property
    def title(self) -> str:
        return TITLES.get(self.code, self.code.replace("_", " ").capitalize())


def _merged_side(evidence: list[Evidence]) -> str:
    sides: set[str] = set()
    for piece in evidence:
        sides.update(("left", "right") if piece.side == "both" else {piece.side} - {""})
    if sides == {"left", "right"}:
        return "both"
    return sides.pop() if sides else "none"


def _evidence_text(code: str, evidence: list[Evidence]) -> str:
    """'SLR below 80°: left 70°, right 72°; 90/90 ...; <note>' (sources in rule order)."""
    groups: dict[str, list[str]] = {}
    for piece in evidence:
        part = " ".join(p for p in (_SIDE_LABEL[piece.side], piece.detail) if p)
        parts = groups.setdefault(piece.what, [])
        if part:
            parts.append(part)
    texts = [f"{what}: {', '.join(parts)}" if parts else what for what, parts in groups.items()]
    if code in NOTES:
        texts.append(NOTES[code])
    return "; ".join(texts)


def _finding(code: str, evidence: list[Evidence]) -> Finding:
    side = _merged_side(evidence)
    if code.startswith("red_flag_"):
        severity = "emergency" if code in EMERGENCY_CODES else "urgent"
    else:
        severity = max((piece.severity for piece in evidence), key=SEVERITIES.index)
    return Finding(code, side, severity, _evidence_text(code, evidence), client_text(code, side))


def interpret(values: AssessmentValues, cutoffs: Mapping[str, float]) -> list[Finding]:
    """Findings for one assessment: red flags first, then FINDING_ORDER; same input, same list.

    `cutoffs` normally comes from norms.cutoffs_for; any default it lacks is filled in.
    """
    merged = {**DEFAULT_CUTOFFS, **cutoffs}
    findings = []
    for code, rule in (*RED_FLAG_RULES.items(), *RULES.items()):
        evidence = rule(values, merged)
        if evidence:
            findings.append(_finding(code, evidence))
    return findings

"""Turn one assessment's values into normalised Findings: the only thing plan rules see.

Pure: no Django, no database. `interpret` is deterministic: red flags first (cauda equina,
cancer, infection, fracture, neurological), then the ordinary findings in FINDING_ORDER, then
the palpation findings (PALPATION_ORDER: supporting evidence for the therapist only, with no
client sentence and no plan rule of their own; findings/palpation.py).
Severity is kept per side: a code found on both sides with the same severity is one finding
on side "both"; with different severities it is two findings, "left" then "right", each with
its own severity and evidence, never a "both" that hides the milder side. Evidence that names
no side (for example gait) goes with every side and counts towards each side's severity; with
no sided evidence the side is "none". A value that was not recorded is "not tested": it never
produces a finding and is never read as normal. Codes, triggers and sources: docs/findings.md;
the rules: findings/rules.py; the words: findings/text.py.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from assessments.findings.palpation import PALPATION_RULES, PALPATION_TITLES
from assessments.findings.red_flags import RED_FLAG_RULES
from assessments.findings.rules import RULES, SEVERITIES, SIDES, Evidence
from assessments.findings.text import NOTES, TITLES, client_text
from assessments.norms import DEFAULT_CUTOFFS
from assessments.values import AssessmentValues

RED_FLAG_ORDER: tuple[str, ...] = tuple(RED_FLAG_RULES)
FINDING_ORDER: tuple[str, ...] = tuple(RULES)
PALPATION_ORDER: tuple[str, ...] = tuple(PALPATION_RULES)
ALL_CODES: tuple[str, ...] = (*RED_FLAG_ORDER, *FINDING_ORDER, *PALPATION_ORDER)
PALPATION_PREFIX = "palpation_"
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
    def is_palpation(self) -> bool:
        """Supporting evidence only: never on the handout, never a plan item on its own."""
        return self.code.startswith(PALPATION_PREFIX)

    @property
    def urgency(self) -> str:
        """'emergency' for cauda equina, 'urgent' for other red flags, '' otherwise."""
        if not self.is_red_flag:
            return ""
        return "emergency" if self.code in EMERGENCY_CODES else "urgent"

    @property
    def title(self) -> str:
        title = TITLES.get(self.code) or PALPATION_TITLES.get(self.code)
        return title or self.code.replace("_", " ").capitalize()


def _merged_side(evidence: list[Evidence]) -> str:
    sides: set[str] = set()
    for piece in evidence:
        sides.update(_covers(piece))
    if sides == {"left", "right"}:
        return "both"
    return sides.pop() if sides else "none"


def _covers(piece: Evidence) -> tuple[str, ...]:
    """The sides one piece of evidence is about: none for unsided evidence."""
    if piece.side == "both":
        return SIDES
    return (piece.side,) if piece.side in SIDES else ()


def _worst(evidence: list[Evidence]) -> str:
    return max((piece.severity for piece in evidence), key=SEVERITIES.index)


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


def _finding(code: str, side: str, severity: str, evidence: list[Evidence]) -> Finding:
    # Palpation findings are for the therapist: no client sentence (docs/findings.md).
    words = "" if code.startswith(PALPATION_PREFIX) else client_text(code, side)
    return Finding(code, side, severity, _evidence_text(code, evidence), words)


def _findings(code: str, evidence: list[Evidence]) -> list[Finding]:
    """One finding per code, or one per side when the two sides differ in severity."""
    if code.startswith("red_flag_"):
        urgency = "emergency" if code in EMERGENCY_CODES else "urgent"
        return [_finding(code, _merged_side(evidence), urgency, evidence)]
    per_side = {
        side: [piece for piece in evidence if side in _covers(piece) or not _covers(piece)]
        for side in SIDES
        if any(side in _covers(piece) for piece in evidence)
    }
    severities = {side: _worst(pieces) for side, pieces in per_side.items()}
    if len(set(severities.values())) > 1:  # left and right differ: one finding per side
        return [_finding(code, side, severities[side], per_side[side]) for side in SIDES]
    return [_finding(code, _merged_side(evidence), _worst(evidence), evidence)]


def interpret(values: AssessmentValues, cutoffs: Mapping[str, float]) -> list[Finding]:
    """Findings for one assessment: red flags, FINDING_ORDER, then PALPATION_ORDER; same input,
    same list.

    `cutoffs` normally comes from norms.cutoffs_for; any default it lacks is filled in.
    """
    merged = {**DEFAULT_CUTOFFS, **cutoffs}
    findings = []
    for code, rule in (*RED_FLAG_RULES.items(), *RULES.items(), *PALPATION_RULES.items()):
        evidence = rule(values, merged)
        if evidence:
            findings.extend(_findings(code, evidence))
    return findings

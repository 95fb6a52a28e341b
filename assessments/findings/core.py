"""Turn one assessment's values into normalised Findings: the only thing plan rules see.

Pure: no Django, no database. `interpret` is deterministic: red flags first (cauda equina,
cancer, infection, fracture, neurological), then the ordinary findings in FINDING_ORDER, then
the palpation findings (PALPATION_ORDER: supporting evidence for the therapist only, with no
client sentence and no plan rule of their own; findings/palpation.py).
Severity is kept per side: a code found on both sides with the same severity is one finding
on side "both"; with different severities it is two findings, "left" then "right", each with
its own severity and evidence, never a "both" that hides the milder side. Evidence that names
no side (for example gait) goes with every side and counts towards each side's severity; with
no sided evidence the side is "none". Two sides measured in degrees that differ by no more
than measurement error are not different: one finding on "both" whatever their bands; beyond
it, a "both" finding names the worse side (`worse_side`). A value that was not recorded is
"not tested": it never produces a finding and is never read as normal. Codes, triggers and
sources: docs/findings.md; the rules: findings/rules.py; the words: findings/text.py.
"""

from collections.abc import Mapping
from dataclasses import dataclass, replace

from assessments.findings.evidence import SEVERITIES, SIDES, Evidence
from assessments.findings.palpation import PALPATION_RULES, PALPATION_TITLES
from assessments.findings.red_flags import (
    EMERGENCY,
    RED_FLAG_RULES,
    ROUTINE,
    URGENCIES,
    URGENT,
)
from assessments.findings.rules import RULES
from assessments.findings.text import NOTES, TITLES, client_text
from assessments.norms import DEFAULT_CUTOFFS
from assessments.values import AssessmentValues

RED_FLAG_ORDER: tuple[str, ...] = tuple(RED_FLAG_RULES)
FINDING_ORDER: tuple[str, ...] = tuple(RULES)
PALPATION_ORDER: tuple[str, ...] = tuple(PALPATION_RULES)
ALL_CODES: tuple[str, ...] = (*RED_FLAG_ORDER, *FINDING_ORDER, *PALPATION_ORDER)
PALPATION_PREFIX = "palpation_"
# docs/clinical.md "Referral levels". A red flag's severity is its level (red_flags.LEVELS);
# one built without a level (a test's) is an emergency for cauda equina, else urgent.
EMERGENCY_CODES = frozenset({"red_flag_cauda_equina"})
# Ordinary findings that call for a routine referral ("see a doctor soon"): they never stop
# the plan. Suspected hip joint pathology (FABER groin pain, FADIR).
ROUTINE_CODES = frozenset({"hip_joint_suspected"})
STOPPING_URGENCIES = frozenset({URGENT, EMERGENCY})
# docs/clinical.md "Dosage defaults"/presentation table: sitting shortens the hip flexors, but
# not when their length was measured normal on both sides. muscle -> (item, finding code).
NORMAL_LENGTH: dict[str, tuple[str, str]] = {
    "hip_flexors": ("thomas_hip_angle", "tight_hip_flexors_one_joint"),
}
_NORMAL_WORDS = {"hip_flexors": "hip flexor length (Thomas) measured normal on both sides"}
_ROUTINE_NOTE = "routine: see a doctor soon; the home program can go ahead"
_SIDE_LABEL = {"left": "left", "right": "right", "both": "both sides", "": ""}


@dataclass(frozen=True)
class Finding:
    """One normalised finding; severity is mild/moderate/marked, or the urgency of a red flag."""

    code: str
    side: str  # "left" | "right" | "both" | "none"
    severity: str
    evidence: str  # clinical words for the therapist
    client_text: str  # one plain-language sentence for the client
    # On a "both" finding: the side measured beyond the other by more than measurement error.
    worse_side: str = ""
    # prolonged_sitting only: muscles whose length was measured normal (NORMAL_LENGTH).
    normal_length: tuple[str, ...] = ()

    @property
    def is_red_flag(self) -> bool:
        return self.code.startswith("red_flag_")

    @property
    def is_palpation(self) -> bool:
        """Supporting evidence only: never on the handout, never a plan item on its own."""
        return self.code.startswith(PALPATION_PREFIX)

    @property
    def urgency(self) -> str:
        """The referral level: 'emergency', 'urgent' or 'routine'; '' for no referral."""
        if not self.is_red_flag:
            return ROUTINE if self.code in ROUTINE_CODES else ""
        if self.severity in URGENCIES:
            return self.severity
        return EMERGENCY if self.code in EMERGENCY_CODES else URGENT

    @property
    def stops_plan(self) -> bool:
        """An emergency or urgent referral: no home program without an override reason."""
        return self.urgency in STOPPING_URGENCIES

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


def _evidence_text(code: str, evidence: list[Evidence], note: str = "") -> str:
    """'SLR below 80°: left 70°, right 72°; 90/90 ...; <note>' (sources in rule order)."""
    groups: dict[str, list[str]] = {}
    for piece in evidence:
        part = " ".join(p for p in (_SIDE_LABEL[piece.side], piece.detail) if p)
        parts = groups.setdefault(piece.what, [])
        if part:
            parts.append(part)
    texts = [f"{what}: {', '.join(parts)}" if parts else what for what, parts in groups.items()]
    note = note or NOTES.get(code, "")
    if note:
        texts.append(note)
    return "; ".join(texts)


def _finding(
    code: str, side: str, severity: str, evidence: list[Evidence], note: str = ""
) -> Finding:
    # Palpation findings are for the therapist: no client sentence (docs/findings.md).
    words = "" if code.startswith(PALPATION_PREFIX) else client_text(code, side)
    return Finding(code, side, severity, _evidence_text(code, evidence, note), words)


def _worse_side(evidence: list[Evidence], error: float) -> str | None:
    """From angles measured on both sides: the side beyond the other by more than `error`,
    '' when every such pair is within it, None when no angle was measured on both sides."""
    amounts: dict[str, dict[str, float]] = {}
    for piece in evidence:
        if piece.amount is not None and piece.side in SIDES:
            by_side = amounts.setdefault(piece.what, {})
            by_side[piece.side] = max(by_side.get(piece.side, piece.amount), piece.amount)
    gaps = [pair["left"] - pair["right"] for pair in amounts.values() if len(pair) == 2]
    if not gaps:
        return None
    biggest = max(gaps, key=abs)
    if abs(biggest) <= error:
        return ""
    return "left" if biggest > 0 else "right"


def _only_paired_angles(evidence: list[Evidence]) -> bool:
    """Every sided piece is an angle, and each angle was found on both sides."""
    sides: dict[str, set[str]] = {}
    for piece in evidence:
        if not _covers(piece):
            continue
        if piece.amount is None:
            return False
        sides.setdefault(piece.what, set()).update(_covers(piece))
    return all(found == set(SIDES) for found in sides.values())


def _findings(code: str, evidence: list[Evidence], error: float) -> list[Finding]:
    """One finding per code, or one per side when the two sides differ in severity by more
    than measurement error."""
    if code.startswith("red_flag_"):
        urgency = max((piece.severity for piece in evidence), key=URGENCIES.index)
        note = _ROUTINE_NOTE if urgency == ROUTINE else ""
        return [_finding(code, _merged_side(evidence), urgency, evidence, note)]
    per_side = {
        side: [piece for piece in evidence if side in _covers(piece) or not _covers(piece)]
        for side in SIDES
        if any(side in _covers(piece) for piece in evidence)
    }
    severities = {side: _worst(pieces) for side, pieces in per_side.items()}
    worse = _worse_side(evidence, error)
    # Bands that differ only because of angles within measurement error are not a difference.
    noise = worse == "" and _only_paired_angles(evidence)
    if len(set(severities.values())) > 1 and not noise:  # one finding per side
        return [_finding(code, side, severities[side], per_side[side]) for side in SIDES]
    found = _finding(code, _merged_side(evidence), _worst(evidence), evidence)
    return [replace(found, worse_side=worse) if found.side == "both" and worse else found]


def _with_normal_length(finding: Finding, values: AssessmentValues, codes: set[str]) -> Finding:
    """prolonged_sitting names the muscles measured normal on both sides (NORMAL_LENGTH)."""
    normal = tuple(
        muscle
        for muscle, (item, tight) in NORMAL_LENGTH.items()
        if tight not in codes and all(values.number(item, side) is not None for side in SIDES)
    )
    if not normal:
        return finding
    words = "; ".join(_NORMAL_WORDS[muscle] for muscle in normal)
    return replace(finding, normal_length=normal, evidence=f"{finding.evidence}; {words}")


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
            findings.extend(_findings(code, evidence, merged["side_difference_deg"]))
    codes = {f.code for f in findings}
    return [
        _with_normal_length(f, values, codes) if f.code == "prolonged_sitting" else f
        for f in findings
    ]

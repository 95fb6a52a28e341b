"""The rules engine: normalised Findings -> ranked, explained plan suggestions.

Pure Python, no Django: `suggest(findings, age=..., limit=...)` reads only Finding objects
(assessments.findings.core) and the intervention library, and gives the same answer for the
same findings in any order. The rule table is `plans.rules.table.RULES`; the behaviour
(ranking formula, sides, red flags, older-adult age) is described in docs/rules.md.
Clinical facts come from docs/clinical.md.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from types import MappingProxyType

from assessments.findings.core import ALL_CODES, FINDING_ORDER, PALPATION_ORDER, Finding
from plans.library import BY_SLUG, HOME_EXERCISE_KINDS, Dose, Intervention, Kind
from plans.rules.palpation import PALPATION_SUPPORT
from plans.rules.referral import Referral, referral_for
from plans.rules.table import RULES, Rule

__all__ = [
    "ADVICE_LIMIT",
    "DEFAULT_LIMIT",
    "EXTRA_REASON_BONUS",
    "OLDER_ADULT_AGE",
    "PALPATION_BONUS",
    "RULES",
    "RULES_BY_FINDING",
    "SEVERITY_WEIGHT",
    "HeldBack",
    "Reason",
    "Referral",
    "Rule",
    "Suggestion",
    "Suggestions",
    "suggest",
]

# docs/clinical.md "Dosage defaults" gives an older-adult stretch dose (ACSM, hold 30-60 s) but
# no age. ACSM's older-adult recommendations (Chodzko-Zajko 2009) apply from 65, and also to
# people aged 50-64 with conditions that limit function: the therapist can switch the dose.
OLDER_ADULT_AGE = 65
# docs/clinical.md "Dosage defaults": fewer exercises are followed better; keep the handout to
# at most 5-6 exercises unless the therapist adds more. Advice is capped separately.
DEFAULT_LIMIT = 6
ADVICE_LIMIT = 4
# Ranking: score = max over reasons of (priority x SEVERITY_WEIGHT[severity])
#                  + EXTRA_REASON_BONUS x (number of distinct finding codes - 1)
#                  (+ PALPATION_BONUS when palpation supports a reason).
# One severity band is worth a quarter of the priority, so a marked finding can lift a
# supporting item over a mild finding's first-line item only when its priority is close.
SEVERITY_WEIGHT: Mapping[str, float] = MappingProxyType(
    {"mild": 1.0, "moderate": 1.25, "marked": 1.5}
)
EXTRA_REASON_BONUS = 1.0
# docs/clinical.md "Palpation": modest reliability, evidence and never a sole reason. A
# palpation finding of the muscle a measured finding is about (palpation.PALPATION_SUPPORT)
# adds half a point, once per item: less than a second measured finding would.
PALPATION_BONUS = 0.5

_SEVERITY_RANK = {"mild": 0, "moderate": 1, "marked": 2}
_SIDE_RANK = {"none": 0, "": 0, "left": 1, "right": 2, "both": 3}
_CODE_RANK = {code: index for index, code in enumerate(ALL_CODES)}


def _index_rules(rules: tuple[Rule, ...]) -> Mapping[str, tuple[Rule, ...]]:
    """Rules per finding code, in table order; ValueError on an unknown code or slug."""
    known = frozenset(FINDING_ORDER)
    by_finding: dict[str, list[Rule]] = {}
    seen: set[tuple[str, str]] = set()
    for rule in rules:
        if rule.finding not in known:
            raise ValueError(f"Rule for an unknown or red-flag finding code: {rule!r}")
        if rule.intervention not in BY_SLUG:
            raise ValueError(f"Rule for an unknown library slug: {rule!r}")
        if (rule.finding, rule.intervention) in seen:
            raise ValueError(f"Duplicate rule: {rule.finding} -> {rule.intervention}")
        seen.add((rule.finding, rule.intervention))
        by_finding.setdefault(rule.finding, []).append(rule)
    return MappingProxyType({code: tuple(found) for code, found in by_finding.items()})


RULES_BY_FINDING: Mapping[str, tuple[Rule, ...]] = _index_rules(RULES)


def _check_support(support: Mapping[str, tuple[str, ...]]) -> None:
    """ValueError unless each key is a palpation code and each value an ordinary finding."""
    palpation, known = frozenset(PALPATION_ORDER), frozenset(FINDING_ORDER)
    for code, supported in support.items():
        if code not in palpation or not set(supported) <= known:
            raise ValueError(f"Palpation support for unknown codes: {code} -> {supported}")


_check_support(PALPATION_SUPPORT)


@dataclass(frozen=True)
class Reason:
    """One finding that triggered a suggestion, with the rule's explanation."""

    finding: str
    title: str
    side: str
    severity: str
    rationale: str  # for the therapist
    why: str  # for the client


@dataclass(frozen=True)
class Suggestion:
    """One suggested library entry with every reason for it."""

    slug: str
    name: str
    kind: str
    side: str  # "left" | "right" | "both" | "none" (none: not done per side)
    emphasis: str  # "" or the worse side, for a per-side item done on both sides
    dose: Dose  # default, or the older-adult dose from OLDER_ADULT_AGE
    reasons: tuple[Reason, ...]  # in finding order
    score: float
    # Lower-ranked entries for the same slot (Intervention.slot), best first: offered as
    # swaps for this one rather than taking places of their own.
    alternatives: tuple["Suggestion", ...] = ()

    @property
    def dose_text(self) -> str:
        """The dose in plain words; "on each side" only when it is done on both sides."""
        return self.dose.describe(per_side=self.side == "both")


@dataclass(frozen=True)
class HeldBack:
    """An item a rule wanted but a contraindication (or a red flag) stopped."""

    slug: str
    name: str
    findings: tuple[str, ...]  # the stopping finding codes
    because: tuple[str, ...]  # their titles, same order


@dataclass(frozen=True)
class Suggestions:
    """The engine's answer for one set of findings."""

    home: tuple[Suggestion, ...]
    advice: tuple[Suggestion, ...]
    in_clinic: tuple[Suggestion, ...]
    held_back: tuple[HeldBack, ...]
    referral: Referral | None  # emergency, urgent or routine (plans.rules.referral)

    @property
    def blocked(self) -> bool:
        """True for an emergency or urgent referral: no home program may be issued silently.
        A routine referral (suspected hip joint) leaves the program as suggested."""
        return self.referral is not None and self.referral.stops_plan


def _code_rank(code: str) -> tuple[int, str]:
    return _CODE_RANK.get(code, len(_CODE_RANK)), code


def _canonical(findings: Iterable[Finding]) -> list[Finding]:
    """Distinct findings in finding order, so input order never matters."""
    return sorted(
        set(findings),
        key=lambda f: (
            _code_rank(f.code),
            _SIDE_RANK.get(f.side, len(_SIDE_RANK)),
            f.side,
            _SEVERITY_RANK.get(f.severity, -1),
            f.severity,
            f.evidence,
            f.client_text,
        ),
    )


def _side_and_emphasis(
    entry: Intervention, triggers: list[tuple[Rule, Finding]]
) -> tuple[str, str]:
    """Per-side items: one side, or both with the worse side as emphasis (docs/rules.md).

    A side is worse when its worst covering severity is higher, or, at the same severity,
    when a finding on both sides measured it beyond the other by more than measurement
    error (Finding.worse_side)."""
    if not entry.per_side:
        return "none", ""
    worst: dict[str, tuple[int, int]] = {}
    for rule, finding in triggers:
        one_side = rule.sides and finding.side in ("left", "right")
        for side in (finding.side,) if one_side else ("left", "right"):
            rank = _SEVERITY_RANK.get(finding.severity, 0)
            more = int(rule.sides and finding.worse_side == side)
            worst[side] = max(worst.get(side, (-1, 0)), (rank, more))
    if len(worst) == 1:
        return next(iter(worst)), ""
    if worst["left"] == worst["right"]:
        return "both", ""
    return "both", "left" if worst["left"] > worst["right"] else "right"


def _needs_more(rule: Rule, finding: Finding, emphasis: str) -> str:
    """What the reason adds when this finding is why `emphasis` needs more, else ''."""
    if not emphasis or not rule.sides:
        return ""
    if finding.side == emphasis:
        return f"more on the {emphasis} ({finding.severity} on the {emphasis})"
    if finding.side == "both" and finding.worse_side == emphasis:
        return f"more on the {emphasis} (beyond the other side by more than measurement error)"
    return ""


def _score(triggers: list[tuple[Rule, Finding]]) -> float:
    best = max(
        rule.priority * SEVERITY_WEIGHT.get(finding.severity, 1.0) for rule, finding in triggers
    )
    # A finding split into left and right (different severities) is one reason for the bonus.
    extra = len({finding.code for _, finding in triggers}) - 1
    return round(best + EXTRA_REASON_BONUS * extra, 2)


def _sides_meet(one: str, other: str) -> bool:
    return one == other or bool({one, other} & {"both", "none"})


def _supporting(finding: Finding, palpation: Sequence[Finding]) -> list[Finding]:
    """Palpation findings of the muscle this measured finding is about, on a side it has."""
    return [
        felt
        for felt in palpation
        if finding.code in PALPATION_SUPPORT.get(felt.code, ())
        and _sides_meet(felt.side, finding.side)
    ]


def _first_lower(text: str) -> str:
    """'Piriformis on' -> 'piriformis on'; an acronym ('TFL / ITB') keeps its capitals."""
    return text if text[1:2].isupper() else text[:1].lower() + text[1:]


def _with_palpation(rationale: str, felt: list[Finding]) -> str:
    """The rule's rationale and what palpation found: '...; piriformis on palpation: ...'."""
    words = "; ".join(f"{_first_lower(f.title)}: {f.evidence}" for f in felt)
    return f"{rationale.rstrip('.')}; {words}."


def _suggestion(
    slug: str,
    triggers: list[tuple[Rule, Finding]],
    *,
    older: bool,
    palpation: Sequence[Finding] = (),
) -> Suggestion:
    entry = BY_SLUG[slug]
    side, emphasis = _side_and_emphasis(entry, triggers)
    reasons, mentioned = [], []  # each palpation finding named once, at its first reason
    for rule, f in triggers:
        felt = [p for p in _supporting(f, palpation) if p not in mentioned]
        mentioned += felt
        rationale = _with_palpation(rule.rationale, felt) if felt else rule.rationale
        more = _needs_more(rule, f, emphasis)
        if more:
            rationale = f"{rationale.rstrip('.')}; {more}."
        reasons.append(Reason(f.code, f.title, f.side, f.severity, rationale, rule.why))
    bonus = PALPATION_BONUS if mentioned else 0.0
    return Suggestion(
        slug=slug,
        name=entry.name,
        kind=entry.kind.value,
        side=side,
        emphasis=emphasis,
        dose=entry.older_dose if older else entry.dose,
        reasons=tuple(reasons),
        score=round(_score(triggers) + bonus, 2),
    )


def _rank_key(suggestion: Suggestion) -> tuple[float, str]:
    return -suggestion.score, suggestion.slug


def _stoppers(
    codes: Iterable[str], titles: Mapping[str, str]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The stopping codes in finding order, and their titles."""
    ordered = sorted(set(codes), key=_code_rank)
    return tuple(ordered), tuple(titles[code] for code in ordered)


def _one_per_slot(ranked: list[Suggestion]) -> tuple[Suggestion, ...]:
    """The best-ranked suggestion of each slot, carrying the others as its alternatives."""
    chosen: dict[str, Suggestion] = {}
    for suggestion in ranked:
        slot = BY_SLUG[suggestion.slug].slot
        best = chosen.get(slot)
        if best is None:
            chosen[slot] = suggestion
        else:
            chosen[slot] = replace(best, alternatives=(*best.alternatives, suggestion))
    return tuple(chosen.values())


def suggest(
    findings: Iterable[Finding], *, age: int | None = None, limit: int = DEFAULT_LIMIT
) -> Suggestions:
    """Ranked, explained suggestions for one assessment's findings; pure and deterministic.

    Home exercises take one place per slot (the others become its alternatives) and are
    capped at `limit`, advice at ADVICE_LIMIT; in-clinic items are not capped.
    Contraindicated items go to `held_back`. An emergency or urgent red flag empties home,
    advice and in-clinic and moves what would have been suggested to `held_back`;
    `referral` is set at the highest level any finding calls for (a routine one, such as a
    suspected hip joint, leaves the suggestions as they are).
    """
    if isinstance(limit, bool) or limit < 0:
        raise ValueError(f"limit must be 0 or more: {limit!r}")
    ordered = _canonical(findings)
    titles = {f.code: f.title for f in ordered}
    present = frozenset(titles)
    older = age is not None and age >= OLDER_ADULT_AGE
    palpation = [f for f in ordered if f.is_palpation]

    triggers: dict[str, list[tuple[Rule, Finding]]] = {}
    for finding in ordered:
        for rule in RULES_BY_FINDING.get(finding.code, ()):
            if rule.unless_normal and rule.unless_normal in finding.normal_length:
                continue  # sitting does not stretch a muscle measured normal
            triggers.setdefault(rule.intervention, []).append((rule, finding))
    candidates = sorted(
        (
            _suggestion(slug, found, older=older, palpation=palpation)
            for slug, found in triggers.items()
        ),
        key=_rank_key,
    )

    allowed: list[Suggestion] = []
    stopped: list[tuple[Suggestion, tuple[str, ...]]] = []
    for candidate in candidates:
        against = present.intersection(BY_SLUG[candidate.slug].contraindications)
        if against:
            stopped.append((candidate, tuple(against)))
        else:
            allowed.append(candidate)
    home = _one_per_slot([s for s in allowed if Kind(s.kind) in HOME_EXERCISE_KINDS])[:limit]
    advice = tuple(s for s in allowed if s.kind == Kind.ADVICE)[:ADVICE_LIMIT]
    in_clinic = tuple(s for s in allowed if s.kind == Kind.IN_CLINIC)

    # Emergency and urgent red flags stop the plan; a routine referral does not.
    red_flags = [f for f in ordered if f.stops_plan]
    red_codes = tuple(f.code for f in red_flags)
    blocked = [(s, ()) for s in (*home, *advice, *in_clinic)] if red_flags else []
    held_back = tuple(
        HeldBack(s.slug, s.name, *_stoppers((*red_codes, *against), titles))
        for s, against in (*blocked, *stopped)
    )
    referral = referral_for(ordered)
    if red_flags:
        return Suggestions((), (), (), held_back, referral)
    return Suggestions(home, advice, in_clinic, held_back, referral)

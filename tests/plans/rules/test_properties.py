"""Property-based tests of the rules engine (hypothesis) over the real finding codes.

Kept modest (200 examples, no deadline, no example database on disk) so CI on two cores
stays fast and the working tree stays clean.
"""

from hypothesis import given, settings
from hypothesis import strategies as st

from assessments.findings.core import ALL_CODES, FINDING_ORDER, RED_FLAG_ORDER, Finding
from plans.library import BY_SLUG, HOME_EXERCISE_KINDS, Kind
from plans.rules.engine import ADVICE_LIMIT, RULES_BY_FINDING, Suggestion, Suggestions, suggest

CAUDA = "red_flag_cauda_equina"
PROFILE = settings(max_examples=200, deadline=None, database=None)
SIDES = ("left", "right", "both", "none")
SEVERITIES = ("mild", "moderate", "marked")


@st.composite
def findings(draw: st.DrawFn, codes: tuple[str, ...] = ALL_CODES) -> list[Finding]:
    """A set of findings as interpret() makes them: each code at most once."""
    chosen = draw(st.lists(st.sampled_from(codes), unique=True, max_size=14))
    made = []
    for code in chosen:
        if code in RED_FLAG_ORDER:
            severity = "emergency" if code == "red_flag_cauda_equina" else "urgent"
        else:
            severity = draw(st.sampled_from(SEVERITIES))
        side = draw(st.sampled_from(SIDES))
        made.append(Finding(code, side, severity, f"evidence {code}", f"text {code}"))
    return made


ages = st.none() | st.integers(min_value=0, max_value=110)


def _all(result: Suggestions) -> list[Suggestion]:
    return [*result.home, *result.advice, *result.in_clinic]


@PROFILE
@given(found=findings(), age=ages)
def test_no_contraindicated_item_suggested(found: list[Finding], age: int | None) -> None:
    codes = {finding.code for finding in found}
    for suggestion in _all(suggest(found, age=age, limit=50)):
        assert not codes & set(BY_SLUG[suggestion.slug].contraindications)


@PROFILE
@given(
    found=findings(),
    red=st.lists(st.sampled_from(RED_FLAG_ORDER), min_size=1, unique=True),
)
def test_red_flag_always_blocks(found: list[Finding], red: list[str]) -> None:
    found = [f for f in found if f.code not in red] + [
        Finding(code, "none", "emergency" if code == CAUDA else "urgent", "e", "t") for code in red
    ]
    result = suggest(found, limit=50)
    assert (result.home, result.advice, result.in_clinic) == ((), (), ())
    assert result.blocked
    assert result.referral is not None
    emergency = "red_flag_cauda_equina" in {f.code for f in found}
    assert result.referral.urgency == ("emergency" if emergency else "urgent")
    red_present = {f.code for f in found if f.is_red_flag}
    assert set(result.referral.findings) == red_present
    for held in result.held_back:
        assert set(held.findings) & red_present


@PROFILE
@given(found=findings(FINDING_ORDER), age=ages)
def test_without_red_flags_no_referral_and_held_back_explained(
    found: list[Finding], age: int | None
) -> None:
    result = suggest(found, age=age)
    hip = "hip_joint_suspected" in {f.code for f in found}
    # A suspected hip joint is a routine referral: it never blocks (docs/rules.md).
    assert (result.referral.urgency if result.referral else None) == ("routine" if hip else None)
    assert not result.blocked
    codes = {f.code for f in found}
    for held in result.held_back:
        assert held.findings
        assert set(held.findings) <= codes & set(BY_SLUG[held.slug].contraindications)
        assert len(held.because) == len(held.findings)


@PROFILE
@given(data=st.data(), found=findings(), age=ages)
def test_same_output_for_same_input_in_any_order(
    data: st.DataObject, found: list[Finding], age: int | None
) -> None:
    shuffled = data.draw(st.permutations(found))
    first = suggest(found, age=age)
    assert suggest(list(found), age=age) == first
    assert suggest(shuffled, age=age) == first


@PROFILE
@given(found=findings(), limit=st.integers(min_value=0, max_value=12))
def test_caps_respected(found: list[Finding], limit: int) -> None:
    result = suggest(found, limit=limit)
    assert len(result.home) <= limit
    assert len(result.advice) <= ADVICE_LIMIT


@PROFILE
@given(found=findings(FINDING_ORDER))
def test_suggestions_well_formed_and_ranked(found: list[Finding]) -> None:
    result = suggest(found, limit=50)
    codes = {f.code for f in found}
    for group, kinds in (
        (result.home, HOME_EXERCISE_KINDS),
        (result.advice, {Kind.ADVICE}),
        (result.in_clinic, {Kind.IN_CLINIC}),
    ):
        assert [(-s.score, s.slug) for s in group] == sorted((-s.score, s.slug) for s in group)
        for suggestion in group:
            entry = BY_SLUG[suggestion.slug]
            assert entry.kind in kinds
            assert suggestion.reasons
            assert {r.finding for r in suggestion.reasons} <= codes
            assert all(
                any(rule.intervention == suggestion.slug for rule in RULES_BY_FINDING[r.finding])
                for r in suggestion.reasons
            )
            if entry.per_side:
                assert suggestion.side in ("left", "right", "both")
            else:
                assert suggestion.side == "none"
            assert suggestion.emphasis in ("", "left", "right")
            if suggestion.emphasis:
                assert suggestion.side == "both"
    slugs = [s.slug for s in _all(result)]
    assert len(slugs) == len(set(slugs))
    assert bool(found) or _all(result) == []

"""Palpation findings (assessments/findings/palpation.py): per muscle and side, therapist-only."""

from assessments.findings.core import Finding
from tests.assessments.findings.helpers import L, N, R, run


def _palpation(entries: dict[tuple[str, str], int | float | str]) -> list[Finding]:
    return [f for f in run(entries) if f.is_palpation]


def test_tenderness_trigger_point_and_tone_give_one_finding_per_side_by_severity() -> None:
    found = _palpation(
        {
            ("palp_piriformis_tender", L): "2",
            ("palp_piriformis_trigger", L): "familiar",
            ("palp_piriformis_referral", N): "back of thigh",
            ("palp_piriformis_tone", R): "increased",
        }
    )
    assert [(f.code, f.side, f.severity, f.evidence, f.client_text) for f in found] == [
        (
            "palpation_piriformis",
            "left",
            "moderate",
            "tender: left moderate; trigger point reproducing familiar pain: left "
            "(refers to back of thigh)",
            "",
        ),
        ("palpation_piriformis", "right", "mild", "increased tone: right", ""),
    ]
    assert found[0].title == "Piriformis on palpation"


def test_severe_tenderness_on_both_sides_is_one_marked_finding() -> None:
    (found,) = _palpation({("palp_hamstrings_tender", L): "3", ("palp_hamstrings_tender", R): "3"})
    assert (found.side, found.severity, found.evidence) == (
        "both",
        "marked",
        "tender: left severe, right severe",
    )


def test_normal_palpation_decreased_tone_and_a_lone_referral_give_nothing() -> None:
    entries = {
        ("palp_glute_med_tone", L): "normal",
        ("palp_glute_med_tender", L): "0",
        ("palp_glute_med_trigger", L): "absent",
        ("palp_glute_max_tone", R): "decreased",
        ("palp_adductors_referral", N): "groin",
    }
    assert _palpation(entries) == []

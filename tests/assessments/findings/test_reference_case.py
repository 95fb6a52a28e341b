"""The reference mild first visit (reference.py) gives the short list a senior clinician would
write, and nothing that is within measurement error."""

from decimal import Decimal

from assessments.catalogue.items import ITEMS, Kind, value_problem
from tests.assessments.findings.helpers import Entries, L, R, run
from tests.assessments.findings.reference import REFERENCE_MILD

# The readings of the reference case within the goniometer's 7° measurement error of their
# cut-off or reference range (docs/clinical.md "Measurement error"), set to plainly normal
# values: the findings (code, side, severity) must be the same either way.
WITHIN_ERROR_AS_NORMAL: Entries = {
    ("thomas_hip_angle", L): -5,  # was 4° (cut-off 0°)
    ("thomas_knee_angle", L): 80,  # was 62° (cut-off 67°)
    ("thomas_knee_angle", R): 80,  # was 61°
    ("thomas_abduction", R): 0,  # was 3° (cut-off 0°)
    ("hip_flexion", L): 115,  # was 112° against 106°: sides differ by 6°
    ("hip_flexion", R): 115,  # was 106° (range 110-120°)
    ("hip_extension", L): 12,  # was 8° (range 10-15°)
    ("hip_internal_rotation", R): 33,  # was 26° (range 30-40°), sides 7° apart
    ("slr_angle", L): 90,  # was 76° (cut-off 80°)
    ("slr_angle", R): 90,  # was 74°
    ("ake_deficit", R): 16,  # was 23° (cut-off 20°)
}


def _triples(entries: Entries) -> list[tuple[str, str, str]]:
    return [(f.code, f.side, f.severity) for f in run(entries)]


def test_reference_mild_visit_gives_the_handful_a_clinician_would_write() -> None:
    findings = _triples(REFERENCE_MILD)
    assert findings == [
        # Lumbar lordosis observed increased: recorded as evidence of anterior tilt (the tilt
        # degrees alone never fire without a clinic threshold).
        ("anterior_pelvic_tilt", "none", "moderate"),
        # Thomas test: right thigh 12° above the table, beyond the 7° error of 0°. The left (4°)
        # is within error, so the finding is right-sided, not "both".
        ("tight_hip_flexors_one_joint", "right", "mild"),
        # Right hip extension 1°, 9° under the 10-15° range: beyond error (the left, 8°, is not).
        ("limited_hip_extension", "right", "mild"),
        # Gluteus maximus 4+ on the left (one grade or less below 5: mild) and 4- on the right
        # (more than one grade: moderate). Two severities, so two findings, never one "both".
        ("weak_glute_max", "left", "mild"),
        ("weak_glute_max", "right", "moderate"),
        # Prone hip extension: the back arches for the right hip (a sign: moderate).
        ("lumbar_extension_compensation", "right", "moderate"),
        # Worse with sitting, 8 hours a day at a desk.
        ("prolonged_sitting", "none", "moderate"),
    ]
    assert len({code for code, _, _ in findings}) == 6


def test_reference_mild_visit_reports_nothing_within_measurement_error() -> None:
    normalised = {**REFERENCE_MILD, **WITHIN_ERROR_AS_NORMAL}
    assert set(WITHIN_ERROR_AS_NORMAL) <= set(REFERENCE_MILD)
    assert _triples(REFERENCE_MILD) == _triples(normalised)
    codes = {f.code for f in run(REFERENCE_MILD)}
    for code in (
        "tight_rectus_femoris",
        "tight_tfl_itb",
        "tight_hamstrings",
        "limited_hip_flexion",
        "limited_hip_internal_rotation",
    ):
        assert code not in codes


def test_reference_mild_visit_evidence_names_only_readings_beyond_error() -> None:
    evidence = {(f.code, f.side): f.evidence for f in run(REFERENCE_MILD)}
    assert evidence[("tight_hip_flexors_one_joint", "right")] == (
        "Thomas hip angle above 0°: right 12°"
    )
    assert evidence[("limited_hip_extension", "right")] == (
        "Hip extension below the 10-15° range: right 1° (8%)"
    )
    assert evidence[("weak_glute_max", "left")] == "Gluteus maximus Oxford grade below 5: left 4+"
    assert evidence[("weak_glute_max", "right")] == (
        "Gluteus maximus Oxford grade below 5: right 4-"
    )


def test_reference_mild_visit_is_a_whole_examination_of_valid_values() -> None:
    assert len(REFERENCE_MILD) == 128
    assert {side for _, side in REFERENCE_MILD} == {"", L, R}
    for (code, side), value in REFERENCE_MILD.items():
        item = ITEMS[code]
        assert side in item.sides, (code, side)
        typed = value if item.kind is not Kind.NUMBER else Decimal(str(value))
        assert value_problem(item, typed) is None, (code, side, value)

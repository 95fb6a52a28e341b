"""Which sections of the assessment page a clinic's preset opens (docs/assessment.md).

Pure: no Django. A clinic admin chooses the preset (clinic.models.AssessmentPreset); a
folded section is only hidden behind one click on the entry page: its fields are still in
the form, keep every value and save with the rest.
"""

FULL = "full"
QUICK = "quick"

# Never folded, whatever the preset: pain and the red-flag screen are asked every visit.
ALWAYS_OPEN = frozenset({"subjective", "red_flags"})

# A quick screen for low back pain from tight or weak hips: pain, red flags, the two length
# tests that find tight hip flexors and hamstrings (with the SLR nerve-root sign), and the
# functional tests that show weak hip abductors and lumbar compensation.
QUICK_SCREEN = ALWAYS_OPEN | frozenset({"thomas", "muscle_length", "movement"})


def folded_sections(preset: str, section_codes: tuple[str, ...]) -> frozenset[str]:
    """The codes of the sections this preset folds away (none for a full examination)."""
    if preset != QUICK:
        return frozenset()
    return frozenset(code for code in section_codes if code not in QUICK_SCREEN)

"""The technique catalogue and the precaution rules, without a database."""

from treatment.checks import REASON_NEEDED, RowInput, check_row
from treatment.handout import (
    AFTERCARE,
    PLAIN_NAMES,
    PLAIN_PLACES,
    SORE_AFTER_FIRM,
    handout_treatment,
)
from treatment.models import TreatmentRow
from treatment.precautions import CODES, RowFacts, conflicts
from treatment.regions import REGIONS
from treatment.techniques import BUILT_IN, BY_CODE, Depth, Scope, offered

NONE = dict.fromkeys(CODES, "no")


def _yes(*codes: str) -> dict[str, str]:
    return {**NONE, **dict.fromkeys(codes, "yes")}


def test_catalogue_has_ten_described_techniques_of_both_scopes() -> None:
    assert len(BUILT_IN) >= 10
    assert all(t.description.endswith(".") and len(t.description) <= 300 for t in BUILT_IN)
    assert {t.scope for t in BUILT_IN} == {Scope.HANDS_ON, Scope.PHYSIO}
    assert BY_CODE["hip-joint-mobilisation"].scope is Scope.PHYSIO


def test_profession_decides_the_techniques_offered() -> None:
    massage = {t.code for t in offered("massage_therapist")}
    physio = {t.code for t in offered("physiotherapist")}
    assert "hip-joint-mobilisation" not in massage
    assert "lumbar-joint-mobilisation" in physio
    assert massage < physio
    assert {t.code for t in offered("other")} == massage


def test_anticoagulants_allow_light_work_only() -> None:
    light = RowFacts(depth=Depth.LIGHT, region="glute_max")
    pressed = RowFacts(depth=Depth.LIGHT, region="glute_max", pressure=Depth.MODERATE)
    assert conflicts(_yes("anticoagulants"), light) == []
    assert [c.code for c in conflicts(_yes("anticoagulants"), pressed)] == ["anticoagulants"]


def test_osteoporosis_blocks_firm_techniques_only() -> None:
    answers = _yes("osteoporosis")
    assert conflicts(answers, RowFacts(depth=Depth.MODERATE, region="lower_back")) == []
    firm = conflicts(answers, RowFacts(depth=Depth.FIRM, region="lower_back"))
    assert [c.code for c in firm] == ["osteoporosis"]
    assert "No firm pressure over bone" in firm[0].message


def test_pregnancy_blocks_prone_and_deep_abdominal_work() -> None:
    answers = _yes("pregnancy")
    assert conflicts(answers, RowFacts(Depth.LIGHT, "glute_max", "side_lying")) == []
    assert len(conflicts(answers, RowFacts(Depth.LIGHT, "glute_max", "prone"))) == 1
    assert len(conflicts(answers, RowFacts(Depth.FIRM, "iliopsoas", "supine"))) == 1
    assert conflicts(answers, RowFacts(Depth.LIGHT, "abdomen", "supine")) == []


def test_general_and_local_precautions_apply_to_every_row() -> None:
    row = RowFacts(depth=Depth.LIGHT, region="thigh")
    for code in ("dvt", "fever", "cancer", "recent_surgery", "skin"):
        assert [c.code for c in conflicts(_yes(code), row)] == [code]
    assert conflicts(NONE, RowFacts(depth=Depth.FIRM, region="thigh", position="prone")) == []


def test_check_row_needs_a_reason_and_an_offered_technique() -> None:
    techniques = {t.code: t for t in offered("massage_therapist")}
    row = RowInput("deep-tissue-massage", "glute_max", "left", pressure="firm")
    check = check_row(row, techniques, _yes("anticoagulants"))
    assert check.errors == {"precaution_reason": REASON_NEEDED}
    given = RowInput(**{**row.__dict__, "precaution_reason": "INR stable, GP agreed"})
    assert check_row(given, techniques, _yes("anticoagulants")).errors == {}
    physio_only = RowInput("hip-joint-mobilisation", "hip_joint", "left")
    assert set(check_row(physio_only, techniques, NONE).errors) == {"technique"}


def test_every_region_and_technique_has_client_words() -> None:
    assert set(PLAIN_PLACES) == {code for code, _, _ in REGIONS}
    assert set(PLAIN_NAMES) == set(BY_CODE)


def test_handout_lines_and_aftercare() -> None:
    firm = TreatmentRow(
        technique="trigger-point-compression",
        technique_name="x",
        depth="firm",
        region="piriformis",
        side="right",
    )
    light = TreatmentRow(
        technique="swedish-massage", technique_name="x", depth="light", region="thigh", side="none"
    )
    assert handout_treatment([]) == {"done": [], "aftercare": []}
    assert handout_treatment([light]) == {
        "done": ["Massage: thigh."],
        "aftercare": [*AFTERCARE],
    }
    shown = handout_treatment([firm])
    assert shown["done"] == ["Steady pressure on tender spots: deep in the buttock, right side."]
    assert shown["aftercare"][0] == SORE_AFTER_FIRM

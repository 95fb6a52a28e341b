"""Drop-downs of the assessment form: grades in order with readable labels, answers picked
by one typed letter, and "not tested" never a real answer."""

from html.parser import HTMLParser

import pytest

from assessments.catalogue.items import ITEMS, OXFORD, OXFORD_SCORE, Kind
from assessments.forms import AssessmentForm, field_name

DASH = "\N{EN DASH}"
GRADES = ["0", "1", "2", "3-", "3", "3+", "4-", "4", "4+", "5-", "5"]
# One typed letter is the browser's search; these drop-downs are exempt, each for a reason:
# - hip_rotation_position: Seated and Supine are the terms therapists use; "s" picks
#   Seated (the usual position), "su" typed together picks Supine.
# - force_unit: N and Nm are the units' symbols; "n" picks N, "nm" typed together picks Nm.
SHARED_FIRST_LETTER = {"hip_rotation_position", "force_unit"}


def _codes(form: AssessmentForm, name: str) -> list[str]:
    return [str(code) for code, _ in form.fields[name].choices]  # type: ignore[attr-defined]


def test_oxford_grades_are_offered_weakest_first() -> None:
    assert _codes(AssessmentForm(), "strength_glute_med__left") == ["", *GRADES]


def test_oxford_grades_rise_in_score_in_the_offered_order() -> None:
    scores = [OXFORD_SCORE[grade] for grade in GRADES]
    assert scores == sorted(scores)
    assert len(set(scores)) == len(scores)
    assert {code for code, _ in OXFORD} == set(OXFORD_SCORE)  # every stored code has a score


def test_oxford_labels_start_with_the_grade_and_say_what_it_means() -> None:
    labels = dict(OXFORD)
    assert labels["4"] == f"4 {DASH} moderate resistance"
    assert labels["4-"] == f"4- {DASH} slight resistance"
    assert labels["0"] == f"0 {DASH} no contraction"
    assert all(label.startswith(f"{code} {DASH} ") for code, label in OXFORD)
    # Short enough for a closed drop-down on a phone (tests/e2e/test_entry_layout.py).
    assert max(len(label) for _, label in OXFORD) <= len(f"4 {DASH} moderate resistance")


def test_oxford_select_is_marked_for_typed_codes() -> None:
    form = AssessmentForm()
    assert form.fields["strength_glute_med__left"].widget.attrs["data-typed"] == "code"
    assert "data-typed" not in form.fields["faber__left"].widget.attrs


@pytest.mark.parametrize("grade", ["2-", "2+"])
def test_retired_grade_is_offered_only_to_a_record_holding_it(grade: str) -> None:
    name = "strength_glute_max__right"
    holding = AssessmentForm(initial={name: grade})
    codes = _codes(holding, name)
    assert grade in codes
    assert codes.index("1") < codes.index(grade) < codes.index("3-")  # in its place
    assert grade not in _codes(AssessmentForm(initial={name: "4"}), name)
    posted = AssessmentForm({name: grade, "visit_date": "2026-03-02"})
    assert posted.is_valid(), posted.errors
    assert posted.values()[("strength_glute_max", "right")] == grade


def test_blank_answer_is_a_dash_not_a_letter() -> None:
    form = AssessmentForm()
    assert form.fields["faber__left"].choices[0] == ("", "— not tested")  # type: ignore[attr-defined]
    assert form.fields["rf_fever"].choices[0] == ("", "— not asked")  # type: ignore[attr-defined]
    assert form.fields["agg_sitting"].choices[0] == ("", "— not asked")  # type: ignore[attr-defined]


def _choice_names() -> list[str]:
    return [
        field_name(item.code, item.sides[0]) for item in ITEMS.values() if item.kind is Kind.CHOICE
    ]


def _labels(name: str) -> list[str]:
    return [str(label) for _, label in AssessmentForm().fields[name].choices]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "name",
    [
        name
        for name in _choice_names()
        if name.split("__")[0] not in SHARED_FIRST_LETTER and not name.startswith("strength_")
    ],
)
def test_every_answer_starts_with_its_own_letter(name: str) -> None:
    """Typing an answer's first letter picks it, and never another answer."""
    firsts = [label[0].lower() for label in _labels(name)]
    assert len(set(firsts)) == len(firsts), _labels(name)


@pytest.mark.parametrize("name", _choice_names())
def test_blank_answer_cannot_be_typed_by_mistake(name: str) -> None:
    """No letter or digit picks "— not tested": it is chosen on purpose or left alone."""
    blank, *answers = _labels(name)
    assert not blank[0].isalnum()
    assert all(answer[0].isalnum() for answer in answers)


class _Selected(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.selected: list[str | None] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        if tag == "option" and "selected" in named:
            self.selected.append(named.get("value"))


ITEM_NAMES = [
    field_name(item.code, side)
    for item in ITEMS.values()
    if item.kind is Kind.CHOICE
    for side in item.sides
]


def test_new_form_answers_nothing_for_the_therapist() -> None:
    form = AssessmentForm()
    parser = _Selected()
    for name in ITEM_NAMES:
        parser.feed(str(form[name]))
    assert set(parser.selected) == {""}
    assert len(parser.selected) == len(ITEM_NAMES)

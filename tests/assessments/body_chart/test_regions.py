"""The body chart's regions, figures and the below-knee rule (pure: no database)."""

import pytest

from assessments.body_chart.below_knee import below_knee_side
from assessments.body_chart.figures import figures
from assessments.body_chart.regions import REGIONS, Mark, mark_problem, sort_marks
from assessments.body_chart.shapes import PATHS
from assessments.compare.chart import chart_changes
from assessments.findings.core import interpret
from assessments.norms import cutoffs_for
from assessments.values import AssessmentValues


def test_regions_cover_the_low_back_and_hip_by_side_and_below_the_knee() -> None:
    wanted = {"low_back", "buttock", "groin", "thigh_front", "thigh_side", "thigh_back"}
    for base in wanted | {"leg_front", "leg_back"}:
        assert {REGIONS[f"{base}_{side}"].side for side in ("left", "right")} == {"left", "right"}
    assert {code for code, region in REGIONS.items() if region.below_knee} == {
        "leg_front_left", "leg_front_right", "leg_back_left", "leg_back_right",
    }  # fmt: skip
    assert REGIONS["buttock_left"].label == "Left buttock"


def test_front_figure_draws_the_clients_right_on_the_viewers_left() -> None:
    # Front: the client's right thigh is left of centre (x < 70); back: the left one is.
    assert PATHS["thigh_front_right"].startswith("M54.0,")
    assert PATHS["thigh_front_left"].startswith("M86.0,")
    assert PATHS["thigh_back_left"].startswith("M48.0,")
    front, back = figures([Mark("groin_left", "sharp", 7)], listed=["chest"])
    assert (front.left_letter, back.left_letter) == ("R", "L")
    shown = {region.code: region for region in front.regions}
    assert (shown["groin_left"].shade, shown["groin_left"].listed) == ("bc-i7", True)
    assert (shown["chest"].shade, shown["chest"].listed) == ("", True)
    assert shown["groin_left"].title == "Left groin: sharp, 7/10"
    assert len(front.regions) + len(back.regions) == len(REGIONS)


@pytest.mark.parametrize(
    ("region", "pain_type", "intensity", "problem"),
    [
        ("buttock_left", "ache", 0, ""),
        ("knee_cap", "ache", 3, "Unknown body-chart region 'knee_cap'."),
        ("buttock_left", "throbbing", 3, "Left buttock: choose a pain type."),
        ("buttock_left", "ache", 11, "Left buttock: intensity must be from 0 to 10."),
    ],
)
def test_mark_problem(region: str, pain_type: str, intensity: int, problem: str) -> None:
    assert mark_problem(region, pain_type, intensity) == problem


def _values(site: str | None, *marks: Mark) -> AssessmentValues:
    values = {} if site is None else {("pain_site_below_knee", ""): site}
    return AssessmentValues(values=values, body_chart=sort_marks(list(marks)))


def test_below_knee_from_the_pain_site_item_or_the_chart_alike() -> None:
    assert below_knee_side(_values(None)) is None
    assert below_knee_side(_values(None, Mark("thigh_back_left", "ache", 5))) is None
    assert below_knee_side(_values("right")) == "right"
    assert below_knee_side(_values(None, Mark("leg_back_right", "numbness", 2))) == "right"
    both = _values("left", Mark("leg_front_right", "pins_needles", 4))
    assert below_knee_side(both) == "both"


def test_chart_below_knee_gives_the_neurological_red_flag_as_the_item_does() -> None:
    cutoffs = cutoffs_for(None)
    from_chart = interpret(_values(None, Mark("leg_back_left", "pins_needles", 4)), cutoffs)
    from_item = interpret(_values("left"), cutoffs)
    assert [(f.code, f.side) for f in from_chart] == [("red_flag_neurological", "left")]
    assert [(f.code, f.side) for f in from_item] == [("red_flag_neurological", "left")]
    assert "pins and needles 4/10, left" in from_chart[0].evidence
    assert interpret(_values(None, Mark("buttock_left", "numbness", 4)), cutoffs) == []


def test_chart_changes_region_by_region() -> None:
    before = [Mark("buttock_left", "ache", 6), Mark("groin_left", "sharp", 3)]
    after = [
        Mark("buttock_left", "ache", 3),
        Mark("groin_left", "burning", 3),
        Mark("leg_back_left", "numbness", 2, carried=True),
    ]
    lines = [
        (c.label, c.before, c.after, c.change, c.carried) for c in chart_changes(before, after)
    ]
    assert lines == [
        ("Left groin", "sharp 3/10", "burning 3/10", "type changed", False),
        ("Left buttock", "ache 6/10", "ache 3/10", "-3", False),
        ("Below the left knee (back)", "", "numbness 2/10", "new", True),
    ]
    assert [c.change for c in chart_changes(after[:1], [])] == ["gone"]

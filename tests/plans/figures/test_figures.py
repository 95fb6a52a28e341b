"""The figure system: one body drawn from joint angles, two frames per exercise."""

import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import replace

import pytest

from plans.figures import BASE_POSES, EXERCISES, PoseChoice, PosePair, draw_pair
from plans.figures.skeleton import (
    PROPORTIONS,
    SEGMENTS,
    STROKE,
    Pose,
    body_points,
    leg_at,
    pose_joints,
)
from plans.figures.svg import GAP, HEIGHT, PANEL_WIDTH, WIDTH, Frame, Pair, placed_bounds
from plans.library import LIBRARY

SVG_NS = "{http://www.w3.org/2000/svg}"
HOME = [entry for entry in LIBRARY if entry.is_home_exercise]


def _frames() -> Iterator[tuple[str, Frame]]:
    for slug, pair in EXERCISES.items():
        yield f"{slug}:start", pair.start
        yield f"{slug}:end", pair.end
    for key in BASE_POSES:
        yield f"base:{key}", PoseChoice(key).frame()


FRAMES = dict(_frames())


def test_every_home_exercise_has_a_pair_and_nothing_else() -> None:
    assert sorted(EXERCISES) == sorted(entry.slug for entry in HOME)


@pytest.mark.parametrize("name", sorted(FRAMES))
def test_every_figure_has_the_same_proportions(name: str) -> None:
    joints = pose_joints(FRAMES[name].pose)
    for start, end, length in SEGMENTS:
        for side in ("n", "f"):
            measured = math.dist(joints[start.format(s=side)], joints[end.format(s=side)])
            assert measured == pytest.approx(getattr(PROPORTIONS, length), abs=1e-6)
    assert math.dist(joints["pelvis"], joints["neck"]) == pytest.approx(PROPORTIONS.trunk)
    assert math.dist(joints["hip_n"], joints["hip_f"]) == pytest.approx(2 * PROPORTIONS.hip_width)


@pytest.mark.parametrize("name", sorted(FRAMES))
def test_every_figure_stands_on_the_floor(name: str) -> None:
    joints = pose_joints(FRAMES[name].pose)
    assert min(point[1] for point in body_points(joints)) == pytest.approx(0.0, abs=1e-6)
    # Nothing below the floor: the lowest point is a joint, the head or the back.
    head = joints["head"][1] - PROPORTIONS.head_radius
    assert min(v[1] for k, v in joints.items() if k not in {"face", "spine"}) >= -1e-6
    assert head >= -1e-6


@pytest.mark.parametrize("slug", sorted(EXERCISES))
def test_pair_draws_two_different_frames_that_fit(slug: str) -> None:
    pair = EXERCISES[slug]
    svg = draw_pair(pair, title="x")
    root = ET.fromstring(svg)  # noqa: S314 - our own output
    heads = [c for c in root.iter(f"{SVG_NS}circle")]
    assert len(heads) == 2  # one body in each frame
    assert float(heads[0].get("cx", "0")) < PANEL_WIDTH < float(heads[1].get("cx", "0"))
    # The end is not the start again: the picture shows a movement.
    start, end = svg.split('<g fill="none" stroke="#000" stroke-width="3"')
    assert _shift(start, 0) != _shift(end.split("</g>", 1)[1], PANEL_WIDTH + GAP)
    for index, (x0, y0, x1, y1) in enumerate(placed_bounds(pair)):
        left = index * (PANEL_WIDTH + GAP)
        assert left <= x0 - STROKE / 2, slug
        assert x1 + STROKE / 2 <= left + PANEL_WIDTH, slug
        assert y0 - STROKE / 2 >= 0, slug
        assert y1 + STROKE / 2 <= HEIGHT, slug


def _shift(text: str, left: float) -> list[tuple[float, float]]:
    """The figure's coordinates relative to its panel, to compare frames."""
    numbers = re.findall(r"(-?[0-9.]+),(-?[0-9.]+)", text)
    return [(round(float(x) - left, 1), float(y)) for x, y in numbers]


@pytest.mark.parametrize("slug", sorted(EXERCISES))
def test_one_size_one_line_weight(slug: str) -> None:
    root = ET.fromstring(draw_pair(EXERCISES[slug], title="x"))  # noqa: S314
    assert root.get("viewBox") == f"0 0 {WIDTH:g} {HEIGHT:g}"
    weights = {g.get("stroke-width") for g in root.iter(f"{SVG_NS}g") if g.get("stroke")}
    assert weights <= {f"{STROKE:g}", "3"}  # the figure's one weight; the arrow's
    assert f"{STROKE:g}" in weights


def test_drawing_is_deterministic() -> None:
    first = [draw_pair(pair, title=slug) for slug, pair in EXERCISES.items()]
    second = [draw_pair(pair, title=slug) for slug, pair in EXERCISES.items()]
    assert first == second


def test_title_is_escaped_and_output_has_no_links() -> None:
    svg = draw_pair(EXERCISES["plank"], title='<script>"&"</script>')
    assert '<title>&lt;script&gt;"&amp;"&lt;/script&gt;</title>' in svg
    lowered = svg.lower().replace('xmlns="http://www.w3.org/2000/svg"', "")
    for forbidden in ("<script", "href", "url(", "http", "<image", "on"):
        assert f" {forbidden}" not in lowered if forbidden == "on" else forbidden not in lowered


def test_leg_at_points_the_thigh_and_shin_as_asked() -> None:
    pose = Pose(orient="supine")
    pose = replace(pose, near_leg=leg_at(pose, 90, 0))  # thigh straight up, shin level
    joints = pose_joints(pose)
    hip, knee, ankle = joints["hip_n"], joints["knee_n"], joints["ankle_n"]
    assert (knee[0] - hip[0], knee[1] - hip[1]) == pytest.approx((0, PROPORTIONS.thigh))
    assert (ankle[0] - knee[0], ankle[1] - knee[1]) == pytest.approx((PROPORTIONS.shin, 0))


# --- A clinic's own posing -------------------------------------------------------------------


def test_pose_pair_round_trips_through_json_data() -> None:
    pair = PosePair(
        PoseChoice("lying_back_knees_bent"), PoseChoice("lying_back_knees_bent", hip=90, knee=90)
    )
    data = pair.to_data()
    assert data == {
        "start": {"base": "lying_back_knees_bent", "hip": None, "knee": None, "hip_out": None,
                  "shoulder": None},
        "end": {"base": "lying_back_knees_bent", "hip": 90, "knee": 90, "hip_out": None,
                "shoulder": None},
    }  # fmt: skip
    assert PosePair.from_data(data) == pair


def test_pose_choice_changes_only_the_moving_side() -> None:
    base = PoseChoice("standing").frame().pose
    lifted = PoseChoice("standing", hip=90, knee=90, shoulder=120).frame().pose
    assert (lifted.near_leg.hip, lifted.near_leg.knee, lifted.near_arm.shoulder) == (90, 90, 120)
    assert (lifted.far_leg, lifted.far_arm) == (base.far_leg, base.far_arm)
    assert lifted.near_leg.ankle == base.near_leg.ankle


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"start": {"base": "standing"}}, "A pose needs a start and an end."),
        ({"start": {"base": "flying"}, "end": {"base": "standing"}}, "Unknown base pose"),
        ({"start": {"base": "standing", "hip": 151}, "end": {"base": "standing"}}, "hip must"),
        ({"start": {"base": "standing", "knee": -1}, "end": {"base": "standing"}}, "knee must"),
        ({"start": {"base": "standing", "knee": True}, "end": {"base": "standing"}}, "knee must"),
        ({"start": {"base": "standing", "knee": 2.5}, "end": {"base": "standing"}}, "knee must"),
        ({"start": {"base": "standing", "x": 1}, "end": {"base": "standing"}}, "expected shape"),
        ({"start": "standing", "end": {"base": "standing"}}, "expected shape"),
        ([1, 2], "A pose needs a start and an end."),
    ],
)
def test_pose_pair_refuses_what_it_cannot_draw(data: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        PosePair.from_data(data)


@pytest.mark.parametrize("key", sorted(BASE_POSES))
def test_clinic_pose_draws_like_the_built_in_pictures(key: str) -> None:
    pair = PosePair(PoseChoice(key), PoseChoice(key, hip=45, knee=30, hip_out=10, shoulder=60))
    svg = pair.draw(title="Our exercise")
    root = ET.fromstring(svg)  # noqa: S314
    assert root.get("viewBox") == f"0 0 {WIDTH:g} {HEIGHT:g}"
    assert root.find(f"{SVG_NS}title") is not None
    assert len(list(root.iter(f"{SVG_NS}circle"))) == 2
    assert svg == pair.draw(title="Our exercise")
    assert isinstance(pair.pair(), Pair)

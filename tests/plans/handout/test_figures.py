"""Exercise pictures on the handout: two frames, frozen at issue, never fetched from outside.

A clinic's posed figure and its uploaded picture are frozen into the snapshot as bytes; the
PDF (rendered with WeasyPrint for real) takes them through HandoutFetcher, the preview as
data: URIs. Every picture is at least 35 mm wide in the PDF.
"""

import base64
import io
import re
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client as HttpClient
from django.urls import reverse
from PIL import Image
from pypdf import PdfReader

from assessments.models import Assessment
from clinic.models import Clinic
from plans.figures import PosePair
from plans.handout.fetcher import FIGURE_PREFIX, PROGRAM_QR_URL, HandoutFetcher, RefusedURL
from plans.handout.figures import handout_figures, with_figures
from plans.handout.render import handout_render
from plans.handout.rendering import snapshot_of
from plans.models import ClinicIntervention, ClinicPicture, PlanVersion
from plans.pictures import read_picture
from plans.services import plan_build, plan_issue, plan_item_add

POSE = {
    "start": {"base": "lying_side", "hip": None, "knee": None, "hip_out": None, "shoulder": None},
    "end": {"base": "lying_side", "hip": None, "knee": None, "hip_out": 40, "shoulder": None},
}
MIN_WIDTH_MM = 35
PX_PER_MM = 96 / 25.4  # WeasyPrint writes layout boxes in CSS pixels


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (300, 120), (20, 120, 40)).save(out, "PNG")
    return out.getvalue()


def _own(clinic: Clinic, slug: str, name: str, **fields: Any) -> ClinicIntervention:
    return ClinicIntervention.objects.create(
        clinic=clinic, slug=slug, name=name, kind="strengthen", steps="Lift.", **fields
    )


@pytest.fixture
def own_entries(clinic: Clinic) -> dict[str, ClinicIntervention]:
    picture = read_picture(_png(), max_bytes=512 * 1024)
    stored = ClinicPicture.objects.create(
        clinic=clinic, digest=picture.digest, content_type=picture.content_type, data=picture.data
    )
    return {
        "posed": _own(clinic, "side-leg-lift", "Side leg lift", pose=POSE),
        "uploaded": _own(clinic, "band-walk", "Band walk", picture=stored),
    }


def _draft(therapist: User, typical: Assessment) -> PlanVersion:
    version = plan_build(actor=therapist, assessment=typical)
    version.refresh_from_db()
    for slug in ("side-leg-lift", "band-walk"):
        plan_item_add(actor=therapist, version=version, expected_lock=version.lock, slug=slug)
        version.refresh_from_db()
    return version


@pytest.fixture
def issued(
    therapist: User, typical: Assessment, own_entries: dict[str, ClinicIntervention]
) -> PlanVersion:
    version = _draft(therapist, typical)
    return plan_issue(actor=therapist, version=version, expected_lock=version.lock)


def _exercise(version: PlanVersion, name: str) -> dict[str, Any]:
    exercises = snapshot_of(version.pk).content["exercises"]
    return next(exercise for exercise in exercises if exercise["name"] == name)


def test_snapshot_freezes_the_posed_figure_and_the_upload(
    issued: PlanVersion, own_entries: dict[str, ClinicIntervention]
) -> None:
    posed = _exercise(issued, "Side leg lift")
    drawn = PosePair.from_data(POSE).draw(title="Side leg lift")
    assert posed["figure"] == {
        "source": "pose",
        "content_type": "image/svg+xml",
        "data": base64.b64encode(drawn.encode()).decode(),
    }
    uploaded = _exercise(issued, "Band walk")
    stored = own_entries["uploaded"].picture
    assert stored is not None
    assert uploaded["figure"] == {
        "source": "picture",
        "content_type": "image/png",
        "data": base64.b64encode(bytes(stored.data)).decode(),
    }
    assert _exercise(issued, "Glute bridge")["figure"] is None  # a built-in: its drawing
    assert _exercise(issued, "Glute bridge")["illustration"] == "glute-bridge.svg"


def test_library_changes_after_issue_do_not_change_the_handout(
    issued: PlanVersion, own_entries: dict[str, ClinicIntervention]
) -> None:
    before = handout_render(snapshot_of(issued.pk), with_progress=False)
    own_entries["posed"].pose = {}
    own_entries["posed"].save()
    own_entries["uploaded"].picture = None
    own_entries["uploaded"].save()
    after = handout_render(snapshot_of(issued.pk), with_progress=False)
    assert after.requested == before.requested
    assert _exercise(issued, "Side leg lift")["figure"]["source"] == "pose"


def _figures(pdf: bytes) -> list[dict[str, Any]]:
    """Every Figure of the PDF's structure tree: its alt text and its layout box."""
    found = []

    def walk(node: Any) -> None:
        node = node.get_object()
        if not isinstance(node, dict):
            return
        if node.get("/S") == "/Figure":
            found.append({"alt": node.get("/Alt"), "box": node["/A"]["/BBox"]})
        kids = node.get("/K")
        for kid in kids if isinstance(kids, list) else [kids] if kids is not None else []:
            walk(kid)

    walk(PdfReader(io.BytesIO(pdf)).trailer["/Root"]["/StructTreeRoot"])
    return found


def test_handout_pdf_shows_every_picture_at_least_35_mm_wide(issued: PlanVersion) -> None:
    rendered = handout_render(snapshot_of(issued.pk), with_progress=False)
    exercises = snapshot_of(issued.pk).content["exercises"]
    figures = _figures(rendered.pdf)
    # The program link's QR code (plans/program/qr.py) is a figure too, on the first page.
    codes = [figure for figure in figures if figure["alt"].startswith("QR code")]
    figures = [figure for figure in figures if figure not in codes]
    assert [code["alt"] for code in codes] == ["QR code of your program's web address"]
    assert [figure["alt"] for figure in figures] == [
        f"Picture of {exercise['name']}"
        if (exercise.get("figure") or {}).get("source") == "picture"
        else f"{exercise['name']}: the start position, then the end position"
        for exercise in exercises
    ]
    for figure in figures:
        x0, _y0, x1, _y1 = (float(value) for value in figure["box"])
        assert (x1 - x0) / PX_PER_MM >= MIN_WIDTH_MM
        assert (x1 - x0) / PX_PER_MM == pytest.approx(54, abs=0.1)


def test_handout_pdf_takes_frozen_pictures_from_the_snapshot_only(issued: PlanVersion) -> None:
    rendered = handout_render(snapshot_of(issued.pk), with_progress=False)
    exercises = snapshot_of(issued.pk).content["exercises"]
    numbers = [n for n, exercise in enumerate(exercises) if exercise["figure"]]
    assert len(numbers) == 2
    figures = [url for url in rendered.requested if url.startswith(FIGURE_PREFIX)]
    assert figures == [f"{FIGURE_PREFIX}{n}" for n in numbers]
    others = set(rendered.requested) - set(figures) - {PROGRAM_QR_URL}
    assert PROGRAM_QR_URL in rendered.requested
    assert all(url.startswith("https://handout.invalid/static/plans/") for url in others)
    drawings = {url.rsplit("/", 1)[-1] for url in others if "/illustrations/" in url}
    assert drawings == {ex["illustration"] for ex in exercises if not ex["figure"]}


def test_handout_preview_embeds_the_frozen_pictures(
    as_therapist: HttpClient, issued: PlanVersion, own_entries: dict[str, ClinicIntervention]
) -> None:
    page = as_therapist.get(reverse("handout_preview", args=[issued.pk])).content.decode()
    drawn = PosePair.from_data(POSE).draw(title="Side leg lift")
    assert f'src="data:image/svg+xml;base64,{base64.b64encode(drawn.encode()).decode()}"' in page
    stored = own_entries["uploaded"].picture
    assert stored is not None
    assert f'src="data:image/png;base64,{base64.b64encode(bytes(stored.data)).decode()}"' in page
    assert 'src="/static/plans/illustrations/glute-bridge.svg"' in page
    assert "/clinic/library/pictures/" not in page  # nothing fetched from the live library


def test_builder_preview_shows_the_clinics_own_pictures(
    as_therapist: HttpClient,
    therapist: User,
    typical: Assessment,
    own_entries: dict[str, ClinicIntervention],
) -> None:
    version = _draft(therapist, typical)
    page = as_therapist.get(reverse("plan_builder", args=[version.pk])).content.decode()
    stored = own_entries["uploaded"].picture
    assert stored is not None
    assert f'src="{reverse("library_picture", args=[stored.digest])}"' in page
    drawn = PosePair.from_data(POSE).draw(title="Side leg lift")
    assert f'src="data:image/svg+xml;base64,{base64.b64encode(drawn.encode()).decode()}"' in page
    assert 'src="/static/plans/illustrations/glute-bridge.svg"' in page


def test_fetcher_serves_only_the_figures_it_was_given() -> None:
    fetcher = HandoutFetcher(figures={f"{FIGURE_PREFIX}0": (b"<svg/>", "image/svg+xml")})
    response = fetcher.fetch(f"{FIGURE_PREFIX}0")
    assert (response.content_type, response.read()) == ("image/svg+xml", b"<svg/>")
    for url in (f"{FIGURE_PREFIX}1", f"{FIGURE_PREFIX}0?x=1", f"{FIGURE_PREFIX}../logo"):
        with pytest.raises(RefusedURL):
            fetcher.fetch(url)
    with pytest.raises(RefusedURL):
        HandoutFetcher().fetch(f"{FIGURE_PREFIX}0")


@pytest.mark.parametrize(
    "figure",
    [
        None,
        {"source": "pose", "content_type": "text/html", "data": "PHA+"},
        {"source": "pose", "content_type": "image/svg+xml", "data": "not base64!"},
        {"source": "pose", "content_type": "image/svg+xml", "data": ""},
        "image/png",
    ],
)
def test_snapshot_without_a_usable_figure_shows_its_drawing(figure: object) -> None:
    exercise = {"name": "Plank", "illustration": "plank.svg", "figure": figure}
    shown = with_figures([exercise], for_pdf=True, static_prefix="https://handout.invalid/static/")
    assert shown[0]["figure_src"] == "https://handout.invalid/static/plans/illustrations/plank.svg"
    assert handout_figures({"exercises": [exercise]}) == {}


def test_snapshot_taken_before_pictures_were_frozen_still_renders() -> None:
    old = {"name": "Plank", "illustration": "plank.svg"}  # no "figure" key at all
    shown = with_figures([old], for_pdf=False, static_prefix="/static/")
    assert (shown[0]["figure_src"], shown[0]["figure_alt"]) == (
        "/static/plans/illustrations/plank.svg",
        "Plank: the start position, then the end position",
    )
    assert (
        with_figures([{"name": "Own", "illustration": ""}], for_pdf=False, static_prefix="/")[0][
            "figure_src"
        ]
        == ""
    )


def test_handout_css_gives_the_figure_at_least_35_mm() -> None:
    from tests.paths import ROOT

    css = (ROOT / "static" / "plans" / "handout.css").read_text()
    rule = re.search(r"\.figure \{([^}]*)\}", css)
    assert rule is not None
    width = re.search(r"width: ([0-9.]+)mm", rule.group(1))
    assert width is not None
    assert float(width.group(1)) >= MIN_WIDTH_MM

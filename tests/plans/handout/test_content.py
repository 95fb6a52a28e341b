"""What the handout PDF says and how it is laid out (text read back with pypdf)."""

import logging

import pytest
from django.contrib.auth.models import User

from assessments.models import Assessment
from clinic.models import Clinic, PaperSize
from plans.figures import EXERCISES
from plans.handout.context import WARNING_SIGNS_SOON, WARNING_SIGNS_TODAY
from plans.handout.fetcher import static_file
from plans.handout.selectors import issued_version_get
from plans.handout.snapshot import dose_cells
from plans.library import Kind
from plans.models import PlanVersion
from tests.plans.handout.helpers import flat, issue, issue_six, pages_text, reader, render_pdf

# Views and forms over fixtures: make test-sqlite leaves these out (tests/conftest.py).
pytestmark = pytest.mark.same_on_any_database

HOME = {Kind.STRETCH, Kind.STRENGTHEN, Kind.MOBILITY, Kind.MOTOR_CONTROL}
A4 = (595.0, 842.0)  # points, as WeasyPrint writes them (rounded)
LETTER = (612.0, 792.0)


@pytest.fixture
def issued(therapist: User, typical: Assessment) -> PlanVersion:
    return issue(therapist, typical)


def _pdf(therapist: User, version: PlanVersion) -> bytes:
    return render_pdf(version)


def test_handout_pdf_contains_client_exercises_doses_and_warnings(
    therapist: User, issued: PlanVersion
) -> None:
    text = " ".join(pages_text(_pdf(therapist, issued)))
    exercises = [item for item in issued.items.all() if item.kind in HOME]
    assert len(exercises) == 4  # one per slot: the swaps are not printed
    assert "Priya Sharma" in text
    for item in exercises:
        assert f"{item.name}" in text
        for cell in dose_cells(item):
            assert f"{cell['label']} {cell['value']}" in text
        assert flat(item.content["safety"]) in text
    for sign in (*WARNING_SIGNS_TODAY, *WARNING_SIGNS_SOON):
        assert flat(sign) in text
    assert "When to stop and get help" in text
    assert "Riverside Test Clinic" in text
    assert "Version 1" in text


def test_handout_pdf_lists_advice_apart_and_in_clinic_briefly(
    therapist: User, issued: PlanVersion
) -> None:
    text = " ".join(pages_text(_pdf(therapist, issued)))
    advice = [item.name for item in issued.items.all() if item.kind == Kind.ADVICE]
    in_clinic = [item.name for item in issued.items.all() if item.kind == Kind.IN_CLINIC]
    assert advice
    assert in_clinic
    before, _, after = text.partition("Everyday advice")
    for name in advice:
        assert f"{name}." in after
        assert f"{name}." not in before
    assert f"(not at home): {', '.join(in_clinic)}." in text


def test_handout_pdf_has_two_to_four_pages_with_numbers(
    therapist: User, issued: PlanVersion, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        pages = pages_text(_pdf(therapist, issued))
    # WeasyPrint understood every rule it was given: a rule it ignores (a screen-only media
    # query, a property it lacks) is a warning, and the PDF would silently differ.
    assert [record.getMessage() for record in caplog.records] == []
    assert len(pages) == 3  # a typical program with its last page (advice, tick sheet)
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in text


def test_handout_exercises_are_not_split_across_pages(
    therapist: User, issued: PlanVersion
) -> None:
    # The tick sheet names every exercise again: only the text before it is the program.
    program = [text.partition("Tick it off")[0] for text in pages_text(_pdf(therapist, issued))]
    for item in issued.items.all():
        if item.kind not in HOME:
            continue
        safety = flat(item.content["safety"])
        holding = [i for i, text in enumerate(program) if f". {item.name}" in text]
        assert len(holding) == 1, item.name
        assert safety in program[holding[0]]


def test_handout_tracker_lists_each_exercise_over_four_weeks(
    therapist: User, issued: PlanVersion
) -> None:
    last = pages_text(_pdf(therapist, issued))[-1]
    assert "Tick it off: your four weeks" in last
    assert "Week 1 Week 2 Week 3 Week 4" in last
    exercises = [item.name for item in issued.items.all() if item.kind in HOME]
    for number, name in enumerate(exercises, start=1):
        assert f"{number}. {name}" in last


def test_handout_shows_clinic_branding_therapist_and_footer(
    therapist: User, typical: Assessment, clinic: Clinic
) -> None:
    clinic.phone = "555 0100"
    clinic.website = "https://riverside.example"
    clinic.handout_footer = "Riverside Physio, 12 River Street"
    clinic.save()
    therapist.first_name, therapist.last_name = "Sam", "Lee"
    therapist.save()
    therapist.membership.title = "Physiotherapist, BSc"
    therapist.membership.save()
    pages = pages_text(_pdf(therapist, issue(therapist, typical)))
    assert "Therapist: Sam Lee, Physiotherapist, BSc" in pages[0]
    assert "Phone 555 0100" in pages[0]
    assert "https://riverside.example" in pages[0]
    assert all("Riverside Physio, 12 River Street" in text for text in pages)
    assert "Visit: 2 November 2026" in pages[0]


def test_handout_red_flag_override_puts_referral_first(
    therapist: User, red_flag: Assessment
) -> None:
    version = issue(therapist, red_flag, override_reason="Client declined referral; GP today.")
    first = pages_text(_pdf(therapist, version))[0]
    referral = "Please see a doctor today Please get medical help today."
    assert referral in first
    assert first.index(referral) < first.index("Riverside Test Clinic")
    assert first.index(referral) < first.index("Your home program")


def test_handout_without_red_flags_has_no_referral(therapist: User, issued: PlanVersion) -> None:
    assert "Please see a doctor" not in pages_text(_pdf(therapist, issued))[0]


@pytest.mark.parametrize("paper", [PaperSize.A4, PaperSize.LETTER])
def test_handout_six_exercises_take_two_pages_plus_the_tick_sheet(
    therapist: User, typical: Assessment, clinic: Clinic, paper: str
) -> None:
    clinic.paper_size = paper
    clinic.save()
    version = issue_six(therapist, typical)
    pages = pages_text(_pdf(therapist, version))
    names = [item.name for item in version.items.all() if item.kind in HOME]
    assert len(names) == 6
    assert len(pages) == 3
    program = " ".join(pages[:2])
    assert all(f". {name}" in program for name in names)
    # The last page: advice, when to get help and the tick sheet, nothing of the program.
    assert pages[2].lstrip().startswith("Everyday advice")
    assert "Tick it off: your four weeks" in pages[2]
    assert "When to stop and get help" in pages[2]
    # Every exercise prints one picture of two frames: its start and its end position.
    for exercise in version.snapshot.content["exercises"]:
        drawing = static_file(f"plans/illustrations/{exercise['illustration']}").read_text()
        assert "<desc>Left: the start position. Right: the end position.</desc>" in drawing
        assert EXERCISES[exercise["slug"]].end != EXERCISES[exercise["slug"]].start


@pytest.mark.parametrize(("paper", "size"), [(PaperSize.A4, A4), (PaperSize.LETTER, LETTER)])
def test_handout_page_size_follows_clinic(
    therapist: User, typical: Assessment, clinic: Clinic, paper: str, size: tuple[float, float]
) -> None:
    clinic.paper_size = paper
    clinic.save()
    for page in reader(_pdf(therapist, issue(therapist, typical))).pages:
        box = page.mediabox
        assert (round(float(box.width)), round(float(box.height))) == size


def test_handout_pdf_metadata_language_and_fonts(therapist: User, issued: PlanVersion) -> None:
    pdf = reader(_pdf(therapist, issued))
    assert pdf.metadata is not None
    assert pdf.metadata.title == "Your home program from Riverside Test Clinic"
    assert pdf.metadata.author == "Riverside Test Clinic"
    root = pdf.trailer["/Root"]
    assert root["/Lang"] == "en"
    assert "/StructTreeRoot" in root  # tagged (PDF/UA-1)
    fonts = set()
    for page in pdf.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts.add(str(font["/BaseFont"]).split("+")[-1])
            assert "/FontFile2" in font["/DescendantFonts"][0]["/FontDescriptor"] or (
                "/FontFile3" in font["/DescendantFonts"][0]["/FontDescriptor"]
            )
    assert fonts
    assert all(name.startswith("/DejaVuSans") or "DejaVu" in name for name in fonts)


def test_issued_version_get_refuses_a_draft(therapist: User, typical: Assessment) -> None:
    from django.http import Http404

    from plans.services import plan_build

    draft = plan_build(actor=therapist, assessment=typical)
    with pytest.raises(Http404):
        issued_version_get(therapist, draft.pk)

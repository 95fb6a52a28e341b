"""The built-in intervention library: contents, doses, illustrations and readability.

Numbers asserted here come from docs/clinical.md ("Dosage defaults" and the
presentation table).
"""

import ast
import dataclasses
import re
import xml.etree.ElementTree as ET

import pytest
import textstat

from assessments.findings.core import ALL_CODES
from plans.library import BY_SLUG, LIBRARY, Intervention, Kind, get
from tests.paths import ROOT

ILLUSTRATIONS = ROOT / "static" / "plans" / "illustrations"
SVG_NS = "{http://www.w3.org/2000/svg}"

HOME_EXERCISES = [entry for entry in LIBRARY if entry.is_home_exercise]
NOT_HOME = [entry for entry in LIBRARY if not entry.is_home_exercise]

# Every intervention docs/clinical.md names, by slug, with the kind it must have.
CLINICAL_NAMED = {
    "kneeling-hip-flexor-stretch": Kind.STRETCH,
    "lunge-stretch": Kind.STRETCH,
    "couch-stretch": Kind.STRETCH,
    "supine-hamstring-stretch": Kind.STRETCH,
    "seated-forward-fold": Kind.STRETCH,
    "figure-four-stretch": Kind.STRETCH,
    "pigeon-pose": Kind.STRETCH,
    "90-90-hip-stretch": Kind.STRETCH,
    "seated-butterfly-stretch": Kind.STRETCH,
    "side-lunge-stretch": Kind.STRETCH,
    "standing-tfl-stretch": Kind.STRETCH,
    "glute-bridge": Kind.STRENGTHEN,
    "single-leg-bridge": Kind.STRENGTHEN,
    "hip-thrust": Kind.STRENGTHEN,
    "clamshell": Kind.STRENGTHEN,
    "side-lying-leg-raise": Kind.STRENGTHEN,
    "hip-airplane": Kind.MOTOR_CONTROL,
    "plank": Kind.MOTOR_CONTROL,
    "dead-bug": Kind.MOTOR_CONTROL,
    "bird-dog": Kind.MOTOR_CONTROL,
    "movement-breaks": Kind.ADVICE,
    "walking": Kind.ADVICE,
    "posture-variety": Kind.ADVICE,
    "heat-for-stiffness": Kind.ADVICE,
    "cold-for-flare-ups": Kind.ADVICE,
    "sleeping-positions": Kind.ADVICE,
    "foam-roll-outer-thigh": Kind.ADVICE,
    "deep-tissue-massage": Kind.IN_CLINIC,
    "myofascial-release": Kind.IN_CLINIC,
}

# Readability: client text must score Flesch-Kincaid grade 8 or lower. These anatomical
# words have no plain synonym a client would recognise as well, so they are removed before
# scoring (the same list is in docs/library.md). Keep it short.
ANATOMICAL_WORDS = ("hamstrings", "hamstring", "piriformis", "buttocks", "buttock", "pelvis")
MAX_GRADE = 8.0


def _ids(entries: list[Intervention]) -> list[str]:
    return [entry.slug for entry in entries]


def _grade(text: str) -> float:
    for word in ANATOMICAL_WORDS:
        text = re.sub(rf"\b{word}\b", "", text, flags=re.IGNORECASE)
    return float(textstat.flesch_kincaid_grade(text))


# --- Contents -------------------------------------------------------------------------


def test_library_size_at_least_60() -> None:
    assert len(LIBRARY) >= 60


def test_library_kinds_every_kind_present() -> None:
    assert {entry.kind for entry in LIBRARY} == set(Kind)


def test_library_slugs_unique() -> None:
    slugs = [entry.slug for entry in LIBRARY]
    assert len(slugs) == len(set(slugs))


@pytest.mark.parametrize("entry", LIBRARY, ids=_ids(list(LIBRARY)))
def test_library_slug_kebab_case(entry: Intervention) -> None:
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", entry.slug)


@pytest.mark.parametrize(("slug", "kind"), CLINICAL_NAMED.items())
def test_library_clinical_intervention_present(slug: str, kind: Kind) -> None:
    assert get(slug).kind == kind


def test_by_slug_same_entries_as_library() -> None:
    assert list(BY_SLUG.values()) == list(LIBRARY)
    assert list(BY_SLUG) == [entry.slug for entry in LIBRARY]


def test_get_known_slug_returns_entry() -> None:
    assert get("glute-bridge") is BY_SLUG["glute-bridge"]
    assert get("glute-bridge").name == "Glute bridge"


def test_get_unknown_slug_raises_key_error() -> None:
    with pytest.raises(KeyError):
        get("no-such-exercise")


def test_by_slug_read_only() -> None:
    with pytest.raises(TypeError):
        BY_SLUG["x"] = LIBRARY[0]  # type: ignore[index]


def test_intervention_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        get("plank").name = "Changed"  # type: ignore[misc]


@pytest.mark.parametrize("entry", LIBRARY, ids=_ids(list(LIBRARY)))
def test_entry_text_fields_filled(entry: Intervention) -> None:
    assert entry.name.strip() == entry.name != ""
    assert entry.summary != ""
    assert entry.targets != ()
    assert entry.steps != ()
    assert all(step.endswith((".", "?")) for step in entry.steps)
    assert entry.safety.startswith("Stop ")


def test_library_modules_import_no_django() -> None:
    for name in ("types.py", "catalogue.py", "stretches.py", "exercises.py", "advice.py"):
        tree = ast.parse((ROOT / "plans" / "library" / name).read_text(encoding="utf-8"))
        imported = [
            alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.Import)
            for alias in node.names
        ] + [node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
        assert [module for module in imported if module.startswith("django")] == []


def test_sleeping_positions_steps_cover_clinical_positions() -> None:
    steps = " ".join(get("sleeping-positions").steps)
    assert "pillow between your knees" in steps
    assert "pillow under your knees" in steps
    assert "not to sleep on your stomach" in steps


# --- Home exercise vs advice / in-clinic ---------------------------------------------------


@pytest.mark.parametrize("entry", NOT_HOME, ids=_ids(NOT_HOME))
def test_not_home_entry_has_no_illustration(entry: Intervention) -> None:
    assert entry.kind in (Kind.ADVICE, Kind.IN_CLINIC)
    assert entry.is_home_exercise is False
    assert entry.illustration is None


@pytest.mark.parametrize("entry", HOME_EXERCISES, ids=_ids(HOME_EXERCISES))
def test_home_exercise_flag_and_file_name(entry: Intervention) -> None:
    assert entry.is_home_exercise is True
    assert entry.illustration == f"{entry.slug}.svg"


def test_in_clinic_entries_exact() -> None:
    in_clinic = sorted(entry.slug for entry in LIBRARY if entry.kind == Kind.IN_CLINIC)
    assert in_clinic == ["deep-tissue-massage", "myofascial-release"]


# --- Illustrations ----------------------------------------------------------------------


@pytest.mark.parametrize("entry", HOME_EXERCISES, ids=_ids(HOME_EXERCISES))
def test_illustration_valid_small_self_contained_svg(entry: Intervention) -> None:
    assert entry.illustration is not None
    path = ILLUSTRATIONS / entry.illustration
    assert path.is_file()
    raw = path.read_bytes()
    assert len(raw) < 4000

    root = ET.fromstring(raw)  # noqa: S314 - our own static file, not user input
    assert root.tag == f"{SVG_NS}svg"
    # One size for every picture: two frames side by side (plans.figures.svg).
    assert root.get("viewBox") == "0 0 254 100"
    assert root.get("role") == "img"
    title = root.find(f"{SVG_NS}title")
    assert title is not None
    assert title.text == entry.name
    assert root[0] is title

    tags = {element.tag.removeprefix(SVG_NS) for element in root.iter()}
    assert tags <= {"svg", "title", "desc", "g", "rect", "circle", "polyline", "polygon", "path"}

    # The only URI allowed anywhere is the SVG namespace declaration itself.
    text = raw.decode("utf-8").replace('xmlns="http://www.w3.org/2000/svg"', "", 1)
    for forbidden in ("<script", "href", "http:", "https:", "file:", "data:", "url(", "<image"):
        assert forbidden not in text.lower()
    for element in root.iter():
        assert all("href" not in name for name in element.attrib)


@pytest.mark.parametrize("entry", HOME_EXERCISES, ids=_ids(HOME_EXERCISES))
def test_illustration_uses_house_palette(entry: Intervention) -> None:
    assert entry.illustration is not None
    root = ET.parse(ILLUSTRATIONS / entry.illustration).getroot()  # noqa: S314
    colours = {
        value
        for element in root.iter()
        for name, value in element.attrib.items()
        if name in ("fill", "stroke")
    }
    # Black figure, grey far limbs, light grey floor and props, white head.
    assert colours <= {"none", "#000", "#8c8c8c", "#d9d9d9", "#bfbfbf", "#f0f0f0", "#fff"}
    assert "#000" in colours


def test_illustration_directory_no_orphans() -> None:
    on_disk = sorted(path.name for path in ILLUSTRATIONS.glob("*.svg"))
    assert on_disk == sorted(entry.illustration or "" for entry in HOME_EXERCISES)


# --- Contraindications ----------------------------------------------------------------------


@pytest.mark.parametrize("entry", LIBRARY, ids=_ids(list(LIBRARY)))
def test_contraindications_known_codes(entry: Intervention) -> None:
    assert set(entry.contraindications) <= set(ALL_CODES)
    assert len(entry.contraindications) == len(set(entry.contraindications))


@pytest.mark.parametrize("slug", ["supine-hamstring-stretch", "seated-forward-fold"])
def test_hamstring_stretch_contraindicated_by_nerve_root_sign(slug: str) -> None:
    # docs/clinical.md: positive SLR with pain below the knee -> no hamstring stretching.
    assert "red_flag_neurological" in get(slug).contraindications


@pytest.mark.parametrize(
    "slug",
    [
        "pigeon-pose",
        "90-90-hip-stretch",
        "figure-four-stretch",
        "seated-butterfly-stretch",
        "hip-airplane",
        "quadruped-rock-back",
    ],
)
def test_end_range_hip_positions_contraindicated_by_hip_joint(slug: str) -> None:
    assert "hip_joint_suspected" in get(slug).contraindications


def test_loaded_exercises_contraindicated_by_fracture() -> None:
    loaded = [
        entry.slug
        for entry in LIBRARY
        if entry.kind in (Kind.STRENGTHEN, Kind.MOTOR_CONTROL)
        and "red_flag_fracture" not in entry.contraindications
    ]
    assert loaded == []
    assert "red_flag_fracture" in get("deep-tissue-massage").contraindications


def test_single_leg_bridge_contraindicated_by_poor_load_transfer() -> None:
    assert get("single-leg-bridge").contraindications == ("red_flag_fracture", "sij_load_transfer")
    assert get("glute-bridge").contraindications == ("red_flag_fracture",)


# --- Readability ------------------------------------------------------------------------


@pytest.mark.parametrize("entry", LIBRARY, ids=_ids(list(LIBRARY)))
@pytest.mark.parametrize("field", ["steps", "safety", "summary", "dose", "older_dose"])
def test_client_text_readability_grade_8(entry: Intervention, field: str) -> None:
    texts = {
        "steps": " ".join(entry.steps),
        "safety": entry.safety,
        "summary": entry.summary,
        "dose": entry.describe_dose(),
        "older_dose": entry.describe_dose(older=True),
    }
    text = texts[field]
    assert _grade(text) <= MAX_GRADE, text


def test_readability_grade_rejects_jargon() -> None:
    # Guard that the scorer really measures: dense clinical prose must fail.
    jargon = (
        "Contralateral lumbopelvic dissociation necessitates progressive neuromuscular "
        "facilitation of the posterolateral musculature during unilateral stance."
    )
    assert _grade(jargon) > MAX_GRADE


def test_readability_anatomical_words_removed_before_scoring() -> None:
    assert _grade("Stretch your piriformis.") == _grade("Stretch your.")

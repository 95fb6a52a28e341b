"""Doses of the built-in library (docs/clinical.md "Dosage defaults") and how they read."""

import dataclasses

import pytest

from plans import library
from plans.library import LIBRARY, Dose, Intervention, Kind, get
from plans.models import PlanItem
from tests.plans.library.test_catalogue import NOT_HOME, _ids

# --- Doses (docs/clinical.md "Dosage defaults") --------------------------------------------------

STRETCHES = [entry for entry in LIBRARY if entry.kind == Kind.STRETCH]
STRENGTHENING = [entry for entry in LIBRARY if entry.kind == Kind.STRENGTHEN]


@pytest.mark.parametrize("entry", STRETCHES, ids=_ids(STRETCHES))
def test_stretch_dose_acsm(entry: Intervention) -> None:
    # Hold 30 s, 2-4 repetitions, daily.
    assert entry.dose.hold_seconds == 30
    assert entry.dose.repetitions is not None
    assert 2 <= entry.dose.repetitions <= 4
    assert entry.dose.days_per_week == 7
    assert entry.dose.sets is None


@pytest.mark.parametrize("entry", STRETCHES, ids=_ids(STRETCHES))
def test_stretch_older_dose_acsm(entry: Intervention) -> None:
    # Older adults: hold 30-60 s, still 2-4 repetitions, daily.
    assert entry.older_dose.hold_seconds is not None
    assert 30 <= entry.older_dose.hold_seconds <= 60
    assert entry.older_dose.repetitions is not None
    assert 2 <= entry.older_dose.repetitions <= 4
    assert entry.older_dose.days_per_week == 7


@pytest.mark.parametrize("entry", STRENGTHENING, ids=_ids(STRENGTHENING))
@pytest.mark.parametrize("older", [False, True], ids=["adult", "older"])
def test_strengthen_dose_acsm(entry: Intervention, older: bool) -> None:
    # 2-3 sets of 10-15 repetitions, 2-3 days a week.
    dose = entry.older_dose if older else entry.dose
    assert dose.sets in (2, 3)
    assert dose.repetitions is not None
    assert 10 <= dose.repetitions <= 15
    assert dose.days_per_week in (2, 3)
    assert dose.hold_seconds is None


def test_glute_bridge_dose_clinical() -> None:
    # docs/clinical.md: glute bridges 3 x 10-15, 3 times a week.
    assert get("glute-bridge").dose == Dose(repetitions=12, sets=3, days_per_week=3)


@pytest.mark.parametrize("entry", NOT_HOME, ids=_ids(NOT_HOME))
def test_not_home_dose_no_exercise_fields(entry: Intervention) -> None:
    for dose in (entry.dose, entry.older_dose):
        assert (dose.hold_seconds, dose.repetitions, dose.sets) == (None, None, None)


def test_in_clinic_dose_empty() -> None:
    for slug in ("deep-tissue-massage", "myofascial-release"):
        assert get(slug).dose.is_empty is True
        assert get(slug).dose.describe() == ""


@pytest.mark.parametrize(
    ("dose", "expected"),
    [
        (
            Dose(hold_seconds=30, repetitions=3, days_per_week=7),
            "Hold 30 seconds, 3 times, every day",
        ),
        (
            Dose(hold_seconds=60, repetitions=2, days_per_week=7),
            "Hold 60 seconds, 2 times, every day",
        ),
        (Dose(repetitions=12, sets=3, days_per_week=3), "3 sets of 12, 3 days a week"),
        (Dose(repetitions=10, times_per_day=2, days_per_week=7), "10 times, twice a day"),
        (
            Dose(hold_seconds=20, repetitions=3, days_per_week=3),
            "Hold 20 seconds, 3 times, 3 days a week",
        ),
        (Dose(repetitions=12, sets=1), "12 times"),
        (Dose(repetitions=1), "Once"),
        (Dose(hold_seconds=1), "Hold 1 second"),
        (Dose(times_per_day=1, days_per_week=7), "Every day"),
        (Dose(times_per_day=3, days_per_week=5), "3 times a day, 5 days a week"),
        (Dose(times_per_day=1), "Once a day"),
        (Dose(days_per_week=1), "Once a week"),
        (Dose(), ""),
        # Load, rest between sets (only with more than one set) and duration.
        (
            Dose(repetitions=12, sets=3, days_per_week=3, load="a red band", rest_seconds=90),
            "3 sets of 12, with a red band, rest 90 seconds between sets, 3 days a week",
        ),
        (
            Dose(repetitions=10, sets=2, rest_seconds=60),
            "2 sets of 10, rest 1 minute between sets",
        ),
        (Dose(repetitions=10, sets=1, rest_seconds=60), "10 times"),
        (Dose(duration_minutes=20, times_per_day=1, days_per_week=7), "20 minutes, every day"),
        (Dose(duration_minutes=1), "1 minute"),
    ],
)
def test_dose_describe_exact(dose: Dose, expected: str) -> None:
    assert dose.describe() == expected


@pytest.mark.parametrize(
    ("dose", "expected"),
    [
        (
            Dose(hold_seconds=30, repetitions=3, days_per_week=7),
            "Hold 30 seconds, 3 times on each side, every day",
        ),
        (
            Dose(repetitions=12, sets=3, days_per_week=3),
            "3 sets of 12 on each side, 3 days a week",
        ),
        (Dose(hold_seconds=20), "Hold 20 seconds on each side"),
        (Dose(duration_minutes=2), "2 minutes on each side"),
        (Dose(), ""),
    ],
)
def test_dose_describe_per_side_exact(dose: Dose, expected: str) -> None:
    assert dose.describe(per_side=True) == expected


def test_intervention_describe_dose_adult_and_older() -> None:
    assert get("glute-bridge").describe_dose() == "3 sets of 12, 3 days a week"
    assert get("glute-bridge").describe_dose(older=True) == "2 sets of 10, 2 days a week"
    assert get("kneeling-hip-flexor-stretch").describe_dose() == (
        "Hold 30 seconds, 3 times on each side, every day"
    )
    assert get("kneeling-hip-flexor-stretch").describe_dose(older=True) == (
        "Hold 60 seconds, 2 times on each side, every day"
    )
    assert get("walking").describe_dose() == "Every day"


@pytest.mark.parametrize(
    "kwargs",
    [
        {"repetitions": 0},
        {"hold_seconds": -5},
        {"days_per_week": 8},
        {"sets": True},
        {"times_per_day": 1.5},
        {"rest_seconds": 0},
        {"duration_minutes": 241},
        {"load": "x" * 41},
    ],
)
def test_dose_invalid_value_raises(kwargs: dict[str, object]) -> None:
    with pytest.raises(ValueError, match="Dose"):
        Dose(**kwargs)  # type: ignore[arg-type]


def test_intervention_bad_slug_raises() -> None:
    with pytest.raises(ValueError, match="kebab-case"):
        dataclasses.replace(get("plank"), slug="Plank_Hold", illustration="Plank_Hold.svg")


def test_intervention_allows_clinic_entries_without_built_in_illustration() -> None:
    # Clinics add their own exercises, which may have no drawing; built-ins are checked above.
    custom = dataclasses.replace(get("plank"), slug="our-plank", illustration=None)
    assert (custom.illustration, custom.is_home_exercise) == (None, True)


def test_shared_doses_clinical_values() -> None:
    shared = {
        "stretch": library.STRETCH_DOSE,
        "stretch_older": library.STRETCH_OLDER_DOSE,
        "strengthen": library.STRENGTHEN_DOSE,
        "strengthen_older": library.STRENGTHEN_OLDER_DOSE,
    }
    assert shared == {
        "stretch": Dose(hold_seconds=30, repetitions=3, days_per_week=7),
        "stretch_older": Dose(hold_seconds=60, repetitions=2, days_per_week=7),
        "strengthen": Dose(repetitions=12, sets=3, days_per_week=3),
        "strengthen_older": Dose(repetitions=10, sets=2, days_per_week=2),
    }


def test_plan_item_dose_text_carries_load_rest_and_duration() -> None:
    item = PlanItem(
        repetitions=12,
        sets=3,
        days_per_week=3,
        load="a 2 kg weight",
        rest_seconds=120,
        side="both",
        content={"per_side": True},
    )
    assert item.dose_text == (
        "3 sets of 12 on each side, with a 2 kg weight, rest 2 minutes between sets, 3 days a week"
    )
    assert not Dose(load="a red band").is_empty
    assert get("banded-clamshell").describe_dose() == (
        "3 sets of 12 on each side, with a light resistance band, 3 days a week"
    )

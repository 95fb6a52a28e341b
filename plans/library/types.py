"""What an intervention is (kind, dose, wording) and the shared default doses.

Pure data, no Django. Clinical numbers: docs/clinical.md "Dosage defaults"; each is
cited where it is used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from plans.figures.posing import PosePair

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

_SMALL_NUMBER_WORDS = {1: "once", 2: "twice"}


class Kind(StrEnum):
    STRETCH = "stretch"
    STRENGTHEN = "strengthen"
    MOBILITY = "mobility"
    MOTOR_CONTROL = "motor_control"
    ADVICE = "advice"
    IN_CLINIC = "in_clinic"


HOME_EXERCISE_KINDS = frozenset({Kind.STRETCH, Kind.STRENGTHEN, Kind.MOBILITY, Kind.MOTOR_CONTROL})


LOAD_MAX_LENGTH = 40


def _seconds(seconds: int) -> str:
    """'45 seconds', '1 minute', '90 seconds', '2 minutes': whole minutes read as minutes."""
    if seconds % 60 == 0:
        minutes = seconds // 60
        return f"{minutes} minute" if minutes == 1 else f"{minutes} minutes"
    return f"{seconds} second" if seconds == 1 else f"{seconds} seconds"


def _times(count: int, unit: str) -> str:
    """'once a day', 'twice a week', '3 times a day'."""
    return f"{_SMALL_NUMBER_WORDS.get(count, f'{count} times')} a {unit}"


@dataclass(frozen=True)
class Dose:
    """How much and how often; every field is optional (advice may have none)."""

    hold_seconds: int | None = None
    repetitions: int | None = None  # per set
    sets: int | None = None
    times_per_day: int | None = None
    days_per_week: int | None = None
    # What the client works against, in their own words: "a light resistance band",
    # "a 2 kg weight", "your body weight". Short text, not a number with a unit: home loads
    # are bands of a colour, bags and bottles as often as kilograms (docs/library.md).
    load: str = ""
    rest_seconds: int | None = None  # between sets
    duration_minutes: int | None = None  # walking and other steady activity

    def __post_init__(self) -> None:
        limits = {
            "hold_seconds": 600,
            "repetitions": 100,
            "sets": 10,
            "times_per_day": 24,
            "days_per_week": 7,
            "rest_seconds": 600,
            "duration_minutes": 240,
        }
        for field_name, upper in limits.items():
            value = getattr(self, field_name)
            if value is None:
                continue
            if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= upper:
                raise ValueError(f"Dose.{field_name} must be a whole number 1-{upper}: {value!r}")
        if not isinstance(self.load, str) or len(self.load) > LOAD_MAX_LENGTH:
            raise ValueError(f"Dose.load must be text of at most {LOAD_MAX_LENGTH} characters")

    @property
    def is_empty(self) -> bool:
        return not self.load and all(
            value is None
            for value in (
                self.hold_seconds,
                self.repetitions,
                self.sets,
                self.times_per_day,
                self.days_per_week,
                self.rest_seconds,
                self.duration_minutes,
            )
        )

    def describe(self, *, per_side: bool = False) -> str:
        """Plain words, e.g. "Hold 30 seconds, 3 times, every day"; "" for an empty dose."""
        side = " on each side" if per_side else ""
        parts: list[str] = []
        if self.hold_seconds is not None:
            unit = "second" if self.hold_seconds == 1 else "seconds"
            parts.append(f"Hold {self.hold_seconds} {unit}")
        if self.sets is not None and self.sets > 1 and self.repetitions is not None:
            parts.append(f"{self.sets} sets of {self.repetitions}{side}")
        elif self.repetitions is not None:
            count = "once" if self.repetitions == 1 else f"{self.repetitions} times"
            parts.append(f"{count}{side}")
        elif self.sets is not None:
            parts.append(f"{self.sets} sets{side}")
        elif parts:
            parts[-1] += side
        if self.duration_minutes is not None:
            unit = "minute" if self.duration_minutes == 1 else "minutes"
            parts.append(f"{self.duration_minutes} {unit}{'' if parts else side}")
        if self.load:
            parts.append(f"with {self.load}")
        if self.rest_seconds is not None and self.sets is not None and self.sets > 1:
            parts.append(f"rest {_seconds(self.rest_seconds)} between sets")
        parts.extend(self._frequency())
        text = ", ".join(parts)
        return text[:1].upper() + text[1:]

    def _frequency(self) -> list[str]:
        per_day, per_week = self.times_per_day, self.days_per_week
        if per_day is None and per_week is None:
            return []
        if per_week == 7 and per_day in (None, 1):
            return ["every day"]
        parts = []
        if per_day is not None:
            parts.append(_times(per_day, "day"))
        if per_week is not None and per_week != 7:
            parts.append("once a week" if per_week == 1 else f"{per_week} days a week")
        return parts


@dataclass(frozen=True)
class Intervention:
    """One library entry; client-facing text is plain English in the second person."""

    slug: str  # stable, kebab-case
    name: str  # client-facing name
    kind: Kind
    targets: tuple[str, ...]  # target muscles/areas in plain clinical words, searchable
    steps: tuple[str, ...]  # client-facing steps: second person, short sentences
    safety: str  # "Stop if ..." cue
    dose: Dose
    older_dose: Dose  # older-adult variant
    per_side: bool
    contraindications: tuple[str, ...]  # finding codes that forbid it
    illustration: str | None  # file under static/plans/illustrations/
    summary: str = ""  # one-line plain description
    # A clinic's own picture, which wins over the illustration: a posed figure, or the
    # digest of an uploaded picture (plans.models.ClinicPicture; it wins over both).
    pose: PosePair | None = None
    picture: str = ""

    def __post_init__(self) -> None:
        if not SLUG_RE.match(self.slug):
            raise ValueError(f"Intervention slug must be kebab-case: {self.slug!r}")
        if not (self.name and self.steps and self.safety):
            raise ValueError(f"{self.slug}: name, steps and safety are required")

    @property
    def is_home_exercise(self) -> bool:
        return self.kind in HOME_EXERCISE_KINDS

    @property
    def slot(self) -> str:
        """What the entry is for: its kind and first target. Entries with the same slot are
        alternatives (kneeling or standing hip flexor stretch): a plan takes one of them
        and offers the others as swaps (docs/rules.md, "One slot per target")."""
        return f"{self.kind}:{self.targets[0] if self.targets else self.slug}"

    def describe_dose(self, *, older: bool = False) -> str:
        """The dose in plain words, with "on each side" for one-sided exercises."""
        dose = self.older_dose if older else self.dose
        return dose.describe(per_side=self.per_side)


# Shared doses. CLINICAL.md "Dosage defaults", stretch (ACSM): hold 30 s (30-60 s for
# older adults), 2-4 repetitions, daily. Older adults get the 60 s end of that range with
# one repetition fewer, so the daily time stays about the same.
STRETCH_DOSE = Dose(hold_seconds=30, repetitions=3, days_per_week=7)
STRETCH_OLDER_DOSE = Dose(hold_seconds=60, repetitions=2, days_per_week=7)
# CLINICAL.md "Dosage defaults", strengthen (ACSM): 2-3 sets of 10-15 repetitions, 2-3 days
# a week, start light; glute bridges 3 x 10-15, 3 times a week (presentation table).
# Older adults start at the light end of the same range.
STRENGTHEN_DOSE = Dose(repetitions=12, sets=3, days_per_week=3)
STRENGTHEN_OLDER_DOSE = Dose(repetitions=10, sets=2, days_per_week=2)
# Mobility and motor control: CLINICAL.md gives no numbers. Gentle, frequent practice is
# the usual advice; these are defaults for the therapist to change.
MOBILITY_DOSE = Dose(repetitions=10, times_per_day=2, days_per_week=7)
MOBILITY_OLDER_DOSE = Dose(repetitions=8, times_per_day=2, days_per_week=7)
NO_DOSE = Dose()

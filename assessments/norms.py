"""Reference ranges and cut-offs (docs/clinical.md), with per-clinic overrides.

Pure: no Django, no database. docs/clinical.md asks the product to show the range and let the
clinic change a cut-off rather than pretend there is one true value, so every cut-off has a
name a clinic admin can override (validated by `validate_overrides`).

Percent of reference is the value divided by the MIDPOINT of the reference range, x 100,
rounded half up to a whole percent: one number per value, 100% in the middle of the normal
range. Lumbar norms are single values (Physiopedia), stored as a range from that value to
itself, so below/above means below/above that value.
"""

import difflib
import math
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from types import MappingProxyType

from assessments.catalogue.items import ITEMS, Kind
from assessments.values import AssessmentValues

DEFAULT_CUTOFFS: Mapping[str, float] = MappingProxyType(
    {
        # docs/clinical.md "Thomas test (modified)": thigh above the table (hip angle > 0 deg above
        # horizontal) = tight one-joint hip flexors (iliopsoas).
        "thomas_hip_angle_max": 0.0,
        # docs/clinical.md "Thomas test (modified)": knee angle below 67 deg (BMC Sports Sci Med
        # Rehabil 2021; other sources use 80 or 90) = tight rectus femoris.
        "thomas_knee_angle_min": 67.0,
        # docs/clinical.md "Thomas test (modified)": thigh abducted (> 0 deg) = tight TFL/ITB.
        "thomas_abduction_max": 0.0,
        # docs/clinical.md "Muscle length tests": SLR under 80 deg reduced (Magee; others use 70).
        "slr_reduced_below": 80.0,
        # docs/clinical.md "Muscle length tests": below-knee pain between 30 and 70 deg = nerve
        # root.
        "slr_nerve_root_low": 30.0,
        "slr_nerve_root_high": 70.0,
        # docs/clinical.md "Muscle length tests": 90/90 AKE tight if more than 20 deg short.
        "ake_deficit_tight_over": 20.0,
        # docs/clinical.md "Measurement error": goniometer SEM about 7 deg, side difference
        # beyond 5-7 deg; the upper end avoids flagging noise. The margin for every finding
        # read from degrees (an angle within it of its cut-off is not a finding) and for a
        # side difference.
        "side_difference_deg": 7.0,
        # docs/clinical.md "Strength": Oxford 5 is normal; below 5 marks weakness.
        "oxford_normal": 5.0,
        # docs/clinical.md "Strength": "or a side difference" marks weakness; the size is not
        # given, so one whole grade (e.g. 4 vs 5), overridable by the clinic.
        "oxford_side_difference": 1.0,
        # docs/clinical.md "Provocation / special tests": Active SLR, any score above 0 is
        # positive.
        "aslr_positive_over": 0.0,
    }
)

# Cut-offs with no default: a finding that needs one fires only when a clinic sets it.
OPTIONAL_CUTOFFS: Mapping[str, str] = MappingProxyType(
    {
        # docs/clinical.md "Posture": the 4-13 deg normal tilt band is UNCONFIRMED and anterior
        # tilt is normal in most people (Herrington 2011), so flag only against a clinic threshold.
        "pelvic_tilt_anterior_max": (
            "Anterior pelvic tilt (degrees) above which anterior_pelvic_tilt is reported; "
            "no default because docs/clinical.md marks the normal band UNCONFIRMED."
        ),
    }
)


@dataclass(frozen=True)
class Reference:
    """A normal range for one catalogue item, in the item's unit."""

    low: float
    high: float
    source: str

    def text(self, unit: str = "") -> str:
        """'30-40°', or '50°' for a single-value norm."""
        span = _fmt(self.low) if self.low == self.high else f"{_fmt(self.low)}-{_fmt(self.high)}"
        return f"{span}{_unit_suffix(unit)}"


_HIP = "AFP (Wilson 2014), adult hip norms"
_LUMBAR = "Physiopedia (single value)"
REFERENCES: Mapping[str, Reference] = MappingProxyType(
    {
        # docs/clinical.md "Range of motion": hip norms, adults (AFP/Wilson 2014).
        "hip_flexion": Reference(110, 120, _HIP),
        "hip_extension": Reference(10, 15, f"{_HIP}; some tables give 20-30"),
        "hip_abduction": Reference(30, 50, _HIP),
        "hip_adduction": Reference(20, 30, _HIP),
        "hip_external_rotation": Reference(40, 60, _HIP),
        "hip_internal_rotation": Reference(30, 40, _HIP),
        # docs/clinical.md "Range of motion": lumbar (Physiopedia) flexion 50, extension 15, side
        # flexion 20 each way; single values, so the range is that value.
        "lumbar_flexion": Reference(50, 50, _LUMBAR),
        "lumbar_extension": Reference(15, 15, _LUMBAR),
        "lumbar_side_flexion": Reference(20, 20, _LUMBAR),
        # docs/clinical.md "Muscle length tests": SLR normal about 90, under 80 reduced (Magee).
        # The low end follows the slr_reduced_below cut-off unless slr_angle_low is set.
        "slr_angle": Reference(80, 90, "Magee: normal about 90°, under 80° reduced"),
    }
)
# A reference whose low end is, by default, a named cut-off (kept in step with findings).
_LINKED_LOW = {"slr_angle": "slr_reduced_below"}


def _item_bounds(code: str) -> tuple[float, float]:
    item = ITEMS[code]
    if item.minimum is None or item.maximum is None:
        raise LookupError(f"Catalogue item {code} has no bounds.")
    return float(item.minimum), float(item.maximum)


# Plausible values a clinic may type: a cut-off on a measurement stays within that
# measurement's catalogue bounds. These are input sanity limits, not clinical values.
_BOUNDS: dict[str, tuple[float, float]] = {
    "thomas_hip_angle_max": _item_bounds("thomas_hip_angle"),
    "thomas_knee_angle_min": _item_bounds("thomas_knee_angle"),
    "thomas_abduction_max": _item_bounds("thomas_abduction"),
    "slr_reduced_below": _item_bounds("slr_angle"),
    "slr_nerve_root_low": _item_bounds("slr_angle"),
    "slr_nerve_root_high": _item_bounds("slr_angle"),
    "ake_deficit_tight_over": _item_bounds("ake_deficit"),
    # At least 1 deg (0 would flag every difference); at most 30 deg (beyond that the
    # comparison says nothing). Sanity limits only.
    "side_difference_deg": (1.0, 30.0),
    # Oxford scale 0-5 (docs/clinical.md "Strength"); a normal of 0 would switch weakness off.
    "oxford_normal": (1.0, 5.0),
    # One +/- step (4 vs 4+, catalogue.OXFORD_SCORE) up to the whole scale.
    "oxford_side_difference": (0.33, 5.0),
    # Active SLR side score 0-5: a cut-off of 5 could never be exceeded.
    "aslr_positive_over": (0.0, _item_bounds("aslr_score")[1] - 1),
    "pelvic_tilt_anterior_max": _item_bounds("pelvic_tilt_deg"),
}
for _code in REFERENCES:
    _BOUNDS[f"{_code}_low"] = _BOUNDS[f"{_code}_high"] = _item_bounds(_code)
KNOWN_CUTOFFS: tuple[str, ...] = (*DEFAULT_CUTOFFS, *OPTIONAL_CUTOFFS)


def _fmt(number: float) -> str:
    """7.0 -> '7', 7.5 -> '7.5'."""
    return f"{number:g}"


def _unit_suffix(unit: str) -> str:
    return unit if unit in ("°", "%", "") else f" {unit}"


def _unknown_message(key: object) -> str:
    name = str(key)
    close = difflib.get_close_matches(name, list(_BOUNDS), n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return (
        f"Unknown cut-off '{name}'{hint}; known cut-offs are {', '.join(KNOWN_CUTOFFS)}, "
        f"plus <item>_low or <item>_high for {', '.join(REFERENCES)}."
    )


def _kind_of(value: object) -> str:
    if value is None:
        return "empty (null)"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, str):
        return "text"
    return "a list or object" if isinstance(value, list | dict) else type(value).__name__


def validate_overrides(raw: object) -> dict[str, float]:
    """Return the overrides as a name -> number mapping, or raise ValueError for the user."""
    if not isinstance(raw, Mapping):
        raise ValueError(
            "Cut-off overrides must be a JSON object of cut-off name to number, such as "
            '{"slr_reduced_below": 70}.'
        )
    cleaned: dict[str, float] = {}
    for key in sorted(raw, key=str):
        if not isinstance(key, str) or key not in _BOUNDS:
            raise ValueError(_unknown_message(key))
        value = raw[key]
        if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
            raise ValueError(f"Cut-off '{key}' must be a number, not {_kind_of(value)}.")
        try:
            number = float(value)
        except OverflowError:  # an integer beyond any float (JSON allows 4,300 digits)
            number = math.inf if value > 0 else -math.inf
        low, high = _BOUNDS[key]
        if not math.isfinite(number) or not low <= number <= high:
            # An integer of hundreds of digits is not worth repeating (nor always printable).
            huge = isinstance(value, int) and math.isinf(number)
            shown = "a number that large" if huge else value
            raise ValueError(
                f"Cut-off '{key}' must be between {_fmt(low)} and {_fmt(high)}, not {shown}."
            )
        cleaned[key] = number
    _check_consistent(cleaned)
    return cleaned


def _check_consistent(overrides: Mapping[str, float]) -> None:
    """Pairs of cut-offs must still make sense once applied on top of the defaults."""
    merged = {**DEFAULT_CUTOFFS, **overrides}
    low, high = merged["slr_nerve_root_low"], merged["slr_nerve_root_high"]
    if low > high:
        key = "slr_nerve_root_high" if "slr_nerve_root_high" in overrides else "slr_nerve_root_low"
        raise ValueError(
            f"Cut-off '{key}' leaves the nerve-root SLR range running from {_fmt(low)} "
            f"down to {_fmt(high)}; the low end must not be above the high end."
        )
    for code in REFERENCES:
        reference = reference_for(code, merged)
        if reference is not None and reference.low > reference.high:
            key = f"{code}_high"
            if key not in overrides:
                key = f"{code}_low" if f"{code}_low" in overrides else _LINKED_LOW[code]
            raise ValueError(
                f"Cut-off '{key}' leaves the {ITEMS[code].label.lower()} reference running "
                f"from {_fmt(reference.low)} down to {_fmt(reference.high)}; the low end must "
                f"not be above the high end."
            )


def cutoffs_for(overrides: Mapping[str, object] | None) -> dict[str, float]:
    """The defaults with a clinic's overrides on top; ValueError if the overrides are bad."""
    result = dict(DEFAULT_CUTOFFS)
    if overrides:
        result.update(validate_overrides(overrides))
    return result


def reference_for(code: str, cutoffs: Mapping[str, float]) -> Reference | None:
    """The normal range for an item, with the clinic's `<item>_low/_high` applied."""
    base = REFERENCES.get(code)
    if base is None:
        return None
    linked = _LINKED_LOW.get(code)
    default_low = cutoffs.get(linked, base.low) if linked else base.low
    low = cutoffs.get(f"{code}_low", default_low)
    high = cutoffs.get(f"{code}_high", base.high)
    if (low, high) == (base.low, base.high):
        return base
    return Reference(low, high, f"clinic setting (default {base.text()}, {base.source})")


@dataclass(frozen=True)
class SideValue:
    """One recorded value against its reference; side is 'left', 'right' or '' (unsided)."""

    side: str
    value: float
    reference: Reference | None
    percent: int | None  # of the reference midpoint, rounded half up
    below: bool
    above: bool


@dataclass(frozen=True)
class ItemComparison:
    """A numeric item's values against the norm, per side, with the left-right difference."""

    code: str
    unit: str
    sides: tuple[SideValue, ...]
    difference: float | None  # |left - right|, only when both sides were recorded
    difference_exceeds: bool  # degrees only: difference > side_difference_deg

    @property
    def reference(self) -> Reference | None:
        return self.sides[0].reference

    @property
    def reference_text(self) -> str:
        return self.reference.text(self.unit) if self.reference else ""

    def side(self, side: str) -> SideValue | None:
        return next((value for value in self.sides if value.side == side), None)

    def _amount(self, number: float) -> str:
        return f"{_fmt(number)}{_unit_suffix(self.unit)}"

    @property
    def summary(self) -> tuple[str, ...]:
        """'left 28° (80%)' per side, then 'difference 9°' when both sides were recorded."""
        parts = []
        for value in self.sides:
            percent = f" ({value.percent}%)" if value.percent is not None else ""
            label = f"{value.side} " if value.side else ""
            parts.append(f"{label}{self._amount(value.value)}{percent}")
        if self.difference is not None:
            parts.append(f"difference {self._amount(self.difference)}")
        return tuple(parts)

    @property
    def flags(self) -> tuple[str, ...]:
        """Short notes for the therapist: 'below 30-40° range (left)', 'sides differ by 9°'."""
        flags = []
        for value in self.sides:
            if value.reference is None or not (value.below or value.above):
                continue
            single = value.reference.low == value.reference.high
            where = f" ({value.side})" if value.side else ""
            kind = "reference" if single else "range"
            direction = "below" if value.below else "above"
            flags.append(f"{direction} {value.reference.text(self.unit)} {kind}{where}")
        if self.difference_exceeds and self.difference is not None:
            flags.append(f"sides differ by {self._amount(self.difference)}")
        return tuple(flags)


def _percent(value: float, reference: Reference | None) -> int | None:
    if reference is None or reference.low + reference.high == 0:
        return None
    midpoint = (Decimal(str(reference.low)) + Decimal(str(reference.high))) / 2
    percent = Decimal(str(value)) / midpoint * 100
    return int(percent.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def compare(
    code: str, values: AssessmentValues, cutoffs: Mapping[str, float]
) -> ItemComparison | None:
    """A numeric item against its norm; None if it is not numeric or nothing was recorded."""
    item = ITEMS[code]
    if item.kind is not Kind.NUMBER:
        return None
    reference = reference_for(code, cutoffs)
    sides = []
    for side in item.sides:
        value = values.number(code, side)
        if value is None:
            continue
        below = reference is not None and value < reference.low
        above = reference is not None and value > reference.high
        sides.append(
            SideValue(str(side), value, reference, _percent(value, reference), below, above)
        )
    if not sides:
        return None
    difference, exceeds = None, False
    if len(sides) == 2:
        left, right = sides
        difference = round(abs(left.value - right.value), max(item.decimals, 1))
        threshold = cutoffs.get("side_difference_deg", DEFAULT_CUTOFFS["side_difference_deg"])
        exceeds = item.unit == "°" and difference > threshold
    return ItemComparison(code, item.unit, tuple(sides), difference, exceeds)

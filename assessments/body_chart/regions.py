"""The body chart's regions and pain types (pure data; docs/clinical.md "The body chart").

Regions are coarse except around the low back and hip, where this app's clients hurt: low
back, buttock, groin and the front, side and back of the thigh by side, and below the knee
(to the foot) front and back by side. A region belongs to one view (front or back), so one mark per
region and visit is unambiguous.
"""

from dataclasses import dataclass

FRONT, BACK = "front", "back"
VIEWS = ((FRONT, "Front"), (BACK, "Back"))

# docs/clinical.md "The body chart": the five pain types, and intensity 0-10 (NPRS).
PAIN_TYPES = (
    ("ache", "Ache"),
    ("sharp", "Sharp"),
    ("burning", "Burning"),
    ("pins_needles", "Pins and needles"),
    ("numbness", "Numbness"),
)
PAIN_TYPE_LABEL = dict(PAIN_TYPES)
# Types that are paraesthesia rather than pain: below the knee they point to a nerve root.
NERVE_TYPES = frozenset({"pins_needles", "numbness"})
INTENSITY_MIN, INTENSITY_MAX = 0, 10


@dataclass(frozen=True)
class Region:
    code: str
    label: str  # names the side and view: "Left buttock", "Below the right knee (back)"
    view: str  # FRONT | BACK
    side: str  # "left" | "right" | "" (midline)
    below_knee: bool = False


@dataclass(frozen=True)
class Mark:
    """One marked region of one visit: pain type and intensity 0-10.

    A mark carried over from the last visit has no intensity until the therapist asks
    today's (docs/clinical.md "Follow-up visits": pain intensity is asked anew).
    """

    region: str
    pain_type: str
    intensity: int | None
    carried: bool = False  # copied from the last visit: today's intensity not asked yet

    @property
    def label(self) -> str:
        return REGIONS[self.region].label

    @property
    def pain_type_label(self) -> str:
        return PAIN_TYPE_LABEL.get(self.pain_type, self.pain_type)

    @property
    def intensity_text(self) -> str:
        return "intensity not asked yet" if self.intensity is None else f"{self.intensity}/10"

    @property
    def words(self) -> str:
        """ "ache 4/10", or "ache, intensity not asked yet"."""
        what = self.pain_type_label.lower()
        return (
            f"{what} {self.intensity}/10"
            if self.intensity is not None
            else f"{what}, {self.intensity_text}"
        )


def _sided(code: str, label: str, view: str, *, below_knee: bool = False) -> list[Region]:
    """Left then right: `label` has "{side}" where the side's word goes."""
    return [
        Region(f"{code}_{side}", label.format(side=side), view, side, below_knee)
        for side in ("left", "right")
    ]


_REGIONS: list[Region] = [
    Region("head_front", "Head and face", FRONT, ""),
    *_sided("shoulder_arm_front", "Front of the {side} shoulder and arm", FRONT),
    Region("chest", "Chest", FRONT, ""),
    Region("abdomen", "Abdomen", FRONT, ""),
    *_sided("groin", "{side} groin", FRONT),
    *_sided("thigh_front", "Front of the {side} thigh", FRONT),
    *_sided("thigh_side", "Side of the {side} thigh", FRONT),
    *_sided("leg_front", "Below the {side} knee (front)", FRONT, below_knee=True),
    Region("head_neck_back", "Back of the head and neck", BACK, ""),
    *_sided("shoulder_arm_back", "Back of the {side} shoulder and arm", BACK),
    Region("upper_back", "Upper and mid back", BACK, ""),
    *_sided("low_back", "Low back, {side} side", BACK),
    *_sided("buttock", "{side} buttock", BACK),
    *_sided("thigh_back", "Back of the {side} thigh", BACK),
    *_sided("leg_back", "Below the {side} knee (back)", BACK, below_knee=True),
]
REGIONS: dict[str, Region] = {
    r.code: Region(r.code, r.label[0].upper() + r.label[1:], r.view, r.side, r.below_knee)
    for r in _REGIONS
}
REGION_ORDER = {code: index for index, code in enumerate(REGIONS)}


def sort_marks(marks: "list[Mark] | tuple[Mark, ...]") -> tuple[Mark, ...]:
    """Marks in the chart's order (front view first, head to foot)."""
    return tuple(sorted(marks, key=lambda mark: REGION_ORDER.get(mark.region, len(REGIONS))))


def mark_problem(region: str, pain_type: str, intensity: int | None) -> str:
    """Why a mark cannot be stored ("" when it can): the database's constraints in words."""
    if region not in REGIONS:
        return f"Unknown body-chart region {region!r}."
    if pain_type not in PAIN_TYPE_LABEL:
        return f"{REGIONS[region].label}: choose a pain type."
    if intensity is None:
        return f"{REGIONS[region].label}: give the intensity, 0 to 10."
    if not INTENSITY_MIN <= intensity <= INTENSITY_MAX:
        return f"{REGIONS[region].label}: intensity must be from 0 to 10."
    return ""

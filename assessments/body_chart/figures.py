"""What the page draws of a chart: two figures, each region with its mark (pure)."""

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from assessments.body_chart.regions import REGIONS, VIEWS, Mark
from assessments.body_chart.shapes import PATHS, WIDTH

# Letters under each figure saying which side is which (docs/assessment.md "Body chart").
_SIDE_LETTERS = {"front": ("R", "L"), "back": ("L", "R")}


@dataclass(frozen=True)
class DrawnRegion:
    code: str
    label: str
    path: str
    mark: Mark | None
    listed: bool  # the entry page has a row for it (marked, or added)

    @property
    def shade(self) -> str:
        """The CSS class of the fill: darker as the intensity rises; carried marks without
        today's intensity yet are hatched."""
        if self.mark is None:
            return ""
        return "bc-unasked" if self.mark.intensity is None else f"bc-i{self.mark.intensity}"

    @property
    def title(self) -> str:
        if self.mark is None:
            return f"{self.label}: not marked"
        return f"{self.label}: {self.mark.pain_type_label.lower()}, {self.mark.intensity_text}"


@dataclass(frozen=True)
class Figure:
    view: str
    title: str
    regions: tuple[DrawnRegion, ...]
    left_letter: str
    right_letter: str
    width: int = WIDTH


def figures(marks: Sequence[Mark], listed: Collection[str] = ()) -> tuple[Figure, ...]:
    """The front and back figures for these marks."""
    by_region = {mark.region: mark for mark in marks}
    drawn = []
    for view, title in VIEWS:
        regions = tuple(
            DrawnRegion(
                code,
                region.label,
                PATHS[code],
                by_region.get(code),
                code in listed or code in by_region,
            )
            for code, region in REGIONS.items()
            if region.view == view
        )
        left, right = _SIDE_LETTERS[view]
        drawn.append(Figure(view, title, regions, left, right))
    return tuple(drawn)

"""Pain below the knee, from the pain-site item or the body chart (pure).

The nerve-root reasoning (docs/clinical.md "Red flags" and "The body chart") reads one
answer, whichever way the therapist recorded it: the side(s) where pain or paraesthesia
goes below the knee.
"""

from assessments.body_chart.regions import REGIONS
from assessments.values import AssessmentValues


def below_knee_side(values: AssessmentValues) -> str | None:
    """ "left", "right" or "both" where pain goes below the knee; "" when recorded with no
    side; None when neither the pain-site item nor the chart records it."""
    sides: set[str] = set()
    recorded = False
    site = values.choice("pain_site_below_knee")
    if site is not None:
        recorded = True
        sides.update(("left", "right") if site == "both" else {site} & {"left", "right"})
    for mark in values.body_chart:
        region = REGIONS.get(mark.region)
        if region is not None and region.below_knee:
            recorded = True
            sides.add(region.side)
    if not recorded:
        return None
    if sides >= {"left", "right"}:
        return "both"
    return next(iter(sides), "")


def below_knee_detail(values: AssessmentValues) -> str:
    """What the chart says below the knee, for the evidence: "pins and needles 4/10, left"."""
    parts = []
    for mark in values.body_chart:
        region = REGIONS.get(mark.region)
        if region is not None and region.below_knee:
            parts.append(f"{mark.words}, {region.side}")
    return "; ".join(parts)

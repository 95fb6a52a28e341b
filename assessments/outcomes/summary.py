"""Every outcome score of one visit at once: for the assessment pages and the exports."""

from dataclasses import dataclass
from typing import Any

from assessments.outcomes.oswestry import ODI_MIN_ANSWERED, OdiResult, odi, odi_answered
from assessments.outcomes.psfs import psfs_mean, psfs_scores
from assessments.outcomes.roland_morris import RMDQ_MCID_POINTS, RMDQ_MCID_RELATIVE, rmdq
from assessments.outcomes.startback import STARTBACK_ITEMS, StartBackResult, startback
from assessments.values import AssessmentValues

# The published band names (docs/clinical.md "Outcome measures"), as a phrase.
ODI_BAND_TEXT = {
    "minimal": "minimal disability",
    "moderate": "moderate disability",
    "severe": "severe disability",
    "crippled": "crippled",
    "bed-bound": "bed-bound",
}


@dataclass(frozen=True)
class OutcomeScores:
    psfs_mean: float | None
    psfs_count: int  # activities scored
    odi: OdiResult | None
    odi_answered: int  # sections with a score
    startback: StartBackResult | None
    rmdq: int | None = None  # Roland-Morris total from the clinic's form, 0-24

    @property
    def recorded(self) -> bool:
        return bool(
            self.psfs_count
            or self.odi
            or self.odi_answered
            or self.startback
            or self.rmdq is not None
        )

    @property
    def rmdq_mcid_text(self) -> str:
        """The meaningful change the comparison and charts use, in words."""
        return f"{RMDQ_MCID_POINTS} points or {float(RMDQ_MCID_RELATIVE) * 100:g}%"

    @property
    def odi_band_text(self) -> str:
        return "" if self.odi is None else ODI_BAND_TEXT[self.odi.band]

    @property
    def odi_incomplete(self) -> bool:
        """Some sections answered, but too few for a score from them."""
        return 0 < self.odi_answered < ODI_MIN_ANSWERED

    @property
    def odi_needed(self) -> int:
        return ODI_MIN_ANSWERED

    @property
    def startback_items(self) -> int:
        return len(STARTBACK_ITEMS)


def outcome_scores(values: AssessmentValues) -> OutcomeScores:
    return OutcomeScores(
        psfs_mean=psfs_mean(values),
        psfs_count=len(psfs_scores(values)),
        odi=odi(values),
        odi_answered=odi_answered(values),
        startback=startback(values),
        rmdq=rmdq(values),
    )


def scores_data(scores: OutcomeScores) -> dict[str, Any]:
    """The scores as plain JSON values; a measure with no score is null."""
    oswestry, back = scores.odi, scores.startback
    return {
        "psfs": None
        if scores.psfs_mean is None
        else {"mean": scores.psfs_mean, "activities": scores.psfs_count},
        "odi": None
        if oswestry is None
        else {
            "percent": oswestry.percent,
            "band": oswestry.band,
            "source": oswestry.source,
            "sections_answered": oswestry.answered,
        },
        "startback": None
        if back is None or (back.total is None and back.psychosocial is None)
        else {
            "total": back.total,
            "psychosocial": back.psychosocial,
            "risk_group": back.group,
            "source": back.source,
            "items_answered": back.answered,
        },
    }

"""What the progress letter says, read from the episode's visits, plans and goals.

The letter is for the referring doctor: plain clinical English, the clinic's letterhead,
findings at the first and latest visit, the treatment given, the outcome measures with
their change against the MCID, the goals and who wrote it (docs/episodes.md).
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import User
from django.utils import timezone

from assessments.compare.change import thresholds
from assessments.findings.core import Finding, interpret
from assessments.interpretation import clinic_cutoffs
from assessments.models import Assessment
from assessments.selectors import values_of_visits
from clinic.models import Clinic, Membership, PaperSize
from episodes import selectors
from episodes.goals import GoalProgress, latest_score
from episodes.letter.outcomes import outcome_rows
from episodes.models import Episode
from plans.handout.context import PAGE_SIZES
from plans.handout.fetcher import LOGO_URL
from plans.models import PlanItem, PlanVersion
from plans.models.plan import VersionStatus
from treatment.panel import given_line
from treatment.selectors import rows_of_visits

TEMPLATE = "episodes/letter.html"


@dataclass(frozen=True)
class InClinic:
    """A visit's treatment in the clinic: each technique given in one line, and the note."""

    day: datetime.date
    given: list[str]
    note: str


@dataclass(frozen=True)
class GoalLine:
    activity: str
    baseline: Decimal | None
    latest: Decimal | None
    target: Decimal
    target_date: datetime.date
    status: str


def finding_line(finding: Finding) -> str:
    """'Hip flexor tightness (left), moderate: Thomas test thigh 12 deg above the table'."""
    side = f" ({finding.side})" if finding.side not in {"none", ""} else ""
    return f"{finding.title}{side}, {finding.severity}: {finding.evidence}"


def _goal_status(met: bool | None, progress: GoalProgress) -> str:
    if met is not None:
        return "Met" if met else "Not met"
    if progress.reached:
        return "Target reached"
    if progress.percent is not None:
        return f"In progress ({progress.percent}% of the way)"
    return "In progress"


def _issued_items(visits: list[Assessment]) -> tuple[PlanVersion | None, list[PlanItem]]:
    """The latest plan version issued at one of the episode's visits, and its items."""
    version = (
        PlanVersion.objects.filter(
            plan__assessment__in=[visit.pk for visit in visits], status=VersionStatus.ISSUED
        )
        .order_by("-issued_at", "-pk")
        .first()
    )
    return version, ([] if version is None else list(version.items.all()))


def _therapist(actor: User) -> str:
    title = Membership.objects.filter(user=actor).values_list("title", flat=True).first()
    name = actor.get_full_name() or actor.get_username()
    return f"{name}, {title}" if title else name


def letter_context(episode: Episode, *, actor: User) -> dict[str, Any]:
    """The template's context (no request needed): everything the letter prints."""
    client = episode.client
    clinic = Clinic.objects.get(pk=client.clinic_id)  # with the logo, for the letterhead
    visits = selectors.episode_visits(episode)
    values = values_of_visits(visits)
    first = visits[0] if visits else None
    latest = visits[-1] if len(visits) > 1 else None
    findings: dict[str, list[str]] = {}
    outcomes = []
    if first is not None:
        first.client.clinic = clinic
        cutoffs = clinic_cutoffs(first)
        for label, visit in (("first", first), ("latest", latest)):
            if visit is not None:
                found = interpret(values[visit.pk], cutoffs)
                findings[label] = [finding_line(f) for f in found]
        if latest is not None:
            outcomes = outcome_rows(values[first.pk], values[latest.pk], thresholds(cutoffs))
    series = [values[visit.pk].values for visit in visits]
    goals = []
    for goal in episode.goals.all():
        progress = GoalProgress(goal.baseline, latest_score(goal.activity, series), goal.target)
        goals.append(
            GoalLine(
                goal.activity,
                goal.baseline,
                progress.latest,
                goal.target,
                goal.target_date,
                _goal_status(goal.met, progress),
            )
        )
    version, items = _issued_items(visits)
    # The structured treatment given (one query for every visit), then the visit's note.
    given = rows_of_visits([visit.pk for visit in visits])
    in_clinic = [
        InClinic(
            visit.visit_date,
            [given_line(row) for row in given.get(visit.pk, [])],
            visit.treatment_today,
        )
        for visit in visits
        if visit.treatment_today or given.get(visit.pk)
    ]
    return {
        "clinic": clinic,
        "logo_src": LOGO_URL if clinic.has_logo else "",
        "page_size": PAGE_SIZES.get(PaperSize(clinic.paper_size), "A4"),
        "client": client,
        "episode": episode,
        "today": timezone.localdate(),
        "visits": visits,
        "first": first,
        "latest": latest,
        "findings": findings,
        "outcomes": outcomes,
        "goals": goals,
        "version": version,
        "items": items,
        "in_clinic": in_clinic,
        "therapist": _therapist(actor),
    }

"""Findings of saved assessments under their clinic's cut-offs (database in, pure rules out)."""

import logging

from assessments.findings.core import Finding, interpret
from assessments.models import Assessment
from assessments.norms import cutoffs_for
from assessments.selectors import assessment_values
from assessments.values import AssessmentValues
from clinic.panels.cache import client_value

logger = logging.getLogger(__name__)


def clinic_cutoffs(assessment: Assessment) -> dict[str, float]:
    """The clinic's cut-offs: defaults with its overrides on top.

    Overrides are validated when a clinic admin saves them; if a stored override has
    since become invalid (a cut-off renamed in code), the defaults apply and it is logged
    rather than breaking every assessment page.
    """
    clinic = assessment.client.clinic
    try:
        return cutoffs_for(clinic.cutoff_overrides)
    except ValueError as error:
        logger.error("Clinic %s has invalid cut-off overrides: %s", clinic.pk, error)
        return cutoffs_for(None)


def assessment_findings(
    assessment: Assessment, values: AssessmentValues | None = None
) -> list[Finding]:
    """The normalised interpretation of an assessment under its clinic's cut-offs."""
    return interpret(values or assessment_values(assessment), clinic_cutoffs(assessment))


def findings(assessment: Assessment) -> list[Finding]:
    """The findings of a saved assessment: the only thing the plan rules see."""
    return assessment_findings(assessment)


def findings_shown(assessment: Assessment) -> list[Finding]:
    """findings(), kept in the client's cache for a page shown again and again between
    edits (the plan builder shows them on every showing and every button).

    The stamp is the visit, its version and last change, and the clinic's cut-offs: any
    edit, amendment, answer from the client's program link or cut-off change bumps one
    of them, so the next showing reads the values again. Writes (building, issuing and
    snapshotting a plan) call findings() and never read the cache.
    """
    cutoffs = clinic_cutoffs(assessment)
    stamp = [assessment.pk, assessment.version, assessment.updated_at, cutoffs]
    return client_value(
        assessment.client_id,
        "findings",
        stamp,
        lambda: interpret(assessment_values(assessment), cutoffs),
    )

"""Starting a visit (optionally copying forward), saving a draft, finalising it, and noting
that it was shown."""

import datetime
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from assessments.body_chart.regions import Mark
from assessments.body_chart.writes import marks_copy, marks_write
from assessments.catalogue.items import CARRIED_FORWARD
from assessments.models import Assessment, Measurement, Status
from assessments.selectors import latest_assessment
from assessments.services.errors import AssessmentLocked, FinaliseBlocked
from assessments.services.narrative import CARRIED_NARRATIVE, apply_narrative
from assessments.services.writes import (
    audit_assessment,
    chart_to_write,
    locked_for_edit,
    measurement_row,
    normalise_values,
    refresh_last_visit,
    write_values,
)
from assessments.values import Key, Value
from clinic.models import AuditAction, Client


@transaction.atomic
def assessment_start_or_continue(
    *,
    actor: User,
    client: Client,
    visit_date: datetime.date,
    copy_from: Assessment | None = None,
    copy_forward: bool = False,
    another: bool = False,
    fill: Sequence[Callable[[Assessment], object]] = (),
) -> tuple[Assessment, bool]:
    """Start a draft for a visit, or continue the date's open draft: (draft, created).

    One open draft per client and visit date unless `another` is asked. Pre-filled from
    `copy_from`, or with `copy_forward` from the latest visit: every value but pain
    intensity, questionnaire answers (catalogue ASKED_ANEW) and the red-flag screen, each
    marked carried over; so are the body chart's marks, without their intensity, which is
    asked anew (docs/assessment.md "Body chart"). The
    screen is not copied: the edit page offers its last answers
    for the therapist to confirm (assessments/red_flag_screen.py). Then each of `fill`
    (the start offers the therapist accepted: assessments/start_offers.py) fills the new
    draft, in the same transaction; a continued draft is left as it is.
    Side effects (a new draft only): client's last-visit date; audit entry (create); those
    of `fill`.
    """
    if copy_from is not None and copy_from.client_id != client.pk:
        raise ValueError("Can only copy forward from the same client's assessment.")
    if copy_from is not None and copy_forward:
        raise ValueError("Copy forward from the latest visit or from a given one, not both.")
    # Lock the client first: a repeated "Start visit" waits here, then finds the draft the
    # first one made (and copies forward from what is the latest visit by then).
    Client.objects.select_for_update(no_key=True).only("pk").get(pk=client.pk)
    if not another:
        open_draft = (
            client.assessments.filter(visit_date=visit_date, status=Status.DRAFT)
            .order_by("-pk")
            .first()
        )
        if open_draft is not None:
            return open_draft, False
    if copy_forward:
        copy_from = latest_assessment(client)
    assessment = Assessment(client=client, therapist=actor, visit_date=visit_date)
    if copy_from is not None:
        assessment.copied_from = copy_from
        for name in CARRIED_NARRATIVE:
            setattr(assessment, name, getattr(copy_from, name))
    assessment.full_clean()
    assessment.save()
    if copy_from is not None:
        Measurement.objects.bulk_create(
            measurement_row(assessment, (m.item, m.side), m.stored, carried=True)  # type: ignore[arg-type]
            for m in copy_from.measurements.all()
            if m.item in CARRIED_FORWARD
        )
        marks_copy(copy_from, assessment)
    refresh_last_visit(client)
    detail = f"copied forward from assessment {copy_from.pk}" if copy_from else ""
    audit_assessment(actor, assessment, AuditAction.CREATE, detail)
    for accepted in fill:
        accepted(assessment)
    return assessment, True


def assessment_start(
    *,
    actor: User,
    client: Client,
    visit_date: datetime.date,
    copy_from: Assessment | None = None,
    copy_forward: bool = False,
    another: bool = False,
) -> Assessment:
    """The draft of assessment_start_or_continue (same rule and side effects)."""
    assessment, _ = assessment_start_or_continue(
        actor=actor,
        client=client,
        visit_date=visit_date,
        copy_from=copy_from,
        copy_forward=copy_forward,
        another=another,
    )
    return assessment


@transaction.atomic
def assessment_save(
    *,
    actor: User,
    assessment: Assessment,
    expected_version: int,
    narrative: Mapping[str, Any],
    values: Mapping[Key, Value | None],
    confirm_carried: bool = False,
    body_chart: Sequence[Mark] | None = None,
) -> Assessment:
    """Save a draft, complete or not; `body_chart` is the whole chart (None: unchanged).

    Raises AssessmentLocked for a final assessment and AssessmentConflict if someone
    saved in between (nothing is written then). Side effects: version bump; client's
    last-visit date; audit entry (change) naming changed items, never their values.
    """
    current = locked_for_edit(assessment, expected_version)
    if current.is_final:
        raise AssessmentLocked("A finalised assessment can only be amended.")
    changed_fields = apply_narrative(current, narrative)
    changes = write_values(current, normalise_values(values), confirm_carried=confirm_carried)
    charted = marks_write(current, chart_to_write(current, body_chart))
    current.version += 1
    current.full_clean()
    current.save()
    if "visit_date" in changed_fields:
        refresh_last_visit(current.client)
    if changed_fields or changes or charted:
        names = changed_fields + sorted({code for (code, _), _, _ in changes})
        names += ["body_chart"] if charted else []
        audit_assessment(actor, current, AuditAction.CHANGE, "changed: " + ", ".join(names))
    return current


@transaction.atomic
def assessment_finalise(
    *, actor: User, assessment: Assessment, expected_version: int
) -> Assessment:
    """Lock the assessment. Refused while carried-over values are unconfirmed.

    Side effects: version bump; audit entry (change: finalised).
    """
    current = locked_for_edit(assessment, expected_version)
    if current.is_final:
        raise AssessmentLocked("This assessment is already final.")
    unconfirmed = current.measurements.filter(carried_over=True).count()
    if unconfirmed:
        values, are = ("values", "are") if unconfirmed != 1 else ("value", "is")
        raise FinaliseBlocked(
            f"{unconfirmed} {values} carried over from the last visit {are} not confirmed "
            "yet: confirm or change them before finalising."
        )
    unasked = current.chart_marks.filter(carried_over=True).count()
    if unasked:
        regions, need = ("regions", "need") if unasked != 1 else ("region", "needs")
        raise FinaliseBlocked(
            f"{unasked} body-chart {regions} carried over from the last visit {need} today's "
            "intensity: give it, or remove the mark, before finalising."
        )
    current.status = Status.FINAL
    current.finalised_at = timezone.now()
    current.finalised_by = actor
    current.version += 1
    current.full_clean()
    current.save()
    audit_assessment(actor, current, AuditAction.CHANGE, "finalised")
    return current


def assessment_viewed(*, actor: User, assessment: Assessment, detail: str = "") -> None:
    """Note that the actor was shown the assessment.

    `detail` names the page when it is not the assessment page ("edit form").
    Side effect: audit entry (view).
    """
    audit_assessment(actor, assessment, AuditAction.VIEW, detail)

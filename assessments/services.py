"""Writes for assessments: start (optionally copying forward), save, finalise, amend.

Every function is atomic and audited. Values are passed as the complete new state: a
mapping of (item code, side) to a Decimal, a string, or None; None, "" or a missing key
means "not tested", and a previously recorded value left out is removed.
"""

import datetime
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from assessments.body_chart.regions import Mark
from assessments.body_chart.writes import marks_copy, marks_write
from assessments.catalogue.items import CARRIED_FORWARD, ITEMS, Kind, value_problem
from assessments.models import Amendment, Assessment, Measurement, Status
from assessments.outcomes import outcome_problems
from assessments.selectors import latest_assessment
from assessments.values import AssessmentValues, Key, Value
from clinic.models import AuditAction, Client
from clinic.services.audit import audit_record

ORDER = {code: index for index, code in enumerate(ITEMS)}
# The narrative (free-text) fields a therapist edits on the assessment itself.
NARRATIVE_FIELDS = (
    "visit_date",
    "presenting_complaint",
    "onset",
    "eases",
    "activities",
    "goals",
    "gait_notes",
    "notes",
    "treatment_today",
)
# Narrative carried to the next visit by copy-forward (the story so far, not today's notes).
CARRIED_NARRATIVE = ("presenting_complaint", "onset", "eases", "activities", "goals")


class AssessmentConflict(Exception):
    """Someone saved the assessment since this editor loaded it; nothing was written."""

    def __init__(self, current: Assessment) -> None:
        super().__init__(f"Assessment {current.pk} is at version {current.version}.")
        self.current = current


class AssessmentLocked(Exception):
    """A finalised assessment is read-only except through an amendment."""


class FinaliseBlocked(Exception):
    """The assessment cannot be finalised yet; the message says why."""


def _audit(actor: User, assessment: Assessment, action: AuditAction, detail: str = "") -> None:
    audit_record(
        actor=actor,
        clinic=assessment.client.clinic,
        action=action,
        object_type="assessment",
        object_id=assessment.pk,
        client_id=assessment.client_id,
        detail=detail,
    )


def _refresh_last_visit(client: Client) -> None:
    latest = client.assessments.aggregate(latest=Max("visit_date"))["latest"]
    Client.objects.filter(pk=client.pk).update(last_visit_on=latest)
    client.last_visit_on = latest


def _row(assessment: Assessment, key: Key, value: Value, *, carried: bool) -> Measurement:
    code, side = key
    row = Measurement(assessment=assessment, item=code, side=side, carried_over=carried)
    kind = ITEMS[code].kind
    if kind is Kind.NUMBER:
        row.value = Decimal(value)
    elif kind is Kind.CHOICE:
        row.choice = str(value)
    else:
        row.text = str(value)
    return row


def _normalise(values: Mapping[Key, Value | None]) -> dict[Key, Value]:
    """Drop blanks; reject unknown items or sides, values out of the catalogue's bounds and
    outcome entries that contradict each other.

    Checking bounds here (in Python) is what lets the writes skip Django's per-row
    constraint queries; the database CheckConstraints still guard every row.
    """
    clean: dict[Key, Value] = {}
    problems: dict[str, list[str]] = {}
    for (code, side), value in values.items():
        item = ITEMS.get(code)
        if item is None or side not in item.sides:
            raise KeyError(f"Unknown item or side: {code!r} {side!r}")
        if value is None or value == "":
            continue
        if item.kind is Kind.NUMBER and not isinstance(value, Decimal):
            value = Decimal(str(value))
        problem = value_problem(item, value)
        if problem:
            problems.setdefault(_field(code, side), []).append(problem)
        clean[(code, side)] = value
    if not problems:
        # The cross-checks the form and the import apply, so no path stores what they refuse.
        crossed = outcome_problems(AssessmentValues(values=dict(clean)))
        problems = {_field(code, side): [problem] for (code, side), problem in crossed.items()}
    if problems:
        raise ValidationError(problems)
    return clean


def _field(code: str, side: str) -> str:
    return f"{code}__{side}" if side else code


def _write_values(
    assessment: Assessment, values: Mapping[Key, Value], *, confirm_carried: bool
) -> list[tuple[Key, Value | None, Value | None]]:
    """Make the measurement rows match `values`; return (key, old, new) for each change."""
    existing = {(m.item, m.side): m for m in assessment.measurements.all()}
    changes: list[tuple[Key, Value | None, Value | None]] = []
    to_delete, to_update, to_create = [], [], []
    for key, row in existing.items():
        old = row.stored
        new = values.get(key)
        if new is None:
            to_delete.append(row.pk)
            changes.append((key, old, None))  # type: ignore[arg-type]
        elif new != old:
            fresh = _row(assessment, key, new, carried=False)
            row.value, row.choice, row.text, row.carried_over, row.from_client_on = (
                fresh.value, fresh.choice, fresh.text, False, None,
            )  # fmt: skip
            to_update.append(row)
            changes.append((key, old, new))  # type: ignore[arg-type]
        elif row.carried_over and confirm_carried:
            row.carried_over = False
            to_update.append(row)
    for key, new in values.items():
        if key not in existing:
            to_create.append(_row(assessment, key, new, carried=False))
            changes.append((key, None, new))
    changes.sort(key=lambda change: (ORDER[change[0][0]], change[0][1]))
    Measurement.objects.filter(pk__in=to_delete).delete()
    Measurement.objects.bulk_update(
        to_update, ["value", "choice", "text", "carried_over", "from_client_on"]
    )
    Measurement.objects.bulk_create(to_create)
    return changes


def _apply_narrative(assessment: Assessment, narrative: Mapping[str, Any]) -> list[str]:
    unknown = set(narrative) - set(NARRATIVE_FIELDS)
    if unknown:
        raise TypeError(f"Not assessment fields: {', '.join(sorted(unknown))}")
    changed = [name for name, value in narrative.items() if getattr(assessment, name) != value]
    for name in changed:
        setattr(assessment, name, narrative[name])
    return changed


def _chart(assessment: Assessment, body_chart: Sequence[Mark] | None) -> Sequence[Mark]:
    """The chart to write: the given one, or (None) the one stored."""
    if body_chart is not None:
        return body_chart
    return [row.as_mark() for row in assessment.chart_marks.all()]


def _locked_for_edit(assessment: Assessment, expected_version: int) -> Assessment:
    current = (
        Assessment.objects.select_for_update()
        .select_related("client__clinic")
        .get(pk=assessment.pk)
    )
    if current.version != expected_version:
        raise AssessmentConflict(current)
    return current


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
            _row(assessment, (m.item, m.side), m.stored, carried=True)  # type: ignore[arg-type]
            for m in copy_from.measurements.all()
            if m.item in CARRIED_FORWARD
        )
        marks_copy(copy_from, assessment)
    _refresh_last_visit(client)
    detail = f"copied forward from assessment {copy_from.pk}" if copy_from else ""
    _audit(actor, assessment, AuditAction.CREATE, detail)
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
    current = _locked_for_edit(assessment, expected_version)
    if current.is_final:
        raise AssessmentLocked("A finalised assessment can only be amended.")
    changed_fields = _apply_narrative(current, narrative)
    changes = _write_values(current, _normalise(values), confirm_carried=confirm_carried)
    charted = marks_write(current, _chart(current, body_chart))
    current.version += 1
    current.full_clean()
    current.save()
    if "visit_date" in changed_fields:
        _refresh_last_visit(current.client)
    if changed_fields or changes or charted:
        names = changed_fields + sorted({code for (code, _), _, _ in changes})
        names += ["body_chart"] if charted else []
        _audit(actor, current, AuditAction.CHANGE, "changed: " + ", ".join(names))
    return current


@transaction.atomic
def assessment_finalise(
    *, actor: User, assessment: Assessment, expected_version: int
) -> Assessment:
    """Lock the assessment. Refused while carried-over values are unconfirmed.

    Side effects: version bump; audit entry (change: finalised).
    """
    current = _locked_for_edit(assessment, expected_version)
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
    _audit(actor, current, AuditAction.CHANGE, "finalised")
    return current


def _display(value: Value | None) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return f"{value.normalize():f}"
    return value


@transaction.atomic
def assessment_amend(
    *,
    actor: User,
    assessment: Assessment,
    expected_version: int,
    narrative: Mapping[str, Any],
    values: Mapping[Key, Value | None],
    reason: str,
    body_chart: Sequence[Mark] | None = None,
) -> Amendment | None:
    """Correct a finalised assessment, keeping every original value in the amendment.

    Returns None (and writes nothing) when nothing changed. Side effects: an Amendment
    row with old and new values; version bump; audit entry (change: amendment).
    """
    if not reason.strip():
        raise ValueError("Say why the assessment is being amended.")
    current = _locked_for_edit(assessment, expected_version)
    if not current.is_final:
        raise ValueError("Drafts are edited directly, not amended.")
    old_narrative = {name: getattr(current, name) for name in narrative}
    changed_fields = _apply_narrative(current, narrative)
    changes = _write_values(current, _normalise(values), confirm_carried=True)
    charted = marks_write(current, _chart(current, body_chart))
    if not changed_fields and not changes and not charted:
        return None
    records = (
        [
            {
                "field": name,
                "side": "",
                "old": str(old_narrative[name]),
                "new": str(narrative[name]),
            }
            for name in changed_fields
        ]
        + [
            {"field": code, "side": side, "old": _display(old), "new": _display(new)}
            for (code, side), old, new in changes
        ]
        + [
            {"field": "body_chart", "side": region, "old": old, "new": new}
            for region, old, new in charted
        ]
    )
    amendment = Amendment(
        assessment=current, made_by=actor, reason=reason.strip(), changes=records
    )
    amendment.full_clean()
    amendment.save()
    current.version += 1
    current.full_clean()
    current.save()
    if "visit_date" in changed_fields:
        _refresh_last_visit(current.client)
    _audit(actor, current, AuditAction.CHANGE, f"amendment {amendment.pk}")
    return amendment


def assessment_viewed(*, actor: User, assessment: Assessment, detail: str = "") -> None:
    """Note that the actor was shown the assessment.

    `detail` names the page when it is not the assessment page ("edit form").
    Side effect: audit entry (view).
    """
    _audit(actor, assessment, AuditAction.VIEW, detail)

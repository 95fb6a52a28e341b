"""The writing steps the assessment services share, and assessments/from_client.py with
them: the audit entry, the client's last-visit date, measurement rows made, checked and
written, the body chart to write, and the row lock with its version check."""

from collections.abc import Mapping, Sequence
from decimal import Decimal

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db.models import Max

from assessments.body_chart.regions import Mark
from assessments.catalogue.items import ITEMS, Kind, value_problem
from assessments.models import Assessment, Measurement
from assessments.outcomes import outcome_problems
from assessments.services.errors import AssessmentConflict
from assessments.values import AssessmentValues, Key, Value
from clinic.models import AuditAction, Client
from clinic.services.audit import audit_record

ORDER = {code: index for index, code in enumerate(ITEMS)}


def audit_assessment(
    actor: User, assessment: Assessment, action: AuditAction, detail: str = ""
) -> None:
    audit_record(
        actor=actor,
        clinic=assessment.client.clinic,
        action=action,
        object_type="assessment",
        object_id=assessment.pk,
        client_id=assessment.client_id,
        detail=detail,
    )


def refresh_last_visit(client: Client) -> None:
    latest = client.assessments.aggregate(latest=Max("visit_date"))["latest"]
    Client.objects.filter(pk=client.pk).update(last_visit_on=latest)
    client.last_visit_on = latest


def measurement_row(
    assessment: Assessment, key: Key, value: Value, *, carried: bool
) -> Measurement:
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


def normalise_values(values: Mapping[Key, Value | None]) -> dict[Key, Value]:
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


def write_values(
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
            fresh = measurement_row(assessment, key, new, carried=False)
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
            to_create.append(measurement_row(assessment, key, new, carried=False))
            changes.append((key, None, new))
    changes.sort(key=lambda change: (ORDER[change[0][0]], change[0][1]))
    Measurement.objects.filter(pk__in=to_delete).delete()
    Measurement.objects.bulk_update(
        to_update, ["value", "choice", "text", "carried_over", "from_client_on"]
    )
    Measurement.objects.bulk_create(to_create)
    return changes


def chart_to_write(assessment: Assessment, body_chart: Sequence[Mark] | None) -> Sequence[Mark]:
    """The chart to write: the given one, or (None) the one stored."""
    if body_chart is not None:
        return body_chart
    return [row.as_mark() for row in assessment.chart_marks.all()]


def locked_for_edit(assessment: Assessment, expected_version: int) -> Assessment:
    current = (
        Assessment.objects.select_for_update()
        .select_related("client__clinic")
        .get(pk=assessment.pk)
    )
    if current.version != expected_version:
        raise AssessmentConflict(current)
    return current

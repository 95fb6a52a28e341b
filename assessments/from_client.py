"""Writes: values the client answered themselves before the visit, put into a draft and
marked as theirs (`Measurement.from_client_on`), as copy-forward marks what it carries.

The assessments app does not know where such answers come from (the plans app's program
page, today): an app offers them when a visit starts (assessments/start_offers.py) and,
when the therapist accepts, calls `assessment_fill_from_client` on the new draft.
"""

import datetime
from collections.abc import Mapping
from decimal import Decimal

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from assessments.catalogue.items import ITEMS, Kind, value_problem
from assessments.models import Assessment, Measurement
from assessments.services.errors import AssessmentLocked
from assessments.services.writes import ORDER, audit_assessment, measurement_row
from assessments.values import Key, Value
from clinic.models import AuditAction


@transaction.atomic
def assessment_fill_from_client(
    *,
    actor: User,
    assessment: Assessment,
    values: Mapping[Key, Value],
    reported_on: datetime.date,
) -> list[Key]:
    """Put the client's answers into a draft where it has no value or only one carried
    over from the last visit (a value the therapist entered is kept), each marked as the
    client's of `reported_on`. Returns the keys written, in catalogue order.

    Raises AssessmentLocked for a final assessment, ValidationError for a value the
    catalogue refuses (nothing written). Side effects: version bump; audit entry (change)
    naming the items, never their values.
    """
    current = Assessment.objects.select_for_update().select_related("client").get(pk=assessment.pk)
    if current.is_final:
        raise AssessmentLocked("A finalised assessment can only be amended.")
    for (code, side), value in values.items():
        item = ITEMS[code]
        if side not in item.sides:
            raise KeyError(f"Unknown item or side: {code!r} {side!r}")
        number = Decimal(str(value)) if item.kind is Kind.NUMBER else value
        problem = value_problem(item, number)
        if problem:
            raise ValidationError({code: problem})
    existing = {(m.item, m.side): m for m in current.measurements.all()}
    ordered = sorted(values, key=lambda key: (ORDER[key[0]], key[1]))
    written = [key for key in ordered if key not in existing or existing[key].carried_over]
    Measurement.objects.filter(pk__in=[existing[k].pk for k in written if k in existing]).delete()
    rows = [measurement_row(current, key, values[key], carried=False) for key in written]
    for row in rows:
        row.from_client_on = reported_on
    Measurement.objects.bulk_create(rows)
    if written:
        current.version += 1
        current.save(update_fields=["version", "updated_at"])
        names = ", ".join(code for code, _ in written)
        detail = f"filled from the client's answers of {reported_on:%Y-%m-%d}: {names}"
        audit_assessment(actor, current, AuditAction.CHANGE, detail)
    return written

"""Amending a finalised assessment: the correction and, in the amendment, every value as it
was."""

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction

from assessments.body_chart.regions import Mark
from assessments.body_chart.writes import marks_write
from assessments.models import Amendment, Assessment
from assessments.services.narrative import apply_narrative
from assessments.services.writes import (
    audit_assessment,
    chart_to_write,
    locked_for_edit,
    normalise_values,
    refresh_last_visit,
    write_values,
)
from assessments.values import Key, Value
from clinic.models import AuditAction


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
    current = locked_for_edit(assessment, expected_version)
    if not current.is_final:
        raise ValueError("Drafts are edited directly, not amended.")
    old_narrative = {name: getattr(current, name) for name in narrative}
    changed_fields = apply_narrative(current, narrative)
    changes = write_values(current, normalise_values(values), confirm_carried=True)
    charted = marks_write(current, chart_to_write(current, body_chart))
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
        refresh_last_visit(current.client)
    audit_assessment(actor, current, AuditAction.CHANGE, f"amendment {amendment.pk}")
    return amendment

"""A client's draft saved through the services, and its rows, for the service tests."""

import datetime

from django.contrib.auth.models import User

from assessments.models import Assessment
from assessments.services import assessment_save, assessment_start
from clinic.models import Client

DAY1, DAY2 = datetime.date(2026, 10, 1), datetime.date(2026, 10, 29)


def saved_draft(therapist: User, client: Client, values: dict, **narrative: object) -> Assessment:
    """A draft of DAY1 saved once with `values` and the narrative (version 2)."""
    draft = assessment_start(actor=therapist, client=client, visit_date=DAY1)
    return assessment_save(
        actor=therapist, assessment=draft, expected_version=1, narrative=narrative, values=values
    )


def rows_of(assessment: Assessment) -> dict[tuple[str, str], tuple[object, bool]]:
    return {(m.item, m.side): (m.stored, m.carried_over) for m in assessment.measurements.all()}

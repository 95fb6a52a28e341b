"""The comparison of two visits' "Treatment given" block (settings.COMPARE_VISIT_PANELS;
docs/treatment.md "In the comparison of two visits"): the rows of each visit side by side,
the techniques added and dropped. Only what changed unless the page shows every item."""

from django.http import HttpRequest

from assessments.models import Assessment
from clinic.models import Client
from clinic.panels.registry import Panel
from treatment.comparison import Given, compare_treatment
from treatment.models import TreatmentRow
from treatment.selectors import rows_of_visits


def _given(row: TreatmentRow) -> Given:
    return Given(
        technique=row.technique,
        technique_name=row.technique_name,
        where=row.get_region_display(),
        side=row.get_side_display(),
        minutes=row.minutes,
        pressure=row.get_pressure_display(),
        pain_before=row.pain_before,
        pain_after=row.pain_after,
        response_note=row.response_note,
    )


def treatment_between_panel(
    request: HttpRequest, client: Client, before: Assessment, after: Assessment
) -> Panel:
    """One query (both visits' rows). The two visits were scoped to the user's clinic and
    their showing audited by the comparison page: no entry of its own."""
    by_visit = rows_of_visits([before.pk, after.pk])
    change = compare_treatment(
        [_given(row) for row in by_visit.get(before.pk, [])],
        [_given(row) for row in by_visit.get(after.pk, [])],
        show_all=request.GET.get("all") == "1",
    )
    return Panel("treatment/_compare.html", {"change": change})

"""The visit page's "Treatment given" section (settings.VISIT_PAGE_SECTIONS)."""

from django.http import HttpRequest

from assessments.models import Assessment
from clinic.panels.registry import Panel
from treatment.precautions import BY_CODE, yes_codes
from treatment.selectors import treatment_of


def treatment_section(request: HttpRequest, assessment: Assessment) -> Panel:
    """What was given at the visit and the precautions answered yes; editable on a draft.

    Part of the visit page, whose showing is audited: no entry of its own.
    """
    record = treatment_of(assessment)
    return Panel(
        "treatment/_section.html",
        {
            "assessment": assessment,
            "record": record,
            "rows": list(record.rows.all()) if record is not None else [],
            "yes": [BY_CODE[code].question for code in yes_codes(record.precautions)]
            if record is not None
            else [],
            "can_edit": not assessment.is_final,
        },
    )

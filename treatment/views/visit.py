"""A visit's "Treatment given" page: the precaution screen and the rows (issue 18).

Works without JavaScript: "None of these" and "Save" both submit the whole page, and an
error re-shows everything typed. The page edits a draft visit; a final visit's treatment
is corrected on the same page with a reason, as an amendment (docs/treatment.md).
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from assessments import selectors as assessment_selectors
from assessments.models import Assessment
from assessments.services import assessment_viewed
from clinic.access import membership_of
from clinic.http import AuthedRequest
from clinic.models import Profession
from treatment import selectors, services
from treatment.checks import RowInput
from treatment.forms import (
    NONE_OF_THESE,
    AmendReasonForm,
    BaseRowFormSet,
    PrecautionScreenForm,
    none_of_these,
    row_formset,
)
from treatment.models import TreatmentRecord
from treatment.services import recorded_technique
from treatment.techniques import Technique

SAVED = "Treatment saved."
AMENDED = "Treatment amendment recorded."
UNCHANGED = "Nothing was changed, so no amendment was recorded."
CONFLICT = (
    "Someone else saved this visit's treatment meanwhile. What you typed is below, over "
    "their version: check it and save again."
)


def _techniques(
    request: AuthedRequest, assessment: Assessment, record: TreatmentRecord | None
) -> dict[str, Technique]:
    """The techniques offered to the user, plus any already recorded at this visit."""
    membership = membership_of(request)  # read once per request, shared with the menu
    profession = membership.profession if membership is not None else Profession.OTHER
    offered = selectors.techniques_offered(assessment.client.clinic_id, profession)
    by_code: dict[str, Technique] = {t.code: t for t in offered}
    for row in record.rows.all() if record is not None else ():
        by_code.setdefault(row.technique, recorded_technique(row))
    return by_code


def _initial_rows(record: TreatmentRecord | None) -> list[dict[str, object]]:
    if record is None:
        return []
    return [
        {
            "technique": row.technique,
            "region": row.region,
            "side": row.side,
            "minutes": row.minutes,
            "pressure": row.pressure,
            "client_position": row.client_position,
            "pain_before": row.pain_before,
            "pain_after": row.pain_after,
            "response_note": row.response_note,
            "precaution_reason": row.precaution_reason,
        }
        for row in record.rows.all()
    ]


def _saved_inputs(record: TreatmentRecord | None) -> tuple[dict[str, str], list[RowInput]]:
    if record is None:
        return {}, []
    rows = [RowInput(**row) for row in _initial_rows(record)]  # type: ignore[arg-type]
    return dict(record.precautions), rows


def _page(
    request: AuthedRequest,
    assessment: Assessment,
    screen: PrecautionScreenForm,
    rows: BaseRowFormSet,
    *,
    reason: AmendReasonForm | None = None,
    status: int = 200,
    conflict: bool = False,
) -> HttpResponse:
    """The page (with `reason`: the amendment page); each showing shows the record: one
    read entry."""
    detail = "treatment form" if reason is None else "treatment amend form"
    assessment_viewed(actor=request.user, assessment=assessment, detail=detail)
    context = {
        "assessment": assessment,
        "client": assessment.client,
        "screen": screen,
        "rows": rows,
        "reason": reason,
        "conflict": conflict,
        "conflict_message": CONFLICT,
        "none_of_these": NONE_OF_THESE,
    }
    return render(request, "treatment/edit.html", context, status=status)


@require_http_methods(["GET", "POST"])
def treatment_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    """A draft visit's treatment; a final visit's is amended (treatment_amend)."""
    assessment = assessment_selectors.assessment_get(request.user, pk)
    if assessment.is_final:
        messages.info(request, services.FINAL)
        return redirect("treatment_amend", pk=pk)
    return _edit(request, assessment)


@require_http_methods(["GET", "POST"])
def treatment_amend(request: AuthedRequest, pk: int) -> HttpResponse:
    """A final visit's treatment corrected with a reason; a draft's is edited directly."""
    assessment = assessment_selectors.assessment_get(request.user, pk)
    if not assessment.is_final:
        return redirect("treatment_edit", pk=pk)
    return _edit(request, assessment, amend=True)


def _edit(request: AuthedRequest, assessment: Assessment, *, amend: bool = False) -> HttpResponse:
    pk = assessment.pk
    here = "treatment_amend" if amend else "treatment_edit"
    record = selectors.treatment_of(assessment)
    techniques = _techniques(request, assessment, record)
    if request.method != "POST":
        initial = {"version": record.version if record else 0}
        initial.update(record.precautions if record else {})
        screen = PrecautionScreenForm(initial=initial)
        rows = row_formset(initial=_initial_rows(record), techniques=techniques.values())
        reason = AmendReasonForm() if amend else None
        return _page(request, assessment, screen, rows, reason=reason)

    data: QueryDict = request.POST
    if NONE_OF_THESE in data:
        data = none_of_these(data)
    screen = PrecautionScreenForm(data)
    rows = row_formset(data, techniques=techniques.values())
    reason = AmendReasonForm(data) if amend else None
    valid = screen.is_valid() & rows.is_valid()
    answers = screen.answers() if valid else {}
    valid = valid and rows.check_precautions(techniques, answers)
    reason_given = reason is None or reason.is_valid()  # its error shown with the others
    if not (valid and reason_given):
        return _page(request, assessment, screen, rows, reason=reason)
    inputs = [form.row_input() for form in rows.kept()]
    try:
        if reason is None:
            services.treatment_save(
                actor=request.user,
                assessment=assessment,
                expected_version=screen.cleaned_data["version"],
                precautions=answers,
                rows=inputs,
            )
            amendment = None
        else:
            amendment = services.treatment_amend(
                actor=request.user,
                assessment=assessment,
                expected_version=screen.cleaned_data["version"],
                precautions=answers,
                rows=inputs,
                reason=reason.cleaned_data["reason"],
            )
    except services.TreatmentConflict as conflict:
        if _saved_inputs(conflict.current) == (answers, inputs):  # a double submit
            messages.success(request, AMENDED if amend else SAVED)
            return redirect("assessment_detail" if amend else here, pk=pk)
        rebased = data.copy()
        rebased["version"] = str(conflict.current.version if conflict.current else 0)
        screen = PrecautionScreenForm(rebased)
        screen.is_valid()
        return _page(request, assessment, screen, rows, reason=reason, status=409, conflict=True)
    except ValidationError as error:
        if not hasattr(error, "error_dict"):
            messages.info(request, " ".join(error.messages))
            return redirect("assessment_detail", pk=pk)
        _place(rows, reason, error)
        return _page(request, assessment, screen, rows, reason=reason)
    if not amend:
        messages.success(request, SAVED)
        return redirect(here, pk=pk)
    messages.success(request, AMENDED if amendment is not None else UNCHANGED)
    return redirect("assessment_detail", pk=pk)


def _place(rows: BaseRowFormSet, reason: AmendReasonForm | None, error: ValidationError) -> None:
    """The service's errors ("rows-<index>-<field>", "reason") next to the fields they name."""
    kept = rows.kept()
    for key, messages_ in error.message_dict.items():
        if key == "reason" and reason is not None:
            reason.add_error("reason", messages_)
            continue
        _, index, name = key.split("-", 2)
        kept[int(index)].add_error(name, messages_)

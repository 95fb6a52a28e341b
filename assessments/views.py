"""Assessment pages: start a visit, edit a draft (with live findings), view, amend."""

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.module_loading import import_string
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from assessments import (
    interpretation,
    normal_fill,
    red_flag_screen,
    selectors,
    services,
    start_offers,
)
from assessments.body_chart.entry import chart_entry
from assessments.body_chart.form import chart_blank_problems
from assessments.body_chart.regions import sort_marks
from assessments.catalogue.items import SECTIONS
from assessments.forms import AmendForm, AssessmentForm, StartVisitForm, initial_from
from assessments.models import Assessment
from assessments.outcomes import outcome_problems, outcome_scores
from assessments.presenters import build_sections
from assessments.presets import folded_sections
from assessments.soap import split_soap
from assessments.values import AssessmentValues
from clinic.http import AuthedRequest
from clinic.selectors import client_get
from clinic.services.clients import client_record_viewed

# The edit page's "Save and record treatment given" button.
TO_TREATMENT = "to_treatment"


@require_http_methods(["GET", "POST"])
def assessment_start(request: AuthedRequest, client_pk: int) -> HttpResponse:
    client = client_get(request.user, client_pk)
    previous = selectors.latest_assessment(client)
    offers = start_offers.start_offers(request, client, previous)
    form = StartVisitForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        # The offers ticked (assessments/start_offers.py): they fill a new draft.
        fill = start_offers.accepted(offers, request.POST)
        assessment, created = services.assessment_start_or_continue(
            actor=request.user,
            client=client,
            visit_date=form.cleaned_data["visit_date"],
            copy_forward=form.cleaned_data["copy_forward"],
            another=form.cleaned_data["another"],
            fill=fill,
        )
        if not created:
            kept = " (nothing was filled into it)" if fill else ""
            messages.info(request, f"A draft for this date was already open; continuing it{kept}.")
        return redirect("assessment_edit", pk=assessment.pk)
    # The page shows the client and their last visit: a read of the record.
    client_record_viewed(actor=request.user, client=client, detail="start visit")
    for offer in offers:  # what they show is read too (each offer audits its own)
        offer.shown()
    context = {
        "client": client,
        "form": form,
        "previous": previous,
        "open_drafts": list(selectors.open_drafts(client)),
        "offers": start_offers.ticked(offers, request.POST if form.is_bound else None),
    }
    return render(request, "assessments/start.html", context)


def _typed_values(form: AssessmentForm, assessment: Assessment) -> AssessmentValues:
    """What the therapist has typed so far (valid fields only), for norms and findings."""
    saved = selectors.assessment_values(assessment)
    typed = {key: value for key, value in form.values().items() if value is not None}
    chart = form.body_chart()
    return AssessmentValues(
        values=typed,
        age=saved.age,
        sex=saved.sex,
        visit_date=saved.visit_date,
        body_chart=saved.body_chart if chart is None else sort_marks(chart),
    )


def _validated(form: AssessmentForm, assessment: Assessment) -> bool:
    """Field validation plus the cross-field outcome checks and the body chart's blank
    intensities (allowed only where a carried mark waits for one), errors at the fields."""
    valid = form.is_valid()
    form.add_item_errors(outcome_problems(AssessmentValues(values={
        key: value for key, value in form.values().items() if value is not None
    })))  # fmt: skip
    saved = [row.as_mark() for row in assessment.chart_marks.all()]
    form.add_chart_errors(chart_blank_problems(form.body_chart() or (), saved))
    return valid and not form.errors


def _form_page(
    request: AuthedRequest,
    template: str,
    assessment: Assessment,
    form: AssessmentForm,
    *,
    status: int = 200,
    **extra: object,
) -> HttpResponse:
    """The edit or amend page. Each showing shows the record: one read entry."""
    detail = "amend form" if assessment.is_final else "edit form"
    services.assessment_viewed(actor=request.user, assessment=assessment, detail=detail)
    context = _edit_context(assessment, form, screen=True, **extra)
    return render(request, template, context, status=status)


def _edit_context(
    assessment: Assessment, form: AssessmentForm, *, screen: bool = False, **extra: object
) -> dict[str, object]:
    """The edit page's context; with `screen`, the red-flag screen's one-action controls
    (the live preview leaves them out: they cost a read of the last visit)."""
    values = (
        _typed_values(form, assessment)
        if form.is_bound
        else selectors.assessment_values(assessment)
    )
    saved = selectors.assessment_values(assessment)
    carried = saved.carried
    cutoffs = interpretation.clinic_cutoffs(assessment)
    folded = folded_sections(
        assessment.client.clinic.assessment_preset, tuple(s.code for s in SECTIONS)
    )
    sections = build_sections(
        values,
        cutoffs,
        form=form,
        carried=carried,
        from_client=saved.from_client,
        folded=folded,
        fills=not assessment.is_final,
    )
    answered = sum(sv.recorded for sv in sections if sv.section.code == "red_flags")
    return {
        "assessment": assessment,
        "client": assessment.client,
        "form": form,
        "sections": sections,
        "screen": red_flag_screen.controls(assessment, answered=answered) if screen else None,
        "findings": interpretation.assessment_findings(assessment, values),
        "scores": outcome_scores(values),
        "carried_count": len(carried),
        "chart": chart_entry(form, saved.body_chart, values.body_chart),
        "title": "Amend assessment" if assessment.is_final else "Assessment",
        **extra,
    }


@require_http_methods(["GET", "POST"])
def assessment_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    assessment = selectors.assessment_get(request.user, pk)
    if assessment.is_final:
        messages.info(request, "This assessment is final. Corrections are made as amendments.")
        return redirect("assessment_detail", pk=pk)
    if request.method != "POST":
        form = AssessmentForm(initial=initial_from(assessment))
        return _form_page(request, "assessments/edit.html", assessment, form)

    # "None of these" or "Unchanged since" pressed without JavaScript: fill the screen first.
    screen = red_flag_screen.posted(request.POST, assessment)
    rest = normal_fill.posted(screen.data)
    form = AssessmentForm(rest.data)
    if screen.stale:
        _validated(form, assessment)  # errors elsewhere show too; nothing is saved
        return _form_page(
            request, "assessments/edit.html", assessment, form, status=409, stale_offer=True
        )
    if not _validated(form, assessment):
        return _form_page(request, "assessments/edit.html", assessment, form)
    try:
        saved = _save(request, assessment, form)
        if "finalise" in request.POST and not saved.is_final:
            services.assessment_finalise(
                actor=request.user, assessment=saved, expected_version=saved.version
            )
    except services.AssessmentConflict as conflict:
        return _conflict(request, conflict.current, form, rest.data)
    except services.FinaliseBlocked as blocked:
        fresh = selectors.assessment_get(request.user, pk)
        form = AssessmentForm(initial=initial_from(fresh))
        return _form_page(request, "assessments/edit.html", fresh, form, blocked=str(blocked))
    if "finalise" in request.POST:
        messages.success(request, "Assessment finalised.")
        return redirect("assessment_detail", pk=pk)
    if TO_TREATMENT in request.POST:  # the treatment page is the treatment app's
        messages.success(request, "Draft saved.")
        return redirect("treatment_edit", pk=pk)
    if screen.message:
        messages.success(request, f"{screen.message} Draft saved.")
        return redirect(reverse("assessment_edit", args=[pk]) + "#section-red_flags")
    if rest.message:
        messages.success(request, f"{rest.message} Draft saved.")
        return redirect(reverse("assessment_edit", args=[pk]) + f"#section-{rest.section}")
    messages.success(request, "Draft saved.")
    return redirect("assessment_edit", pk=pk)


def _save(request: AuthedRequest, assessment: Assessment, form: AssessmentForm) -> Assessment:
    """Save the draft; a repeat of the post that saved these very values returns that save."""
    try:
        return services.assessment_save(
            actor=request.user,
            assessment=assessment,
            expected_version=form.cleaned_data["version"] or 0,
            narrative=form.narrative(),
            values=form.values(),
            confirm_carried=form.cleaned_data["confirm_carried"],
            body_chart=form.body_chart(),
        )
    except services.AssessmentConflict:
        fresh = selectors.assessment_get(request.user, assessment.pk)
        unconfirmed = form.cleaned_data["confirm_carried"] and any(
            row.carried_over for row in fresh.measurements.all()
        )
        if unconfirmed or _differing(form, fresh):
            raise
        return fresh  # a double click: what this post holds is what is saved now


def _differing(form: AssessmentForm, saved: Assessment) -> list[str]:
    """The labels of the fields where what was posted differs from what is saved."""
    initial = initial_from(saved)
    return [
        str(form.fields[name].label)
        for name in form.fields
        if name not in {"version", "confirm_carried", "reason"}
        and str(initial.get(name) or "") != str(form.cleaned_data.get(name) or "")
    ]


def _conflict(
    request: AuthedRequest, current: Assessment, form: AssessmentForm, posted: QueryDict
) -> HttpResponse:
    """Re-show what the editor typed (`posted`), based on the saved version, with what differs.

    A repeated "Finalise" (a double click) whose values were finalised by the first lands
    where the first did instead.
    """
    fresh = selectors.assessment_get(request.user, current.pk)
    differing = _differing(form, fresh)
    if not differing and fresh.is_final and "finalise" in request.POST:
        messages.success(request, "Assessment finalised.")
        return redirect("assessment_detail", pk=fresh.pk)
    data = posted.copy()
    data["version"] = str(fresh.version)
    rebased = AssessmentForm(data)
    _validated(rebased, fresh)
    return _form_page(
        request, "assessments/edit.html", fresh, rebased, status=409, conflict=differing
    )


@require_POST
def assessment_preview(request: AuthedRequest, pk: int) -> HttpResponse:
    """htmx: findings, norms and outcome scores for the values typed so far; nothing is saved.

    Not audited on its own: the fragment is part of the edit page, whose showing was
    audited, and it shows what the therapist is typing. An entry per typed value would
    bury the reads the log exists to show.
    """
    assessment = selectors.assessment_get(request.user, pk)
    form = AssessmentForm(request.POST)
    form.is_valid()
    return render(request, "assessments/_preview.html", _edit_context(assessment, form))


@require_GET
def assessment_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    assessment = selectors.assessment_get(request.user, pk)
    services.assessment_viewed(actor=request.user, assessment=assessment)
    values = selectors.assessment_values(assessment)
    cutoffs = interpretation.clinic_cutoffs(assessment)
    sections = build_sections(
        values,
        cutoffs,
        carried=values.carried,
        from_client=values.from_client,
        only_recorded=True,
    )
    subjective, objective = split_soap(sections)
    context = {
        "assessment": assessment,
        "client": assessment.client,
        "sections": sections,
        "subjective": subjective,
        "objective": objective,
        "findings": interpretation.assessment_findings(assessment, values),
        "scores": outcome_scores(values),
        "carried_count": len(values.carried),
        "chart_marks": values.body_chart,
        "amendments": assessment.amendments.select_related("made_by"),
        # Sections the apps built on this one add (settings.VISIT_PAGE_SECTIONS).
        "extra_sections": [
            import_string(path)(request, assessment) for path in settings.VISIT_PAGE_SECTIONS
        ],
    }
    return render(request, "assessments/detail.html", context)


@require_http_methods(["GET", "POST"])
def assessment_amend(request: AuthedRequest, pk: int) -> HttpResponse:
    assessment = selectors.assessment_get(request.user, pk)
    if not assessment.is_final:
        return redirect("assessment_edit", pk=pk)
    if request.method != "POST":
        form: AssessmentForm = AmendForm(initial=initial_from(assessment))
        return _form_page(request, "assessments/amend.html", assessment, form)
    form = AmendForm(request.POST)
    if not _validated(form, assessment):
        return _form_page(request, "assessments/amend.html", assessment, form)
    try:
        amendment = services.assessment_amend(
            actor=request.user,
            assessment=assessment,
            expected_version=form.cleaned_data["version"] or 0,
            narrative=form.narrative(),
            values=form.values(),
            reason=form.cleaned_data["reason"],
            body_chart=form.body_chart(),
        )
    except services.AssessmentConflict:
        fresh = selectors.assessment_get(request.user, pk)
        if not _differing(form, fresh):  # a double click: the first post recorded this
            messages.info(request, "This amendment is already recorded.")
            return redirect("assessment_detail", pk=pk)
        form.add_error(None, "Someone else amended this assessment meanwhile: review and retry.")
        return _form_page(request, "assessments/amend.html", fresh, form, status=409)
    if amendment is None:
        messages.info(request, "Nothing was changed, so no amendment was recorded.")
    else:
        messages.success(request, f"Amendment recorded ({len(amendment.changes)} changes).")
    return redirect("assessment_detail", pk=pk)

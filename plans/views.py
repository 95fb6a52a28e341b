"""The plan builder: build from an assessment, shape the draft, issue, revise."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from assessments.interpretation import findings_shown
from assessments.selectors import assessment_get
from clinic.access import membership_of
from clinic.http import AuthedRequest, whole_number
from plans import selectors, services
from plans.editor import Action, Editor, parse_action
from plans.forms import NO_HOME_DOSE, AddReasonForm, PlanItemForm
from plans.handout import selectors as handout_selectors
from plans.handout.services import handout_email_request
from plans.handout.snapshot import focus_lines
from plans.library import Kind
from plans.library.clinic import library_for, search
from plans.models import PlanVersion
from plans.rules.engine import suggest


@require_POST
def plan_build(request: AuthedRequest, assessment_pk: int) -> HttpResponse:
    assessment = assessment_get(request.user, assessment_pk)
    version = services.plan_build(actor=request.user, assessment=assessment)
    return redirect("plan_builder", pk=version.pk)


def _context(request: AuthedRequest, version: PlanVersion, editor: Editor) -> dict[str, object]:
    assessment = version.plan.assessment
    findings = findings_shown(assessment)
    client = assessment.client
    suggestions = suggest(findings, age=client.age_on(assessment.visit_date))
    query = request.GET.get("q", "").strip()[:100]
    items = editor.items
    rows = editor.rows()
    versions = list(version.plan.versions.order_by("number"))
    earlier = [other for other in versions if other.number < version.number]
    return {
        "version": version,
        "plan": version.plan,
        "assessment": assessment,
        "client": client,
        "findings": findings,
        "suggestions": suggestions,
        "editor": editor,
        "rows": rows,
        # The handout's opening lines, as issuing would freeze them (plans/handout/snapshot.py).
        "focus": focus_lines([item for item, _ in rows if item.kind != Kind.IN_CLINIC], findings),
        "exercises": [item for item in items if item.kind not in NO_HOME_DOSE],
        "advice": [item for item in items if item.kind == Kind.ADVICE],
        "in_clinic": [item for item in items if item.kind == Kind.IN_CLINIC],
        # Last version's words are offered, never reused without the therapist's say.
        "previous_message": earlier[-1].message if earlier and not version.is_issued else "",
        "query": query,
        # The clinic's library is read only for a search (one query fewer on every showing).
        "results": search(library_for(client.clinic), query) if query else [],
        "in_plan": {item.slug for item in items},
        "versions": versions,
        **(_issued_context(version) if version.is_issued else {}),
    }


def _issued_context(version: PlanVersion) -> dict[str, object]:
    """How the issued version's handout is doing, and whether the visit changed since."""
    return {
        "handout_pdfs": handout_selectors.handout_pdf_states(version),
        "handout_emails": handout_selectors.latest_emails(version),
        "amended_after_issue": handout_selectors.amended_after_issue(version),
    }


def _page(
    request: AuthedRequest,
    version: PlanVersion,
    *,
    editor: Editor | None = None,
    status: int = 200,
    refused: services.Contraindicated | None = None,
    error: str = "",
) -> HttpResponse:
    """The builder page. Each showing shows the client's plan and findings: one read entry.

    `refused`: a contraindicated entry the therapist tried to add, shown with its warning
    and a field for the reason to add it anyway.
    """
    services.plan_viewed(actor=request.user, version=version)
    context = _context(request, version, editor or Editor(version))
    if refused is not None:
        context["refused"] = {
            "slug": refused.slug,
            "name": refused.name,
            "because": refused.titles,
            "error": error,
            "reason": request.POST.get("add_reason", "").replace("\x00", ""),
            "add_at": request.POST.get("add_at", ""),
        }
    return render(request, "plans/builder.html", context, status=status)


@require_GET
def plan_builder(request: AuthedRequest, pk: int) -> HttpResponse:
    version = selectors.plan_version_of_membership(membership_of(request), pk)
    return _page(request, version)


def _again(version: PlanVersion, query: str = "") -> HttpResponse:
    url = reverse("plan_builder", args=[version.pk])
    return redirect(f"{url}?{urlencode({'q': query})}" if query else url)


def _issue(request: AuthedRequest, version: PlanVersion, editor: Editor) -> HttpResponse:
    form = editor.issue
    try:
        services.plan_issue(
            actor=request.user,
            version=version,
            expected_lock=version.lock,
            override_reason=form.cleaned_data["override_reason"],
        )
    except services.PlanBlocked as blocked:
        form.add_error("override_reason", str(blocked))
        return _page(request, version, editor=_saved(version, editor))
    messages.success(request, f"Plan version {version.number} issued.")
    if form.cleaned_data["email_client"]:
        _email_on_issue(request, version)
    return _again(version)


def _saved(version: PlanVersion, editor: Editor) -> Editor:
    """The page's forms after a save: stored values, the issue form's answers kept."""
    fresh = Editor(version)
    fresh.issue = editor.issue
    return fresh


def _email_on_issue(request: AuthedRequest, version: PlanVersion) -> None:
    issued = selectors.plan_version_get(request.user, version.pk)
    try:
        email, _ = handout_email_request(actor=request.user, version=issued, with_progress=False)
    except ValueError:
        messages.error(request, "The client has no email address on record: nothing was sent.")
        return
    messages.success(request, f"The handout is being emailed to {email.to}.")


def _add(request: AuthedRequest, version: PlanVersion, slug: str, editor: Editor) -> HttpResponse:
    """Add a library entry; a contraindicated one asks for the reason first (nothing lost)."""
    form = AddReasonForm(request.POST)
    reason = form.cleaned_data["add_reason"] if form.is_valid() else ""
    try:
        item = services.plan_item_add(
            actor=request.user,
            version=version,
            expected_lock=version.lock,
            slug=slug,
            position=whole_number(request.POST.get("add_at")),
            override_reason=reason,
        )
    except services.Contraindicated as refused:
        posted = [str(message) for message in form.errors.get("add_reason", [])]
        error = " ".join(posted) or " ".join(refused.messages)
        page = _page(
            request, version, editor=_saved(version, editor), refused=refused, error=error
        )
        return page
    if item.override_reason:
        messages.warning(request, f"Added {item.name} as item {item.position}, with your reason.")
    else:
        messages.success(request, f"Added {item.name} as item {item.position}.")
    return _again(version)


def _after_save(
    request: AuthedRequest, version: PlanVersion, action: Action, editor: Editor
) -> HttpResponse:
    """Do what the button asked, now that every edit on the page is saved."""
    if action.verb == "issue":
        return _issue(request, version, editor)
    if action.verb == "add":
        return _add(request, version, action.target, editor)
    if action.verb == "swap":
        item_id, _, slug = action.target.partition(":")
        swapped = services.plan_item_swap(
            actor=request.user,
            version=version,
            expected_lock=version.lock,
            item_id=int(item_id),
            slug=slug,
        )
        messages.success(request, f"Swapped in {swapped.name} as item {swapped.position}.")
        return _again(version)
    if action.verb in {"progress", "regress"}:
        stepped = services.plan_item_step(
            actor=request.user,
            version=version,
            expected_lock=version.lock,
            item_id=int(action.target),
            direction=action.verb,
        )
        messages.success(request, f"Item {stepped.position} is now {stepped.name}.")
        return _again(version)
    if action.verb == "reuse_message":
        previous = version.plan.versions.filter(number=version.number - 1).first()
        if previous is not None:
            services.plan_message_update(
                actor=request.user,
                version=version,
                expected_lock=version.lock,
                message=previous.message,
            )
        return _again(version)
    if action.verb == "search":
        return _again(version, request.POST.get("q", "").strip()[:100])
    if action.verb == "save":
        messages.success(request, "Plan saved.")
    return _again(version)


@require_POST
def plan_action(request: AuthedRequest, pk: int) -> HttpResponse:
    """Every button of the builder saves the whole page, then does its own action.

    Nothing typed is lost: a bad value, a conflict or a refused action shows the page
    again with every posted value in place.
    """
    version = selectors.plan_version_get(request.user, pk)
    action = parse_action(request.POST.get("action", "save"))
    if action is None:
        return HttpResponse("Unknown action.", status=400)
    if version.is_issued:
        return _issued_meanwhile(request, version)
    editor = Editor(version, request.POST)
    if not editor.is_valid():
        return _page(request, version, editor=editor)
    try:
        saved = services.plan_save(
            actor=request.user,
            version=version,
            expected_lock=editor.plan.cleaned_data["lock"],
            edit=editor.edit(action),
        )
        return _after_save(request, saved, action, editor)
    except services.PlanConflict:
        messages.error(
            request,
            "Someone else changed this draft while you were working, so nothing was saved. "
            "Your entries are still below, over the current plan: save again to keep them.",
        )
        return _conflict(request, pk, editor)
    except services.PlanLocked:
        return _issued_meanwhile(request, version)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return _page(request, selectors.plan_version_get(request.user, pk), status=409)


def _issued_meanwhile(request: AuthedRequest, version: PlanVersion) -> HttpResponse:
    """A double-clicked "Issue" (or a post to an issued version) lands where the first did."""
    messages.info(request, f"Plan version {version.number} is already issued.")
    return _again(version)


def _conflict(request: AuthedRequest, pk: int, posted: Editor) -> HttpResponse:
    """The current draft with the posted entries over it and the current lock to save with."""
    fresh = selectors.plan_version_get(request.user, pk)
    data = request.POST.copy()
    data["lock"] = str(fresh.lock)
    items = list(fresh.items.all())
    current = {item.pk for item in items}
    posted_order = [pk for pk in posted.plan.cleaned_data["order"] if pk in current]
    data["order"] = ",".join(
        str(pk)
        for pk in [*posted_order, *(pk for pk in sorted(current) if pk not in posted_order)]
    )
    data["removed"] = ",".join(
        str(pk) for pk in posted.plan.cleaned_data["removed"] if pk in current
    )
    for item in items:  # added by the other editor: shown as stored
        stored = PlanItemForm(instance=item, prefix=f"item-{item.pk}")
        if stored["note"].html_name not in data:
            for field in stored:
                data[field.html_name] = "" if field.value() is None else str(field.value())
    editor = Editor(fresh, data)
    editor.is_valid()
    return _page(request, fresh, editor=editor, status=409)


@require_GET
def plan_library(request: AuthedRequest, pk: int) -> HttpResponse:
    """The builder's live library search: results only, added to the page by htmx."""
    clinic = selectors.plan_clinic_get(request.user, pk)
    query = request.GET.get("q", "").strip()[:100]
    results = search(library_for(clinic), query) if query else []
    return render(
        request,
        "plans/library_results.html",
        {"query": query, "results": results, "in_plan": ()},
        using="jinja2",
    )


@require_POST
def plan_revise(request: AuthedRequest, pk: int) -> HttpResponse:
    version = selectors.plan_version_get(request.user, pk)
    new = services.plan_revise(actor=request.user, version=version)
    return redirect("plan_builder", pk=new.pk)

"""The plan builder: build from an assessment, shape the draft, issue, revise."""

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from assessments.interpretation import findings as assessment_findings
from assessments.selectors import assessment_get
from clinic.http import AuthedRequest, whole_number
from plans import selectors, services
from plans.forms import IssueForm, MessageForm, PlanItemForm
from plans.handout import selectors as handout_selectors
from plans.handout.services import handout_email_request
from plans.library import Kind
from plans.library.clinic import library_for, search
from plans.models import PlanVersion
from plans.rules.engine import suggest


@require_POST
def plan_build(request: AuthedRequest, assessment_pk: int) -> HttpResponse:
    assessment = assessment_get(request.user, assessment_pk)
    version = services.plan_build(actor=request.user, assessment=assessment)
    return redirect("plan_builder", pk=version.pk)


def _context(request: AuthedRequest, version: PlanVersion, **bound: object) -> dict[str, object]:
    assessment = version.plan.assessment
    findings = assessment_findings(assessment)
    client = assessment.client
    suggestions = suggest(findings, age=client.age_on(assessment.visit_date))
    query = request.GET.get("q", "").strip()[:100]
    items = list(version.items.all())
    forms: dict[int, PlanItemForm] = bound.get("item_forms", {})  # type: ignore[assignment]
    return {
        "version": version,
        "plan": version.plan,
        "assessment": assessment,
        "client": client,
        "findings": findings,
        "suggestions": suggestions,
        "items": [
            (item, forms.get(item.pk) or PlanItemForm(instance=item, prefix=f"item-{item.pk}"))
            for item in items
        ],
        "exercises": [item for item in items if item.kind not in {Kind.ADVICE, Kind.IN_CLINIC}],
        "advice": [item for item in items if item.kind == Kind.ADVICE],
        "in_clinic": [item for item in items if item.kind == Kind.IN_CLINIC],
        "message_form": bound.get("message_form")
        or MessageForm(initial={"message": version.message}),
        "issue_form": bound.get("issue_form") or IssueForm(),
        "query": query,
        # The clinic's library is read only for a search (one query fewer on every showing).
        "results": search(library_for(client.clinic), query) if query else [],
        "in_plan": {item.slug for item in items},
        "versions": list(version.plan.versions.order_by("number")),
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
    request: AuthedRequest, version: PlanVersion, *, status: int = 200, **bound: object
) -> HttpResponse:
    """The builder page. Each showing shows the client's plan and findings: one read entry."""
    services.plan_viewed(actor=request.user, version=version)
    return render(
        request, "plans/builder.html", _context(request, version, **bound), status=status
    )


@require_GET
def plan_builder(request: AuthedRequest, pk: int) -> HttpResponse:
    version = selectors.plan_version_get(request.user, pk)
    return _page(request, version)


def _again(version: PlanVersion) -> HttpResponse:
    return redirect("plan_builder", pk=version.pk)


def _add(request: AuthedRequest, version: PlanVersion, lock: int) -> HttpResponse:
    services.plan_item_add(
        actor=request.user, version=version, expected_lock=lock, slug=request.POST.get("slug", "")
    )
    return _again(version)


def _item_action(request: AuthedRequest, version: PlanVersion, lock: int) -> HttpResponse:
    # Not a number (or too long for an id): no such item, a 404 like any unknown one.
    item = selectors.plan_item_get(request.user, whole_number(request.POST.get("item")) or 0)
    if item.plan_version_id != version.pk:
        raise ValidationError("That item belongs to another plan version.")
    action = request.POST["action"]
    if action == "remove":
        services.plan_item_remove(actor=request.user, item=item, expected_lock=lock)
    elif action in {"up", "down"}:
        offset = -1 if action == "up" else 1
        services.plan_item_move(actor=request.user, item=item, expected_lock=lock, offset=offset)
    else:
        form = PlanItemForm(request.POST, instance=item, prefix=f"item-{item.pk}")
        if not form.is_valid():
            return _page(request, version, item_forms={item.pk: form})
        services.plan_item_update(
            actor=request.user, item=item, expected_lock=lock, fields=form.cleaned_data
        )
    return _again(version)


def _message(request: AuthedRequest, version: PlanVersion, lock: int) -> HttpResponse:
    form = MessageForm(request.POST)
    if not form.is_valid():
        return _page(request, version, message_form=form)
    services.plan_message_update(
        actor=request.user,
        version=version,
        expected_lock=lock,
        message=form.cleaned_data["message"],
    )
    return _again(version)


def _issue(request: AuthedRequest, version: PlanVersion, lock: int) -> HttpResponse:
    form = IssueForm(request.POST)
    if not form.is_valid():  # say what is wrong with the reason; keep what was typed
        return _page(request, version, issue_form=form)
    try:
        services.plan_issue(
            actor=request.user,
            version=version,
            expected_lock=lock,
            override_reason=form.cleaned_data["override_reason"],
        )
    except services.PlanBlocked as blocked:
        form.add_error("override_reason", str(blocked))
        return _page(request, version, issue_form=form)
    except services.PlanLocked:
        # Issued meanwhile (a double-clicked "Issue"): this post lands where the first did.
        messages.info(request, f"Plan version {version.number} is already issued.")
        return _again(version)
    messages.success(request, f"Plan version {version.number} issued.")
    if form.cleaned_data["email_client"]:
        _email_on_issue(request, version)
    return _again(version)


def _email_on_issue(request: AuthedRequest, version: PlanVersion) -> None:
    issued = selectors.plan_version_get(request.user, version.pk)
    try:
        email, _ = handout_email_request(actor=request.user, version=issued, with_progress=False)
    except ValueError:
        messages.error(request, "The client has no email address on record: nothing was sent.")
        return
    messages.success(request, f"The handout is being emailed to {email.to}.")


ACTIONS: dict[str, Callable[[AuthedRequest, PlanVersion, int], HttpResponse]] = {
    "add": _add,
    "remove": _item_action,
    "up": _item_action,
    "down": _item_action,
    "update": _item_action,
    "message": _message,
    "issue": _issue,
}


@require_POST
def plan_action(request: AuthedRequest, pk: int) -> HttpResponse:
    """Every change to a draft goes through here; conflicts keep the page and explain."""
    version = selectors.plan_version_get(request.user, pk)
    handler = ACTIONS.get(request.POST.get("action", ""))
    if handler is None:
        return HttpResponse("Unknown action.", status=400)
    try:
        lock = int(request.POST.get("lock", ""))
    except ValueError:
        return HttpResponse("Missing form version.", status=400)
    try:
        return handler(request, version, lock)
    except services.PlanConflict:
        messages.error(
            request,
            "Someone else changed this draft while you were working: your last change was not "
            "applied. The plan below is the current one; make the change again if still needed.",
        )
    except services.PlanLocked as locked:
        messages.error(request, str(locked))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    fresh = selectors.plan_version_get(request.user, pk)
    return _page(request, fresh, status=409)


@require_POST
def plan_revise(request: AuthedRequest, pk: int) -> HttpResponse:
    version = selectors.plan_version_get(request.user, pk)
    new = services.plan_revise(actor=request.user, version=version)
    return redirect("plan_builder", pk=new.pk)

"""Episode pages: open an episode, edit it, add a goal, mark the reassessment, discharge,
and the progress letter PDF. Every one scoped to the user's clinic (another clinic's episode or
client is a 404) and audited; a discharged episode is read-only."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from assessments.selectors import values_of_visits
from clinic import selectors as clinic_selectors
from clinic.http import AuthedRequest
from clinic.models import AuditAction
from clinic.services.audit import audit_client_record
from episodes import selectors, services
from episodes.due import shown
from episodes.forms import DischargeForm, EpisodeEditForm, EpisodeForm, GoalForm
from episodes.goals import psfs_activities
from episodes.letter.context import letter_context
from episodes.letter.render import letter_file_name, letter_pdf
from episodes.models import Episode

READ_ONLY = "This episode was discharged on {}: it can no longer be changed."


def _viewed(request: AuthedRequest, episode: Episode, what: str) -> None:
    audit_client_record(
        actor=request.user,
        client=episode.client,
        action=AuditAction.VIEW,
        object_type="episode",
        object_id=episode.pk,
        detail=what,
    )


def _closed(request: AuthedRequest, episode: Episode) -> HttpResponse:
    messages.info(request, READ_ONLY.format(shown(episode.discharged_on)))
    return redirect("client_detail", pk=episode.client_id)


def _form_errors(form: forms.Form | forms.ModelForm, error: ValidationError) -> None:
    """A service's refusal shown at its field, or above the form."""
    if hasattr(error, "error_dict"):
        for field, problems in error.error_dict.items():
            for problem in problems:
                form.add_error(field if field in form.fields else None, problem)
    else:
        for message in error.messages:
            form.add_error(None, message)


@require_http_methods(["GET", "POST"])
def episode_create(request: AuthedRequest, client_pk: int) -> HttpResponse:
    """The form shows the client's name only: no read of the record."""
    client = clinic_selectors.client_get(request.user, client_pk)
    initial = {"started_on": client.last_visit_on, "planned_sessions": 6, "reassess_every": 4}
    form = EpisodeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.episode_create(
                actor=request.user, client=client, fields=form.episode_fields()
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, "Episode of care opened.")
            return redirect("client_detail", pk=client.pk)
    return render(request, "episodes/episode_form.html", {"form": form, "client": client})


def _differences(form: EpisodeEditForm, current: Episode) -> list[dict[str, object]]:
    """Where what the editor typed differs from what is saved now: the conflict's table."""
    rows: list[dict[str, object]] = []
    for name, typed in form.episode_fields().items():
        saved = getattr(current, name)
        if saved != typed:
            rows.append({"label": form[name].label, "saved": saved, "typed": typed})
    saved_goals = {goal.pk: goal for goal in current.goals.all()}
    for pk, edit in form.goal_edits().items():
        goal = saved_goals.get(pk)
        label = next(g.activity for g in form.goals if g.pk == pk)
        if goal is None:
            if not edit.remove:
                rows.append({"label": f"Goal: {label}", "saved": "removed", "typed": "kept"})
        elif edit.remove:
            rows.append({"label": f"Goal: {label}", "saved": "kept", "typed": "removed"})
        elif (goal.target, goal.target_date) != (edit.target, edit.target_date):
            rows.append(
                {
                    "label": f"Goal: {label}",
                    "saved": f"{goal.target:g}/10 by {shown(goal.target_date)}",
                    "typed": f"{edit.target:g}/10 by {shown(edit.target_date)}",
                }
            )
    return rows


@require_http_methods(["GET", "POST"])
def episode_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    """An open episode's fields and goals, against the version loaded (docs/episodes.md,
    "Editing an open episode"); each showing is a read of the record (audited)."""
    episode = selectors.episode_get(request.user, pk)
    if not episode.is_open:
        return _closed(request, episode)
    goals = list(episode.goals.all())
    form = EpisodeEditForm(request.POST or None, instance=episode, goals=goals)
    conflict, status = None, 200
    if request.method == "POST" and form.is_valid():
        try:
            services.episode_update(
                actor=request.user,
                episode=episode,
                expected_version=form.cleaned_data["version"],
                fields=form.episode_fields(),
                goals=form.goal_edits(),
            )
        except services.EpisodeClosed:
            return _closed(request, selectors.episode_get(request.user, pk))
        except services.EpisodeConflict as error:
            conflict = _differences(form, error.current)
            if not conflict:  # the same edit again (a double submit): it is saved
                messages.success(request, "Changes saved.")
                return redirect("client_detail", pk=episode.client_id)
            rebased = request.POST.copy()
            rebased["version"] = str(error.current.version)
            current = selectors.episode_get(request.user, pk)
            goals = [goal for goal in goals if goal.pk in {g.pk for g in current.goals.all()}]
            form = EpisodeEditForm(rebased, instance=current, goals=goals)
            form.is_valid()
            episode, status = current, 409
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, "Changes saved.")
            return redirect("client_detail", pk=episode.client_id)
    _viewed(request, episode, "edit form")
    context = {"form": form, "episode": episode, "conflict": conflict}
    return render(request, "episodes/episode_edit.html", context, status=status)


def _recorded_activities(episode: Episode) -> list[tuple[str, str]]:
    """The PSFS activities of the episode's latest finalised visit, to choose from."""
    visits = selectors.episode_visits(episode)[-1:]
    if not visits:
        return []
    found = psfs_activities(values_of_visits(visits)[visits[0].pk].values)
    return [
        (name, f"{name} (scored {score:g})" if score is not None else name)
        for name, score in found.values()
    ]


@require_http_methods(["GET", "POST"])
def episode_goal_add(request: AuthedRequest, pk: int) -> HttpResponse:
    episode = selectors.episode_get(request.user, pk)
    if not episode.is_open:
        return _closed(request, episode)
    form = GoalForm(request.POST or None, activities=_recorded_activities(episode))
    if request.method == "POST" and form.is_valid():
        try:
            services.episode_goal_add(
                actor=request.user,
                episode=episode,
                activity=form.cleaned_data["activity"],
                target=form.cleaned_data["target"],
                target_date=form.cleaned_data["target_date"],
            )
        except services.EpisodeClosed:
            return _closed(request, selectors.episode_get(request.user, pk))
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, "Goal added.")
            return redirect("client_detail", pk=episode.client_id)
    _viewed(request, episode, "goal form")
    return render(request, "episodes/goal_form.html", {"form": form, "episode": episode})


@require_POST
def episode_reassessed(request: AuthedRequest, pk: int) -> HttpResponse:
    episode = selectors.episode_get(request.user, pk)
    try:
        saved = services.episode_reassessed(actor=request.user, episode=episode)
    except services.EpisodeClosed:
        return _closed(request, selectors.episode_get(request.user, pk))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, f"Reassessment recorded at the visit of {shown(saved.reassessed_on)}."
        )
    return redirect("client_detail", pk=episode.client_id)


@require_http_methods(["GET", "POST"])
def episode_discharge(request: AuthedRequest, pk: int) -> HttpResponse:
    episode = selectors.episode_get(request.user, pk)
    if not episode.is_open:
        return _closed(request, episode)
    goals = list(episode.goals.all())
    form = DischargeForm(request.POST or None, episode=episode, goals=goals)
    if request.method == "POST" and form.is_valid():
        try:
            services.episode_discharge(
                actor=request.user,
                episode=episode,
                discharged_on=form.cleaned_data["discharged_on"],
                summary=form.cleaned_data["summary"],
                goals_met=form.goals_met(),
            )
        except services.EpisodeClosed:
            return _closed(request, selectors.episode_get(request.user, pk))
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, "Episode discharged. It is now read-only.")
            return redirect("client_detail", pk=episode.client_id)
    _viewed(request, episode, "discharge form")
    context = {"form": form, "episode": episode, "goals": goals}
    return render(request, "episodes/discharge_form.html", context)


@require_GET
def episode_letter(request: AuthedRequest, pk: int) -> HttpResponse:
    """The progress letter PDF, made now (docs/episodes.md); audited as an export."""
    episode = selectors.episode_get(request.user, pk)
    context = letter_context(episode, actor=request.user)
    pdf = letter_pdf(context)
    audit_client_record(
        actor=request.user,
        client=episode.client,
        action=AuditAction.EXPORT,
        object_type="episode",
        object_id=episode.pk,
        detail="progress letter PDF",
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{letter_file_name(context)}"'
    response["Cache-Control"] = "private, no-store"  # health data: no shared caches
    return response

"""The clinic admin's intervention library pages (issue 7, roles), under /clinic/library/.

They live in the plans app because plans depends on clinic, not the reverse. Clinic
admins only (clinic_admin_required); another clinic's intervention is a 404. A clinic's
own pictures are shown to all its staff (the plan builder shows them too).
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from clinic.access import clinic_admin_required, require_clinic_admin
from clinic.http import AuthedRequest
from plans.figures import ANGLES
from plans.library import BY_SLUG, LIBRARY, Intervention
from plans.library import selectors as selectors_library
from plans.library import services as services_library
from plans.library.figure_forms import PosePreviewForm
from plans.library.forms import ClinicInterventionForm, initial_from_built_in
from plans.library.picture_urls import DIGEST_RE, data_uri, figure_src, pose_svg
from plans.models import KIND_CHOICES, ClinicIntervention


def _entry_src(entry: Intervention) -> str:
    return figure_src(illustration=entry.illustration or "", title=entry.name)


def _row_src(row: ClinicIntervention) -> str:
    """The picture a clinic row prints: its own, else its figure, else a drawing."""
    base = BY_SLUG.get(row.slug)
    illustration = row.illustration or (base.illustration if base else "") or ""
    return figure_src(
        illustration=illustration,
        pose=row.pose,
        picture=getattr(row, "picture_digest", None) or "",
        title=row.name,
    )


@require_GET
@clinic_admin_required
def library_list(request: AuthedRequest) -> HttpResponse:
    own = list(selectors_library.clinic_interventions_for(request.user))
    by_slug = {row.slug: row for row in own}
    kinds = dict(KIND_CHOICES)
    context = {
        "own": [(row, row.slug in BY_SLUG, _row_src(row)) for row in own],
        # Each built-in with its kind in words, the clinic's copy of it, if any, and its
        # picture.
        "built_in": [
            (entry, kinds[entry.kind.value], by_slug.get(entry.slug), _entry_src(entry))
            for entry in LIBRARY
        ],
    }
    return render(request, "plans/library/list.html", context)


def _form_page(
    request: AuthedRequest, form: ClinicInterventionForm, row: ClinicIntervention | None
) -> HttpResponse:
    # The saved slug (form.initial), not a typed one, says which built-in this replaces.
    base = BY_SLUG.get(form.initial.get("slug", "")) if row is not None else None
    current = _row_src(row) if row is not None else ""
    if not current and base is not None:
        current = _entry_src(base)
    # The posed figure as the form has it now: typed (even if not saved yet) or stored.
    pose = form.cleaned_data.get("pose") if form.is_bound and form.is_valid() else None
    if not form.is_bound and row is not None:
        pose = row.pose
    pose_text = pose_svg(pose, title="Your figure")
    context = {
        "form": form,
        "row": row,
        "base": base,
        "current_src": current,
        "pose_src": data_uri(pose_text.encode("utf-8"), "image/svg+xml") if pose_text else "",
        "pose_angle_meanings": [
            f"{meaning}: {low} to {high}." for meaning, low, high in ANGLES.values()
        ],
    }
    return render(request, "plans/library/form.html", context)


@require_http_methods(["GET", "POST"])
@clinic_admin_required
def library_create(request: AuthedRequest) -> HttpResponse:
    membership = require_clinic_admin(request)
    if request.method == "POST":
        form = ClinicInterventionForm(request.POST, request.FILES, clinic=membership.clinic)
        if form.is_valid():
            try:
                row = services_library.clinic_intervention_create(
                    actor=request.user,
                    clinic=membership.clinic,
                    fields=form.intervention_fields(),
                    picture=form.cleaned_data.get("picture_upload"),
                )
            except ValidationError as error:
                form.add_service_error(error)
            else:
                messages.success(request, f"{row.name} was added to your clinic's library.")
                return redirect("library_list")
        return _form_page(request, form, None)
    # "Customise" on a built-in starts from its wording and dose.
    built_in = BY_SLUG.get(request.GET.get("from", ""))
    initial = initial_from_built_in(built_in) if built_in else {"active": True}
    return _form_page(request, ClinicInterventionForm(initial=initial), None)


@require_http_methods(["GET", "POST"])
@clinic_admin_required
def library_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    row = selectors_library.clinic_intervention_get(request.user, pk)
    form = ClinicInterventionForm(request.POST or None, request.FILES or None, instance=row)
    if request.method == "POST" and form.is_valid():
        try:
            services_library.clinic_intervention_update(
                actor=request.user,
                intervention=row,
                fields=form.intervention_fields(),
                picture=form.cleaned_data.get("picture_upload"),
                remove_picture=bool(form.cleaned_data.get("remove_picture")),
            )
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, "Changes saved.")
            return redirect("library_list")
    return _form_page(request, form, row)


@require_GET
@clinic_admin_required
def library_pose_preview(request: AuthedRequest) -> HttpResponse:
    """The figure the library form's pose fields describe, drawn now (htmx swaps it in)."""
    form = PosePreviewForm(request.GET)
    svg = ""
    if form.is_valid() and form.cleaned_data["pose"]:
        svg = pose_svg(form.cleaned_data["pose"], title="Your figure")
    problems = [
        f"{form.fields[name].label}: {error}" if name in form.fields else str(error)
        for name, errors in form.errors.items()
        for error in errors
    ]
    context = {
        "src": data_uri(svg.encode("utf-8"), "image/svg+xml") if svg else "",
        "problems": problems,
    }
    return render(request, "plans/library/_pose_preview_image.html", context)


@require_GET
def library_picture(request: AuthedRequest, digest: str) -> HttpResponse:
    """One of the clinic's own pictures, for its staff; another clinic's is a 404."""
    if not DIGEST_RE.match(digest):
        raise Http404("No such picture.")
    picture = selectors_library.clinic_picture_get(request.user, digest)
    response = HttpResponse(bytes(picture.data), content_type=picture.content_type)
    response["Content-Disposition"] = "inline"
    # Opened on its own, an SVG may run nothing and load nothing (it was cleaned anyway).
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; sandbox"
    return response

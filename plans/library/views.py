"""The clinic admin's intervention library pages (issue 7, roles), under /clinic/library/.

They live in the plans app because plans depends on clinic, not the reverse. Clinic
admins only (clinic_admin_required); another clinic's intervention is a 404.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from clinic.access import clinic_admin_required, require_clinic_admin
from clinic.http import AuthedRequest
from plans.library import BY_SLUG, LIBRARY
from plans.library import selectors as selectors_library
from plans.library import services as services_library
from plans.library.forms import ClinicInterventionForm, initial_from_built_in
from plans.models import KIND_CHOICES, ClinicIntervention


@require_GET
@clinic_admin_required
def library_list(request: AuthedRequest) -> HttpResponse:
    own = list(selectors_library.clinic_interventions_for(request.user))
    by_slug = {row.slug: row for row in own}
    kinds = dict(KIND_CHOICES)
    context = {
        "own": [(row, row.slug in BY_SLUG) for row in own],
        # Each built-in with its kind in words and the clinic's copy of it, if any.
        "built_in": [
            (entry, kinds[entry.kind.value], by_slug.get(entry.slug)) for entry in LIBRARY
        ],
    }
    return render(request, "plans/library/list.html", context)


def _form_page(
    request: AuthedRequest, form: ClinicInterventionForm, row: ClinicIntervention | None
) -> HttpResponse:
    # The saved slug (form.initial), not a typed one, says which built-in this replaces.
    base = BY_SLUG.get(form.initial.get("slug", "")) if row is not None else None
    return render(request, "plans/library/form.html", {"form": form, "row": row, "base": base})


@require_http_methods(["GET", "POST"])
@clinic_admin_required
def library_create(request: AuthedRequest) -> HttpResponse:
    membership = require_clinic_admin(request)
    if request.method == "POST":
        form = ClinicInterventionForm(request.POST, clinic=membership.clinic)
        if form.is_valid():
            try:
                row = services_library.clinic_intervention_create(
                    actor=request.user,
                    clinic=membership.clinic,
                    fields=form.intervention_fields(),
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
    form = ClinicInterventionForm(request.POST or None, instance=row)
    if request.method == "POST" and form.is_valid():
        try:
            services_library.clinic_intervention_update(
                actor=request.user, intervention=row, fields=form.intervention_fields()
            )
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, "Changes saved.")
            return redirect("library_list")
    return _form_page(request, form, row)

"""The clinic admin's own techniques, under /clinic/techniques/ (clinic admins only)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from clinic.access import clinic_admin_required, require_clinic_admin
from clinic.http import AuthedRequest
from treatment import selectors, services
from treatment.forms import ClinicTechniqueForm
from treatment.models import ClinicTechnique
from treatment.techniques import BUILT_IN


@require_GET
@clinic_admin_required
def technique_list(request: AuthedRequest) -> HttpResponse:
    context = {"own": list(selectors.clinic_techniques_for(request.user)), "built_in": BUILT_IN}
    return render(request, "treatment/technique_list.html", context)


def _form_page(
    request: AuthedRequest, form: ClinicTechniqueForm, row: ClinicTechnique | None
) -> HttpResponse:
    return render(request, "treatment/technique_form.html", {"form": form, "row": row})


def _add_service_error(form: ClinicTechniqueForm, error: ValidationError) -> None:
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, messages_ in error.message_dict.items():
        form.add_error(name if name in form.fields else None, messages_)


@require_http_methods(["GET", "POST"])
@clinic_admin_required
def technique_create(request: AuthedRequest) -> HttpResponse:
    membership = require_clinic_admin(request)
    form = ClinicTechniqueForm(request.POST or None, initial={"active": True})
    if request.method == "POST" and form.is_valid():
        try:
            row = services.clinic_technique_create(
                actor=request.user, clinic=membership.clinic, fields=form.technique_fields()
            )
        except ValidationError as error:
            _add_service_error(form, error)
        else:
            messages.success(request, f"{row.name} was added to your clinic's techniques.")
            return redirect("technique_list")
    return _form_page(request, form, None)


@require_http_methods(["GET", "POST"])
@clinic_admin_required
def technique_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    row = selectors.clinic_technique_get(request.user, pk)
    form = ClinicTechniqueForm(request.POST or None, instance=row)
    if request.method == "POST" and form.is_valid():
        try:
            services.clinic_technique_update(
                actor=request.user, technique=row, fields=form.technique_fields()
            )
        except ValidationError as error:
            _add_service_error(form, error)
        else:
            messages.success(request, "Changes saved.")
            return redirect("technique_list")
    return _form_page(request, form, row)

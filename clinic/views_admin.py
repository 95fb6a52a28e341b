"""The clinic admin's pages: staff, branding and the audit log (issue 7, roles).

Every view is for clinic admins only (clinic_admin_required: a therapist gets a 403
with the reason, an account outside every clinic a 404); a staff member of another
clinic is a 404 like a missing one.
"""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from clinic import selectors, services_branding, services_staff
from clinic.access import clinic_admin_required, require_clinic_admin
from clinic.forms_admin import AuditFilterForm, BrandingForm, StaffCreateForm, StaffEditForm
from clinic.http import AuthedRequest

AUDIT_PER_PAGE = 50


@require_GET
@clinic_admin_required
def staff_list(request: AuthedRequest) -> HttpResponse:
    staff = list(selectors.staff_for(request.user))
    return render(request, "clinic/admin/staff_list.html", {"staff": staff})


@require_http_methods(["GET", "POST"])
@clinic_admin_required
def staff_create(request: AuthedRequest) -> HttpResponse:
    membership = require_clinic_admin(request)
    form = StaffCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            created = services_staff.staff_create(
                actor=request.user, clinic=membership.clinic, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(
                request,
                f"{created.user.get_full_name()} ({created.user.username}) can now sign in.",
            )
            return redirect("staff_list")
    return render(request, "clinic/admin/staff_form.html", {"form": form, "member": None})


@require_http_methods(["GET", "POST"])
@clinic_admin_required
def staff_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    member = selectors.staff_get(request.user, pk)
    form = StaffEditForm(request.POST or None, member=member)
    if request.method == "POST" and form.is_valid():
        try:
            services_staff.staff_update(
                actor=request.user, member=member, fields=form.cleaned_data
            )
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, f"Changes to {member.user.get_username()} saved.")
            return redirect("staff_list")
    return render(request, "clinic/admin/staff_form.html", {"form": form, "member": member})


@require_http_methods(["GET", "POST"])
@clinic_admin_required
def clinic_branding(request: AuthedRequest) -> HttpResponse:
    clinic = selectors.clinic_for(request.user)
    form = BrandingForm(
        request.POST or None,
        request.FILES or None,
        instance=clinic,
        logo_limit_kb=settings.CLINIC_LOGO_MAX_BYTES // 1024,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services_branding.clinic_branding_update(
                actor=request.user,
                clinic=clinic,
                fields=form.branding_fields(),
                logo=form.cleaned_data["logo_upload"],
                remove_logo=form.cleaned_data.get("remove_logo", False),
            )
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, "Branding saved. New handouts use it from now on.")
            return redirect("clinic_branding")
    # A browser never sends a chosen file again, so say so when the page comes back.
    file_dropped = bool(request.FILES) and bool(form.errors)
    return render(
        request,
        "clinic/admin/branding.html",
        {"form": form, "clinic": clinic, "file_dropped": file_dropped},
    )


@require_GET
@clinic_admin_required
def audit_log(request: AuthedRequest) -> HttpResponse:
    """The clinic's audit log, newest first, filtered by client, staff member and days.

    Opening this page is deliberately not itself audited: the log records who read or
    changed client records, and it holds only ids, actions and field names, no health
    data. Auditing its own reads would add an entry for every page and filter an admin
    opens, burying the record reads it exists to show; the page is limited to clinic
    admins instead.
    """
    clients = selectors.client_names_for(request.user)
    staff = list(selectors.staff_for(request.user))
    form = AuditFilterForm(request.GET, clients=clients, staff=staff)
    page, rows = None, []
    if form.is_valid():
        entries = selectors.audit_entries_for(request.user, **form.filters())
        page = Paginator(entries, AUDIT_PER_PAGE).get_page(request.GET.get("page"))
        # Erased clients are not in the clinic's list: their entries show the number only.
        names = dict(clients)
        rows = [(entry, names.get(entry.client_id or 0)) for entry in page.object_list]
    context = {
        "form": form,
        "page": page,
        "rows": rows,
        "filtered": any(value for name, value in request.GET.items() if name != "page"),
    }
    return render(request, "clinic/admin/audit_log.html", context)

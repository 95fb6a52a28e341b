"""The clinic admin's pages: staff, branding and the audit log (issue 7, roles).

Every view is for clinic admins only (clinic_admin_required: a therapist gets a 403
with the reason, an account outside every clinic a 404); a staff member of another
clinic is a 404 like a missing one.
"""

import logging
import smtplib

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from clinic import selectors
from clinic.access import clinic_admin_required, require_clinic_admin
from clinic.forms.admin import AuditFilterForm, BrandingForm, StaffCreateForm, StaffEditForm
from clinic.http import AuthedRequest
from clinic.models import Membership
from clinic.password_reset import link_expiry
from clinic.services import branding as services_branding
from clinic.services import staff as services_staff

logger = logging.getLogger(__name__)

AUDIT_PER_PAGE = 50
LINK_NOT_SENT = "The email with the link could not be sent; please try again later."


@require_GET
@clinic_admin_required
def staff_list(request: AuthedRequest) -> HttpResponse:
    staff = list(selectors.staff_for(request.user))
    return render(request, "clinic/admin/staff_list.html", {"staff": staff})


@require_http_methods(["GET", "POST"])
@clinic_admin_required
def staff_create(request: AuthedRequest) -> HttpResponse:
    membership = require_clinic_admin(request)
    form = StaffCreateForm(request.POST or None, link_expiry=link_expiry())
    if request.method == "POST" and form.is_valid():
        try:
            created = services_staff.staff_create(
                actor=request.user, clinic=membership.clinic, **form.staff_fields()
            )
        except ValidationError as error:
            form.add_service_error(error)
        else:
            name = f"{created.user.get_full_name()} ({created.user.username})"
            if not form.cleaned_data["send_link"]:
                messages.success(request, f"{name} can now sign in.")
            elif _email_link(request, created):
                messages.success(request, f"{name} is added. {_link_sent(created)}")
            else:
                messages.error(
                    request,
                    f"{name} is added, but the email with the link could not be sent. "
                    "Send it again from their page later.",
                )
            return redirect("staff_list")
    return _staff_page(request, form, None)


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
    return _staff_page(request, form, member)


@clinic_admin_required  # first, so a therapist's GET is the 403 every admin page gives
@require_POST
def staff_password_link(request: AuthedRequest, pk: int) -> HttpResponse:
    """Email a staff member a link to set their password; back to their page."""
    member = selectors.staff_get(request.user, pk)
    try:
        sent = _email_link(request, member)
    except ValidationError as error:
        return _staff_page(request, StaffEditForm.refusing(member, error), member)
    if sent:
        messages.success(request, _link_sent(member))
    else:
        messages.error(request, LINK_NOT_SENT)
    return redirect("staff_edit", pk=member.user_id)


def _email_link(request: AuthedRequest, member: Membership) -> bool:
    """Send the set-password link; False (and logged) when the mail server refused it.

    A refusal by the service (no email, deactivated) is its ValidationError, raised.
    """
    try:
        services_staff.staff_send_password_link(
            actor=request.user, member=member, origin=f"{request.scheme}://{request.get_host()}"
        )
    except (smtplib.SMTPException, OSError):
        logger.exception("Set-password link for staff member %s not sent", member.user_id)
        return False
    return True


def _link_sent(member: Membership) -> str:
    return f"A link to set a password was emailed to {member.user.email}."


def _staff_page(
    request: AuthedRequest, form: StaffCreateForm | StaffEditForm, member: Membership | None
) -> HttpResponse:
    context = {"form": form, "member": member, "link_expiry": link_expiry()}
    return render(request, "clinic/admin/staff_form.html", context)


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
            messages.success(request, "Settings saved. New handouts use the branding from now on.")
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

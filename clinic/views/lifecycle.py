"""Archive, restore and erase a client: a confirmation page on GET, the action on POST.

Another clinic's client is a 404 on both (client_get). Any staff member archives and
restores; only a clinic admin erases: others see why on GET and get a 403 on POST. The
archive and restore pages show only the client's name (as the client list does), so they
write no read entry; the erase page lists what is recorded about them, so it does.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from clinic import selectors
from clinic.forms.clients import ClientEraseForm
from clinic.http import AuthedRequest, whole_number
from clinic.models import Client
from clinic.services import clients as services
from clinic.services import lifecycle as services_lifecycle
from clinic.services.clients import ConcurrentEditError


def _posted_version(request: AuthedRequest) -> int:
    """The record version the confirmation page was loaded at; 0 (never current) if absent."""
    return whole_number(request.POST.get("version")) or 0


def _archive_page(
    request: AuthedRequest, client: Client, *, archive: bool, conflict: bool = False
) -> HttpResponse:
    context = {"client": client, "archive": archive, "conflict": conflict}
    return render(request, "clinic/client_archive_confirm.html", context)


def _archive_or_restore(request: AuthedRequest, pk: int, *, archive: bool) -> HttpResponse:
    client = selectors.client_get(request.user, pk)
    if client.archived == archive:
        state = "already archived" if archive else "not archived"
        messages.info(request, f"This client is {state}; nothing was changed.")
        return redirect("client_detail", pk=client.pk)
    if request.method != "POST":
        return _archive_page(request, client, archive=archive)
    service = services_lifecycle.client_archive if archive else services_lifecycle.client_restore
    try:
        service(actor=request.user, client=client, expected_version=_posted_version(request))
    except ConcurrentEditError as error:
        # Someone changed the record after this page was loaded: confirm again on the new one.
        return _archive_page(request, error.current, archive=archive, conflict=True)
    if archive:
        messages.success(
            request,
            "The client was archived: hidden from the client list, with every record kept.",
        )
    else:
        messages.success(request, "The client was restored to the client list.")
    return redirect("client_detail", pk=client.pk)


@require_http_methods(["GET", "POST"])
def client_archive(request: AuthedRequest, pk: int) -> HttpResponse:
    return _archive_or_restore(request, pk, archive=True)


@require_http_methods(["GET", "POST"])
def client_restore(request: AuthedRequest, pk: int) -> HttpResponse:
    return _archive_or_restore(request, pk, archive=False)


@require_http_methods(["GET", "POST"])
def client_erase(request: AuthedRequest, pk: int) -> HttpResponse:
    client = selectors.client_get(request.user, pk)
    allowed = services_lifecycle.can_erase(request.user, client)
    if request.method == "POST" and not allowed:
        raise PermissionDenied(services_lifecycle.ERASE_NOT_ALLOWED)
    form = ClientEraseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services_lifecycle.client_erase(
                actor=request.user, client=client, confirm_name=form.cleaned_data["confirm_name"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                "The client record was erased. The audit log keeps a note of the erasure, "
                "without the client's details.",
            )
            return redirect("client_list")
    if allowed:
        # The page lists what is recorded about the client (visits, plans, handouts): a
        # read. Refused, it shows only their name, like the client list.
        services.client_record_viewed(actor=request.user, client=client, detail="erase form")
    context = {
        "client": client,
        "allowed": allowed,
        "form": form,
        "removes": services_lifecycle.erasure_summary(client) if allowed else [],
    }
    return render(request, "clinic/client_erase_confirm.html", context)

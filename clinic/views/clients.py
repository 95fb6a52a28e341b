"""Client pages: list and search, create, detail, edit."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.module_loading import import_string
from django.views.decorators.http import require_GET, require_http_methods

from clinic import selectors
from clinic.access import membership_of, require_membership
from clinic.forms.clients import ClientForm, ClientSearchForm
from clinic.http import AuthedRequest
from clinic.middleware.faults import (
    DATABASE_UNAVAILABLE,
    RETRY_AFTER_SECONDS,
    close_broken_connections,
)
from clinic.models import Client
from clinic.panels.registry import client_panels
from clinic.services import clients as services


@require_GET
def client_list(request: AuthedRequest) -> HttpResponse:
    search = ClientSearchForm(request.GET)
    query, include_archived = "", False
    if search.is_valid():
        query = search.cleaned_data["q"]
        include_archived = search.cleaned_data["archived"]
    clients = selectors.client_search(request.user, query=query, include_archived=include_archived)
    page = selectors.client_list_page(
        clients, request.GET.get("page"), settings.CLIENTS_PER_PAGE, searched=bool(query)
    )
    template = "clinic/_client_rows.html" if request.htmx else "clinic/client_list.html"
    marks = _marks([client.pk for client in page.object_list])
    context = {
        "search": search,
        "page": page,
        # Each row with its own marks: the template never looks a client's up among all.
        "rows": [(client, marks.get(client.pk, [])) for client in page.object_list],
        "query": query,
        "include_archived": include_archived,
    }
    return render(request, template, context)


def _marks(client_ids: list[int]) -> dict[int, list[str]]:
    """Each listed client's marks from the apps built on this one (settings.CLIENT_LIST_MARKS)."""
    marks: dict[int, list[str]] = {}
    for path in settings.CLIENT_LIST_MARKS:
        for client_id, words in import_string(path)(client_ids).items():
            marks.setdefault(client_id, []).append(words)
    return marks


@require_http_methods(["GET", "POST"])
def client_create(request: AuthedRequest) -> HttpResponse:
    membership = require_membership(request)
    form = ClientForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        client = services.client_create(
            actor=request.user,
            clinic=membership.clinic,
            fields=form.client_fields(),
        )
        messages.success(request, f"{client.full_name} was added.")
        return redirect("client_detail", pk=client.pk)
    return render(request, "clinic/client_form.html", {"form": form, "client": None})


@require_GET
def client_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    # The page shows the membership anyway (the navigation), so it scopes the read.
    client = selectors.client_of_membership(membership_of(request), pk)
    services.client_record_viewed(actor=request.user, client=client)
    panels = client_panels(request, client)
    return render(request, "clinic/client_detail.html", {"client": client, "panels": panels})


@require_http_methods(["GET", "POST"])
def client_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    """The edit form; every time it is shown (first, with errors, after a conflict) it shows
    the record, so each showing writes one read entry."""
    client = selectors.client_get(request.user, pk)
    form = ClientForm(request.POST or None, instance=client)
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.client_update(
                actor=request.user,
                client=client,
                expected_version=form.cleaned_data["version"] or 0,
                fields=form.client_fields(),
            )
        except services.ConcurrentEditError as error:
            conflict = _conflict_rows(form, error.current)
            form = _rebased_form(request, error.current)
        else:
            messages.success(request, "Changes saved.")
            return redirect("client_detail", pk=client.pk)
    services.client_record_viewed(actor=request.user, client=client, detail="edit form")
    return render(
        request, "clinic/client_form.html", {"form": form, "client": client, "conflict": conflict}
    )


def _conflict_rows(form: ClientForm, current: Client) -> list[dict[str, object]]:
    """The fields where what the editor typed differs from what is now saved."""
    rows = []
    for name, value in form.client_fields().items():
        saved = getattr(current, name)
        if saved != value:
            rows.append({"label": form.fields[name].label, "saved": saved, "typed": value})
    return rows


def _rebased_form(request: AuthedRequest, current: Client) -> ClientForm:
    """The editor's typed values, now based on the current version so a second save wins."""
    data = request.POST.copy()
    data["version"] = str(current.version)
    form = ClientForm(data, instance=current)
    form.is_valid()
    return form


@login_not_required
@require_GET
def health(request: HttpRequest) -> HttpResponse:
    """Load-balancer probe: 200 "ok" when the database answers, 503 while it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DATABASE_UNAVAILABLE:
        # A short plain answer the balancer can log; it takes this server out of rotation.
        close_broken_connections()
        response = HttpResponse("database unavailable", content_type="text/plain", status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        return response
    return HttpResponse("ok", content_type="text/plain")

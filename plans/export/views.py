"""Download a client's whole record: client-record JSON or a FHIR R4 Bundle (issue 6).

Both are reads of health data: each download writes one audit entry (export). The client
must belong to the user's clinic (another clinic's is a 404). File names carry the client
id and the date, never the name: they end up in download folders, browser history and logs.
"""

import json

from django.http import HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from clinic.http import AuthedRequest
from clinic.models import AuditAction
from clinic.services.audit import audit_client_record
from plans.export.fhir import fhir_bundle, fhir_bundle_json
from plans.export.record import export_client_record
from plans.export.selectors import ClientRecord, client_record_get


def _download(
    request: AuthedRequest, record: ClientRecord, *, body: str, content_type: str, kind: str
) -> HttpResponse:
    """The attachment client-<id>-<kind>-<date>.json, after the audit entry for it."""
    client, count = record.client, len(record.visits)
    audit_client_record(
        actor=request.user,
        client=client,
        action=AuditAction.EXPORT,
        object_type="client",
        object_id=client.pk,
        detail=f"{kind} export, {count} visit{'' if count == 1 else 's'}",
    )
    filename = f"client-{client.pk}-{kind}-{timezone.localdate():%Y-%m-%d}.json"
    response = HttpResponse(body.encode("utf-8"), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"  # health data: no shared caches
    return response


@require_GET
def client_export_json(request: AuthedRequest, client_pk: int) -> HttpResponse:
    """The client-record document (docs/interchange.md, "Client record")."""
    record = client_record_get(request.user, client_pk)
    document = export_client_record(record, exported_at=timezone.now())
    body = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    return _download(request, record, body=body, content_type="application/json", kind="record")


@require_GET
def client_export_fhir(request: AuthedRequest, client_pk: int) -> HttpResponse:
    """The record as a FHIR R4 Bundle of type collection (docs/fhir.md)."""
    record = client_record_get(request.user, client_pk)
    body = fhir_bundle_json(fhir_bundle(record, exported_at=timezone.now())) + "\n"
    return _download(request, record, body=body, content_type="application/fhir+json", kind="fhir")

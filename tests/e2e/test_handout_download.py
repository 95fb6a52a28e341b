"""Download an issued plan's handout from the builder, in the browser."""

import io
from pathlib import Path

from django.contrib.auth.models import User
from playwright.sync_api import Page
from pypdf import PdfReader
from pytest_django.live_server_helper import LiveServer

from assessments.models import Assessment
from clinic.models import AuditEntry
from tests.e2e.signing_in import sign_in
from tests.plans.handout.helpers import issue


def test_download_handout_pdf_from_builder(
    page: Page, live_server: LiveServer, therapist: User, typical: Assessment
) -> None:
    version = issue(therapist, typical)
    base = live_server.url
    sign_in(page, base)

    page.goto(f"{base}/plans/{version.pk}/")
    with page.expect_download() as info:
        page.get_by_role("link", name="Download PDF").click()
    download = info.value
    assert download.suggested_filename == "home-program-priya-sharma-v1.pdf"
    data = Path(download.path()).read_bytes()
    assert data.startswith(b"%PDF-")
    first = " ".join((PdfReader(io.BytesIO(data)).pages[0].extract_text() or "").split())
    assert "Priya Sharma" in first
    assert AuditEntry.objects.filter(object_type="handout", action="export").count() == 1

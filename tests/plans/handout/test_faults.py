"""A handout render that fails: a clear error, the plan intact, nothing cached or sent.

WeasyPrint is made to fail at its own boundary (Document.write_pdf, a third-party
method); everything of ours runs for real.
"""

import logging
import re
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.db import OperationalError
from django.test import Client as HttpClient
from django.urls import reverse
from weasyprint.document import Document

from assessments.models import Assessment
from clinic.models import AuditEntry, Client, Clinic
from plans.models import HandoutPDF, PlanVersion
from tests.plans.handout.helpers import issue

MESSAGE = (
    "The handout could not be made. The plan is saved; try again, and tell your "
    "administrator if it keeps happening."
)


class WeasyPrintFailure(RuntimeError):
    """Stands in for whatever WeasyPrint (or fontTools, Pango) might raise."""


def _raise(self: Document, *args: Any, **kwargs: Any) -> bytes:
    raise WeasyPrintFailure("font subsetting failed")


@pytest.fixture
def issued(therapist: User, typical: Assessment) -> PlanVersion:
    return issue(therapist, typical)


@pytest.fixture
def broken_weasyprint(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    monkeypatch.setattr(Document, "write_pdf", _raise)
    return monkeypatch


def _plan_state(version: PlanVersion) -> tuple[object, ...]:
    version.refresh_from_db()
    items = list(
        version.items.order_by("pk").values_list(
            "pk", "position", "slug", "sets", "repetitions", "note"
        )
    )
    return (version.status, version.lock, version.number, version.issued_at, items)


def _handout_audit() -> list[str]:
    return list(AuditEntry.objects.filter(object_type="handout").values_list("detail", flat=True))


def test_handout_pdf_render_failure_shows_clear_error(
    as_therapist: HttpClient,
    issued: PlanVersion,
    broken_weasyprint: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    before = _plan_state(issued)
    with caplog.at_level(logging.ERROR, logger="plans.handout.render"):
        response = as_therapist.get(reverse("handout_pdf", args=[issued.pk]))

    assert response.status_code == 500
    assert response["Content-Type"] == "text/html; charset=utf-8"
    body = response.content.decode()
    assert MESSAGE in body
    assert f'href="{reverse("plan_builder", args=[issued.pk])}"' in body
    assert HandoutPDF.objects.count() == 0
    assert _plan_state(issued) == before
    assert _handout_audit() == []  # nothing left the system
    [record] = [r for r in caplog.records if r.name == "plans.handout.render"]
    assert record.getMessage() == (
        f"The handout for plan version {issued.pk} could not be rendered"
    )
    assert isinstance(record.exc_info[1], WeasyPrintFailure)  # type: ignore[index]


def test_handout_pdf_try_again_after_failure_renders(
    as_therapist: HttpClient, issued: PlanVersion, broken_weasyprint: pytest.MonkeyPatch
) -> None:
    url = reverse("handout_pdf", args=[issued.pk])
    assert as_therapist.get(url).status_code == 500
    broken_weasyprint.undo()  # WeasyPrint works again
    response = as_therapist.get(url)
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    assert HandoutPDF.objects.get().plan_version_id == issued.pk
    assert _handout_audit() == ["handout PDF downloaded (plan version 1)"]


def test_handout_render_failure_leaves_older_copy_untouched_and_unserved(
    as_therapist: HttpClient,
    issued: PlanVersion,
    clinic: Clinic,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url = reverse("handout_pdf", args=[issued.pk])
    as_therapist.get(url)
    stored = HandoutPDF.objects.get()
    Clinic.objects.filter(pk=clinic.pk).update(name="Riverside Renamed")  # new inputs
    monkeypatch.setattr(Document, "write_pdf", _raise)
    response = as_therapist.get(url)
    assert response.status_code == 500
    assert MESSAGE in response.content.decode()
    assert list(HandoutPDF.objects.values_list("pk", "key")) == [(stored.pk, stored.key)]


def test_handout_email_render_failure_explains_on_builder(
    as_therapist: HttpClient,
    issued: PlanVersion,
    client_record: Client,
    broken_weasyprint: pytest.MonkeyPatch,
) -> None:
    client_record.email = "priya@example.com"
    client_record.save()
    before = _plan_state(issued)
    response = as_therapist.post(reverse("handout_email", args=[issued.pk]), follow=True)
    assert response.redirect_chain == [(reverse("plan_builder", args=[issued.pk]), 302)]
    assert f"Nothing was emailed. {MESSAGE}" in response.content.decode()
    assert mail.outbox == []
    assert HandoutPDF.objects.count() == 0
    assert _plan_state(issued) == before
    assert _handout_audit() == []


def test_handout_database_error_during_render_is_left_to_the_503_page(
    as_therapist: HttpClient, issued: PlanVersion, monkeypatch: pytest.MonkeyPatch
) -> None:
    def lost(self: Document, *args: Any, **kwargs: Any) -> bytes:
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(Document, "write_pdf", lost)
    response = as_therapist.get(reverse("handout_pdf", args=[issued.pk]))
    assert response.status_code == 503
    assert "This page is not available right now" in response.content.decode()
    assert MESSAGE not in response.content.decode()


def test_handout_download_links_let_an_error_page_show(
    as_therapist: HttpClient, issued: PlanVersion
) -> None:
    # A `download` attribute makes the browser swallow an error page as a failed download;
    # Content-Disposition: attachment already saves the PDF.
    page = as_therapist.get(reverse("plan_builder", args=[issued.pk])).content.decode()
    url = reverse("handout_pdf", args=[issued.pk])
    links = re.findall(rf'<a [^>]*href="{re.escape(url)}[^"]*"[^>]*>', page)
    assert len(links) == 2
    assert [re.search(r"\sdownload[\s=>]", link) for link in links] == [None, None]

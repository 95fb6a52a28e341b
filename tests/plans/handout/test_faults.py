"""A handout render that fails: retried, then shown to the clinic admin; a download that
must render says so clearly; the plan stays intact and nothing is sent.

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
from clinic.models import AuditEntry, Client, Clinic, Role
from plans.handout.tasks import MAX_ATTEMPTS
from plans.models import EmailStatus, HandoutEmail, HandoutPDF, PlanVersion, RenderStatus
from tests.factories import MembershipFactory
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


def _plain(version: PlanVersion) -> HandoutPDF:
    return HandoutPDF.objects.get(plan_version=version, with_progress=False)


def test_handout_pdf_render_failure_shows_clear_error(
    as_therapist: HttpClient,
    issued: PlanVersion,
    broken_weasyprint: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    before = _plan_state(issued)
    with caplog.at_level(logging.ERROR, logger="plans.handout.rendering"):
        response = as_therapist.get(reverse("handout_pdf", args=[issued.pk]))

    assert response.status_code == 500
    assert response["Content-Type"] == "text/html; charset=utf-8"
    body = response.content.decode()
    assert MESSAGE in body
    assert f'href="{reverse("plan_builder", args=[issued.pk])}"' in body
    assert (_plain(issued).status, _plain(issued).renders, bytes(_plain(issued).pdf)) == (
        RenderStatus.QUEUED,
        0,
        b"",
    )
    assert _plan_state(issued) == before
    assert _handout_audit() == []  # nothing left the system
    [record] = [r for r in caplog.records if r.name == "plans.handout.rendering"]
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
    assert (_plain(issued).status, _plain(issued).renders) == (RenderStatus.READY, 1)
    assert _handout_audit() == ["handout PDF downloaded (plan version 1)"]


def test_handout_worker_failure_is_retried_then_shown_to_the_clinic_admin(
    therapist: User,
    typical: Assessment,
    as_admin: HttpClient,
    broken_weasyprint: pytest.MonkeyPatch,
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        version = issue(therapist, typical)
    rows = list(version.handout_pdfs.all())
    assert [(row.status, row.attempts, row.error) for row in rows] == [
        (RenderStatus.FAILED, MAX_ATTEMPTS, "WeasyPrintFailure")
    ] * 2
    page = as_admin.get(reverse("handout_problems")).content.decode()
    assert "Priya Sharma" in page
    assert page.count("Try again") == 2
    assert "WeasyPrintFailure" in page


def test_handout_clinic_admin_asks_again_and_the_worker_makes_it(
    therapist: User,
    typical: Assessment,
    as_admin: HttpClient,
    broken_weasyprint: pytest.MonkeyPatch,
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        version = issue(therapist, typical)
    broken_weasyprint.undo()
    plain = _plain(version)
    with django_capture_on_commit_callbacks(execute=True):
        response = as_admin.post(reverse("handout_retry", args=[plain.pk]))
    assert response["Location"] == reverse("handout_problems")
    plain.refresh_from_db()
    assert (plain.status, plain.attempts, plain.renders) == (RenderStatus.READY, 0, 1)
    assert _handout_audit() == ["handout PDF queued again (plan version 1)"]


def test_handout_retry_is_for_clinic_admins_of_the_clinic(
    issued: PlanVersion, as_therapist: HttpClient, other_clinic: Clinic
) -> None:
    url = reverse("handout_retry", args=[_plain(issued).pk])
    assert as_therapist.post(url).status_code == 403
    elsewhere = MembershipFactory(clinic=other_clinic, role=Role.ADMIN).user
    outsider_admin = HttpClient()
    outsider_admin.force_login(elsewhere)
    assert outsider_admin.post(url).status_code == 404
    assert outsider_admin.get(reverse("handout_problems")).content.decode().count("Try") == 0
    assert _plain(issued).status == RenderStatus.QUEUED
    assert _handout_audit() == []


def test_handout_email_render_failure_is_retried_then_recorded(
    as_therapist: HttpClient,
    issued: PlanVersion,
    client_record: Client,
    broken_weasyprint: pytest.MonkeyPatch,
    django_capture_on_commit_callbacks: Any,
) -> None:
    client_record.email = "priya@example.com"
    client_record.save()
    before = _plan_state(issued)
    with django_capture_on_commit_callbacks(execute=True):
        response = as_therapist.post(reverse("handout_email", args=[issued.pk]), follow=True)
    assert response.redirect_chain == [(reverse("plan_builder", args=[issued.pk]), 302)]
    email = HandoutEmail.objects.get()
    assert (email.status, email.attempts, email.error) == (
        EmailStatus.FAILED,
        MAX_ATTEMPTS,
        "HandoutRenderError",
    )
    assert mail.outbox == []
    assert _plan_state(issued) == before
    assert _handout_audit() == []
    page = as_therapist.get(reverse("plan_builder", args=[issued.pk])).content.decode()
    assert "could not be sent" in page


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

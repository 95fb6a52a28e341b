"""Handout preview, download and email: access, audit, and the PDF stored once per version."""

import datetime

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client as HttpClient
from django.urls import reverse

from assessments.models import Assessment
from clinic.models import AuditAction, AuditEntry, Client, Clinic, PaperSize
from plans.handout.render import RENDERS
from plans.models import EmailStatus, HandoutEmail, HandoutPDF, PlanVersion, RenderStatus
from plans.services import plan_build
from tests.plans.builder_form import builder_post
from tests.plans.handout.helpers import issue, pages_text, render_pdf

# Rendered PDFs and pages over fixtures: what they say does not depend on the database, so
# make test-sqlite leaves these out (tests/conftest.py); they run on PostgreSQL.
pytestmark = pytest.mark.same_on_any_database

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cf000000030101001805d8d10000000049454e44ae426082"
)


@pytest.fixture
def issued(therapist: User, typical: Assessment) -> PlanVersion:
    return issue(therapist, typical)


def _urls(version: PlanVersion) -> dict[str, str]:
    return {
        name: reverse(name, args=[version.pk])
        for name in ("handout_preview", "handout_pdf", "handout_email")
    }


def _get(http: HttpClient, name: str, version: PlanVersion) -> object:
    url = reverse(name, args=[version.pk])
    return http.post(url) if name == "handout_email" else http.get(url)


def _handout_audit() -> list[tuple[str, str, str]]:
    return list(
        AuditEntry.objects.filter(object_type="handout")
        .order_by("pk")
        .values_list("action", "actor_username", "detail")
    )


@pytest.mark.parametrize("name", ["handout_preview", "handout_pdf", "handout_email"])
def test_handout_outsider_gets_404(
    as_outsider: HttpClient, issued: PlanVersion, name: str
) -> None:
    assert _get(as_outsider, name, issued).status_code == 404  # type: ignore[attr-defined]
    assert _handout_audit() == []
    assert mail.outbox == []


@pytest.mark.parametrize("name", ["handout_preview", "handout_pdf", "handout_email"])
def test_handout_anonymous_redirects_to_login(issued: PlanVersion, name: str) -> None:
    response = _get(HttpClient(), name, issued)
    assert response.status_code == 302  # type: ignore[attr-defined]
    assert response["Location"].startswith("/accounts/login/")  # type: ignore[index]


@pytest.mark.parametrize("name", ["handout_preview", "handout_pdf", "handout_email"])
def test_handout_of_a_draft_is_404(
    as_therapist: HttpClient, therapist: User, typical: Assessment, name: str
) -> None:
    draft = plan_build(actor=therapist, assessment=typical)
    assert _get(as_therapist, name, draft).status_code == 404  # type: ignore[attr-defined]


def test_handout_pdf_download_is_a_pdf_with_audit(
    as_colleague: HttpClient, issued: PlanVersion
) -> None:
    response = as_colleague.get(reverse("handout_pdf", args=[issued.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="home-program-priya-sharma-v1.pdf"'
    )
    assert response.content.startswith(b"%PDF-")
    assert "Priya Sharma" in pages_text(response.content)[0]
    assert _handout_audit() == [
        (AuditAction.EXPORT, "colleague", "handout PDF downloaded (plan version 1)")
    ]


def test_handout_preview_shows_same_content_with_audit(
    as_therapist: HttpClient, issued: PlanVersion
) -> None:
    page = as_therapist.get(reverse("handout_preview", args=[issued.pk])).content.decode()
    assert '<html lang="en">' in page
    assert "Priya Sharma" in page
    assert "/static/plans/illustrations/kneeling-hip-flexor-stretch.svg" in page
    assert "/static/plans/handout.css" in page
    assert "handout.invalid" not in page
    assert "When to stop and get help" in page
    assert _handout_audit() == [
        (AuditAction.VIEW, "therapist", "handout preview (plan version 1)")
    ]


def test_handout_builder_links_only_for_issued(
    as_therapist: HttpClient, therapist: User, issued: PlanVersion, typical: Assessment
) -> None:
    page = as_therapist.get(reverse("plan_builder", args=[issued.pk])).content.decode()
    for url in _urls(issued).values():
        assert url in page
    draft = as_therapist.post(reverse("plan_revise", args=[issued.pk]))
    page = as_therapist.get(draft["Location"]).content.decode()
    assert "Download PDF" not in page


def _plain(version: PlanVersion) -> HandoutPDF:
    return HandoutPDF.objects.get(plan_version=version, with_progress=False)


def test_handout_issue_freezes_the_content_and_queues_both_kinds(issued: PlanVersion) -> None:
    content = issued.snapshot.content
    assert (content["client"]["name"], content["number"]) == ("Priya Sharma", 1)
    assert content["clinic"]["name"] == "Riverside Test Clinic"
    assert [(pdf.with_progress, pdf.status, pdf.renders) for pdf in issued.handout_pdfs.all()] == [
        (False, RenderStatus.QUEUED, 0),
        (True, RenderStatus.QUEUED, 0),
    ]


def test_handout_tasks_run_when_the_issue_commits(
    therapist: User, typical: Assessment, django_capture_on_commit_callbacks: object
) -> None:
    before = RENDERS.count
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        version = issue(therapist, typical)
    assert RENDERS.count == before + 2
    assert [(pdf.status, pdf.renders) for pdf in version.handout_pdfs.all()] == [
        (RenderStatus.READY, 1),
        (RenderStatus.READY, 1),
    ]


def test_handout_download_after_the_worker_renders_nothing(
    as_therapist: HttpClient,
    therapist: User,
    typical: Assessment,
    django_capture_on_commit_callbacks: object,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        version = issue(therapist, typical)
    before = RENDERS.count
    response = as_therapist.get(reverse("handout_pdf", args=[version.pk]))
    assert RENDERS.count == before
    assert response.content == bytes(_plain(version).pdf)


def test_handout_download_before_the_worker_renders_once_and_says_why(
    as_therapist: HttpClient, issued: PlanVersion, caplog: pytest.LogCaptureFixture
) -> None:
    url = reverse("handout_pdf", args=[issued.pk])
    before = RENDERS.count
    with caplog.at_level("INFO", logger="plans.handout.rendering"):
        first = as_therapist.get(url).content
    second = as_therapist.get(url).content
    assert RENDERS.count == before + 1
    assert first == second == bytes(_plain(issued).pdf)
    assert (_plain(issued).status, _plain(issued).renders) == (RenderStatus.READY, 1)
    assert [r.getMessage() for r in caplog.records] == [
        f"Handout for plan version {issued.pk} rendered on download: the worker had not "
        "made it yet"
    ]
    assert [row[0] for row in _handout_audit()] == [AuditAction.EXPORT, AuditAction.EXPORT]


def test_handout_stored_download_query_count(
    as_therapist: HttpClient, issued: PlanVersion, django_assert_num_queries: object
) -> None:
    url = reverse("handout_pdf", args=[issued.pk])
    as_therapist.get(url)
    # session, user, the stored PDF (one scoped row), audit
    with django_assert_num_queries(4):  # type: ignore[operator]
        as_therapist.get(url)


def test_first_download_renders_the_whole_version(
    as_therapist: HttpClient, issued: PlanVersion
) -> None:
    downloaded = pages_text(as_therapist.get(reverse("handout_pdf", args=[issued.pk])).content)
    assert downloaded == pages_text(render_pdf(issued))
    assert "Priya Sharma" in downloaded[0]


CHANGES_AFTER_ISSUE = {
    "client name": ("client", {"given_name": "Priyanka"}),
    "client sex": ("client", {"sex": "male"}),
    "client birth date": ("client", {"date_of_birth": datetime.date(1950, 1, 1)}),
    "clinic footer": ("clinic", {"handout_footer": "New footer"}),
    "clinic paper": ("clinic", {"paper_size": PaperSize.LETTER}),
    "clinic name": ("clinic", {"name": "Riverside Renamed"}),
    "clinic phone": ("clinic", {"phone": "555 0199"}),
    "clinic logo": ("clinic", {"logo": PNG, "logo_content_type": "image/png"}),
    # The left hip's 12° would no longer count as a tight hip flexor.
    "clinic cut-offs": ("clinic", {"cutoff_overrides": {"thomas_hip_angle_max": 20}}),
}


@pytest.mark.parametrize("change", sorted(CHANGES_AFTER_ISSUE))
def test_handout_issued_version_never_changes(
    as_therapist: HttpClient,
    issued: PlanVersion,
    client_record: Client,
    clinic: Clinic,
    change: str,
) -> None:
    url = reverse("handout_pdf", args=[issued.pk])
    before = pages_text(as_therapist.get(url).content)
    renders = RENDERS.count
    model, fields = CHANGES_AFTER_ISSUE[change]
    record: Client | Clinic = client_record if model == "client" else clinic
    type(record).objects.filter(pk=record.pk).update(**fields)
    assert pages_text(as_therapist.get(url).content) == before
    assert RENDERS.count == renders
    # Rendered again from the record, it still says what was given.
    assert pages_text(render_pdf(issued)) == before


def test_handout_issued_version_never_changes_after_an_amendment(
    as_therapist: HttpClient, therapist: User, issued: PlanVersion, typical: Assessment
) -> None:
    from assessments.services import assessment_amend

    url = reverse("handout_pdf", args=[issued.pk])
    before = pages_text(as_therapist.get(url).content)
    typical.refresh_from_db()
    assessment_amend(
        actor=therapist,
        assessment=typical,
        expected_version=typical.version,
        narrative={},
        values={("thomas_hip_angle", "left"): 0, ("thomas_hip_angle", "right"): 0},
        reason="Measured again: both thighs on the table",
    )
    assert pages_text(as_therapist.get(url).content) == before
    assert pages_text(render_pdf(issued)) == before


def test_handout_therapist_title_is_the_one_at_issue(
    as_therapist: HttpClient, issued: PlanVersion, therapist: User
) -> None:
    therapist.membership.title = "Sports massage therapist"
    therapist.membership.save()
    text = pages_text(as_therapist.get(reverse("handout_pdf", args=[issued.pk])).content)
    assert "Sports massage therapist" not in " ".join(text)


def test_handout_logo_of_the_clinic_at_issue_is_fetched_from_the_snapshot(
    therapist: User, typical: Assessment, clinic: Clinic
) -> None:
    from plans.handout.render import handout_render
    from plans.handout.rendering import snapshot_of

    Clinic.objects.filter(pk=clinic.pk).update(logo=PNG, logo_content_type="image/png")
    version = issue(therapist, typical)
    Clinic.objects.filter(pk=clinic.pk).update(logo=b"", logo_content_type="")
    rendered = handout_render(snapshot_of(version.pk), with_progress=False)
    assert "https://handout.invalid/logo" in rendered.requested
    assert bytes(version.snapshot.logo) == PNG


def test_handout_new_version_shows_what_changed(
    as_therapist: HttpClient, therapist: User, issued: PlanVersion, client_record: Client
) -> None:
    Client.objects.filter(pk=client_record.pk).update(given_name="Priyanka")
    from plans.services import plan_issue, plan_revise

    draft = plan_revise(actor=therapist, version=issued)
    second = plan_issue(actor=therapist, version=draft, expected_lock=draft.lock)
    first_text = pages_text(as_therapist.get(reverse("handout_pdf", args=[issued.pk])).content)
    second_text = pages_text(as_therapist.get(reverse("handout_pdf", args=[second.pk])).content)
    assert "Priya Sharma" in first_text[0]
    assert "Priyanka Sharma" in second_text[0]


def test_handout_email_is_queued_then_sent_with_the_stored_pdf(
    as_therapist: HttpClient,
    issued: PlanVersion,
    client_record: Client,
    django_capture_on_commit_callbacks: object,
) -> None:
    Client.objects.filter(pk=client_record.pk).update(email="priya@example.com")
    url = reverse("handout_email", args=[issued.pk])
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        response = as_therapist.post(url, follow=True)
    assert response.redirect_chain == [(reverse("plan_builder", args=[issued.pk]), 302)]
    assert "The handout is being emailed to priya@example.com." in response.content.decode()
    (sent,) = mail.outbox
    assert sent.to == ["priya@example.com"]
    assert sent.subject == "Your home program from Riverside Test Clinic"
    assert sent.body.startswith("Hello Priya,")
    [(filename, content, mimetype)] = sent.attachments  # type: ignore[misc]
    assert (filename, mimetype) == ("home-program-priya-sharma-v1.pdf", "application/pdf")
    assert content == bytes(_plain(issued).pdf)
    email = HandoutEmail.objects.get()
    assert (email.status, email.to, email.attempts) == (EmailStatus.SENT, sent.to[0], 0)
    assert _handout_audit() == [
        (AuditAction.EXPORT, "therapist", "handout PDF emailed to the client (plan version 1)")
    ]
    page = as_therapist.get(reverse("plan_builder", args=[issued.pk])).content.decode()
    assert "Email to priya@example.com: sent" in page


def test_handout_email_without_client_email_explains(
    as_therapist: HttpClient, issued: PlanVersion, client_record: Client
) -> None:
    client_record.email = ""
    client_record.save()
    response = as_therapist.post(reverse("handout_email", args=[issued.pk]), follow=True)
    assert "Priya Sharma has no email address on record" in response.content.decode()
    assert (mail.outbox, HandoutEmail.objects.count(), _handout_audit()) == ([], 0, [])


def test_handout_email_on_issue_is_queued_with_the_issue(
    as_therapist: HttpClient,
    therapist: User,
    typical: Assessment,
    client_record: Client,
    django_capture_on_commit_callbacks: object,
) -> None:
    Client.objects.filter(pk=client_record.pk).update(email="priya@example.com")
    draft = plan_build(actor=therapist, assessment=typical)
    data = builder_post(draft, action="issue", email_client="on")
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        response = as_therapist.post(reverse("plan_action", args=[draft.pk]), data, follow=True)
    assert "The handout is being emailed to priya@example.com." in response.content.decode()
    (sent,) = mail.outbox
    assert sent.attachments[0][0] == "home-program-priya-sharma-v1.pdf"  # type: ignore[index]


def test_handout_builder_says_when_the_visit_was_amended_after_issue(
    as_therapist: HttpClient, therapist: User, issued: PlanVersion, typical: Assessment
) -> None:
    from assessments.services import assessment_amend

    url = reverse("plan_builder", args=[issued.pk])
    assert 'id="amended-after-issue"' not in as_therapist.get(url).content.decode()
    typical.refresh_from_db()
    assessment_amend(
        actor=therapist,
        assessment=typical,
        expected_version=typical.version,
        narrative={"goals": "Walk the dog without pain"},
        values={},
        reason="Goal added after the call",
    )
    page = as_therapist.get(url).content.decode()
    assert 'id="amended-after-issue"' in page
    assert "start a new version" in page


def test_handout_and_email_use_the_preferred_name_the_client_form_promises(
    as_therapist: HttpClient,
    therapist: User,
    typical: Assessment,
    client_record: Client,
    django_capture_on_commit_callbacks: object,
) -> None:
    # The client form: "What the client likes to be called; used on handouts."
    Client.objects.filter(pk=client_record.pk).update(preferred_name="Pri", email="p@example.com")
    version = issue(therapist, typical)
    preview = as_therapist.get(reverse("handout_preview", args=[version.pk])).content.decode()
    assert '<span class="client-name">Pri Sharma</span>' in preview
    assert "Priya" not in preview
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        as_therapist.post(reverse("handout_email", args=[version.pk]))
    (sent,) = mail.outbox
    assert sent.body.startswith("Hello Pri,\n")

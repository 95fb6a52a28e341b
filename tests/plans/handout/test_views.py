"""Handout preview, download and email: access, audit, email, and the PDF cache."""

import datetime

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.db import connection
from django.test import Client as HttpClient
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assessments.models import Assessment
from clinic.models import AuditAction, AuditEntry, Client, Clinic, PaperSize
from plans.handout.context import handout_version_get
from plans.handout.render import RENDERS, handout_render
from plans.models import HandoutPDF, PlanVersion
from plans.services import plan_build
from tests.plans.handout.helpers import issue, pages_text

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


def test_handout_email_sends_pdf_to_client(
    as_therapist: HttpClient, issued: PlanVersion, client_record: Client
) -> None:
    client_record.email = "priya@example.com"
    client_record.save()
    response = as_therapist.post(reverse("handout_email", args=[issued.pk]), follow=True)
    assert response.redirect_chain == [(reverse("plan_builder", args=[issued.pk]), 302)]
    assert "The handout was emailed to priya@example.com." in response.content.decode()
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == ["priya@example.com"]
    assert sent.subject == "Your home program from Riverside Test Clinic"
    [(filename, content, mimetype)] = sent.attachments  # type: ignore[misc]
    assert (filename, mimetype) == ("home-program-priya-sharma-v1.pdf", "application/pdf")
    assert content == bytes(HandoutPDF.objects.get().pdf)
    assert _handout_audit() == [
        (AuditAction.EXPORT, "therapist", "handout PDF emailed to the client (plan version 1)")
    ]


def test_handout_email_without_client_email_explains(
    as_therapist: HttpClient, issued: PlanVersion, client_record: Client
) -> None:
    client_record.email = ""
    client_record.save()
    response = as_therapist.post(reverse("handout_email", args=[issued.pk]), follow=True)
    assert "Priya Sharma has no email address on record" in response.content.decode()
    assert mail.outbox == []
    assert _handout_audit() == []


def test_handout_second_download_renders_nothing(
    as_therapist: HttpClient, issued: PlanVersion
) -> None:
    url = reverse("handout_pdf", args=[issued.pk])
    before = RENDERS.count
    first = as_therapist.get(url).content
    second = as_therapist.get(url).content
    assert RENDERS.count == before + 1
    assert first == second
    assert HandoutPDF.objects.count() == 1
    assert [row[0] for row in _handout_audit()] == [AuditAction.EXPORT, AuditAction.EXPORT]


def test_handout_cached_download_query_count(
    as_therapist: HttpClient, issued: PlanVersion, django_assert_num_queries: object
) -> None:
    url = reverse("handout_pdf", args=[issued.pk])
    as_therapist.get(url)
    # session, user, the version's stamp with its stored PDF (one row), audit
    with django_assert_num_queries(4):  # type: ignore[operator]
        as_therapist.get(url)


def test_first_download_renders_the_whole_version(
    as_therapist: HttpClient, therapist: User, issued: PlanVersion
) -> None:
    downloaded = pages_text(as_therapist.get(reverse("handout_pdf", args=[issued.pk])).content)
    rendered = pages_text(handout_render(handout_version_get(therapist, issued.pk)).pdf)
    assert downloaded == rendered
    assert "Priya Sharma" in downloaded[0]


@pytest.mark.parametrize(
    ("change", "renders"),
    [
        # what the handout shows, or what decides its findings: rendered again
        ({"given_name": "Priyanka"}, 1),
        ({"family_name": "Shah"}, 1),
        ({"sex": "male"}, 1),
        ({"date_of_birth": datetime.date(1960, 1, 1)}, 1),
        # what it does not show: the stored copy stays
        ({"notes": "Prefers mornings."}, 0),
        ({"phone": "555 0100"}, 0),
        ({"email": "p@example.com"}, 0),
    ],
)
def test_handout_client_change_renders_again_only_if_the_handout_depends_on_it(
    as_therapist: HttpClient,
    issued: PlanVersion,
    client_record: Client,
    change: dict[str, object],
    renders: int,
) -> None:
    url = reverse("handout_pdf", args=[issued.pk])
    as_therapist.get(url)
    before = RENDERS.count
    Client.objects.filter(pk=client_record.pk).update(**change)
    as_therapist.get(url)
    assert RENDERS.count == before + renders
    assert HandoutPDF.objects.count() == 1


@pytest.mark.parametrize(
    "change",
    [
        {"handout_footer": "New footer"},
        {"paper_size": PaperSize.LETTER},
        {"name": "Riverside Renamed"},
        {"phone": "555 0199"},
    ],
)
def test_handout_clinic_branding_change_renders_again(
    as_therapist: HttpClient, issued: PlanVersion, clinic: Clinic, change: dict[str, object]
) -> None:
    url = reverse("handout_pdf", args=[issued.pk])
    first = as_therapist.get(url).content
    before = RENDERS.count
    Clinic.objects.filter(pk=clinic.pk).update(**change)
    second = as_therapist.get(url).content
    assert RENDERS.count == before + 1
    assert first != second
    assert HandoutPDF.objects.count() == 1  # the stale copy is replaced


def test_handout_logo_change_renders_again(
    as_therapist: HttpClient, issued: PlanVersion, clinic: Clinic
) -> None:
    url = reverse("handout_pdf", args=[issued.pk])
    first = as_therapist.get(url).content
    before = RENDERS.count
    clinic.logo, clinic.logo_content_type = PNG, "image/png"
    clinic.save()  # as the clinic admin's logo upload does
    second = as_therapist.get(url).content
    assert RENDERS.count == before + 1
    assert first != second


def test_handout_client_name_change_renders_again(
    as_therapist: HttpClient, issued: PlanVersion, client_record: Client
) -> None:
    url = reverse("handout_pdf", args=[issued.pk])
    as_therapist.get(url)
    before = RENDERS.count
    client_record.given_name = "Priyanka"
    client_record.save()
    second = as_therapist.get(url).content
    assert RENDERS.count == before + 1
    assert "Priyanka Sharma" in pages_text(second)[0]


def test_handout_therapist_title_change_renders_again(
    as_therapist: HttpClient, issued: PlanVersion, therapist: User
) -> None:
    url = reverse("handout_pdf", args=[issued.pk])
    as_therapist.get(url)
    before = RENDERS.count
    therapist.membership.title = "Sports massage therapist"
    therapist.membership.save()
    second = as_therapist.get(url).content
    assert RENDERS.count == before + 1
    assert "Sports massage therapist" in pages_text(second)[0]


def test_handout_logo_is_fetched_from_database(
    therapist: User, issued: PlanVersion, clinic: Clinic
) -> None:
    from plans.handout.context import handout_version_get
    from plans.handout.render import handout_render

    Clinic.objects.filter(pk=clinic.pk).update(logo=PNG, logo_content_type="image/png")
    rendered = handout_render(handout_version_get(therapist, issued.pk))
    assert "https://handout.invalid/logo" in rendered.requested


def test_handout_email_reads_the_version_once_to_render(
    as_therapist: HttpClient, issued: PlanVersion, client_record: Client
) -> None:
    Client.objects.filter(pk=client_record.pk).update(email="priya@example.com")
    with CaptureQueriesContext(connection) as queries:
        response = as_therapist.post(reverse("handout_email", args=[issued.pk]))
    assert response.status_code == 302
    reads = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("SELECT")]
    version_reads = [sql for sql in reads if 'FROM "plans_planversion"' in sql]
    assert len(version_reads) == 2  # the version with its relations, and the stamp
    assert not [sql for sql in reads if 'FROM "assessments_assessment"' in sql]  # no charts
    (sent,) = mail.outbox
    assert "Your progress" not in " ".join(pages_text(sent.attachments[0][1]))

"""The program link printed on the handout's first page (with its QR code) and in the email."""

from django.contrib.auth.models import User
from django.core import mail
from django.test import Client as HttpClient
from django.test import override_settings
from django.urls import reverse

from assessments.models import Assessment
from clinic.models import Client
from plans.handout.emailing import handout_email_deliver
from plans.handout.services import handout_email_request
from plans.program.qr import program_url, qr_svg
from plans.program.selectors import token_of
from tests.plans.handout.helpers import flat, issue, pages_text, render_pdf

SITE = "https://clinic.example.test"  # DJANGO_SITE_URL in the test settings (pyproject)


def test_first_page_prints_the_link_and_the_page_opens(
    therapist: User, typical: Assessment
) -> None:
    version = issue(therapist, typical)
    url = SITE + reverse("program_page", args=[token_of(version.program_link)])
    assert program_url(version.pk) == url
    pages = [flat(text) for text in pages_text(render_pdf(version))]
    # The address may wrap in its narrow column: join the first page's words back up.
    assert url in pages[0].replace(" ", "")
    assert all(url not in page.replace(" ", "") for page in pages[1:])
    assert HttpClient().get(url.removeprefix(SITE)).status_code == 200


def test_qr_code_is_an_svg_of_the_link_and_the_same_every_time() -> None:
    svg = qr_svg(SITE + "/p/abc/")
    assert svg.startswith(b"<svg")
    assert b"<script" not in svg
    assert svg == qr_svg(SITE + "/p/abc/")
    assert svg != qr_svg(SITE + "/p/abd/")


def test_the_email_carries_the_link(
    therapist: User, typical: Assessment, client_record: Client
) -> None:
    client_record.email = "priya@example.com"
    client_record.save(update_fields=["email"])
    version = issue(therapist, typical)
    request, _ = handout_email_request(actor=therapist, version=version, with_progress=False)
    handout_email_deliver(email_id=request.pk)
    [message] = mail.outbox
    assert program_url(version.pk) in message.body


@override_settings(SITE_URL="")
def test_without_the_sites_address_no_link_is_printed(
    therapist: User, typical: Assessment
) -> None:
    version = issue(therapist, typical)
    assert program_url(version.pk) == ""
    assert "/p/" not in " ".join(pages_text(render_pdf(version)))

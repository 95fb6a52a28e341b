"""Typed text never becomes markup in the handout, and the fetcher loads nothing foreign."""

import pytest
from django.contrib.auth.models import User

from assessments.models import Assessment
from clinic.models import Client, Clinic
from plans.handout.fetcher import PROGRAM_QR_URL, HandoutFetcher, RefusedURL, static_file
from plans.handout.render import handout_render
from plans.handout.rendering import snapshot_of
from plans.models import ClinicIntervention, PlanVersion
from plans.services import plan_build, plan_issue, plan_item_add, plan_message_update
from tests.plans.handout.helpers import pages_text, reader

IMG = '<img src="file:///etc/passwd">'
LINK = '<link rel="attachment" href="file:///etc/passwd">'
REMOTE = '<img src="http://example.com/x.png">'
INJECTED = ("file:///etc/passwd", "http://example.com/x.png")


@pytest.fixture
def hostile(
    therapist: User, typical: Assessment, clinic: Clinic, client_record: Client
) -> PlanVersion:
    client_record.given_name = f"Priya {IMG}"
    client_record.save()
    clinic.handout_footer = f"Footer {LINK}"
    clinic.save()
    ClinicIntervention.objects.create(
        clinic=clinic,
        slug="custom-stretch",
        name="Custom stretch",
        kind="stretch",
        steps=f"Step one {REMOTE}\nStep two {LINK}",
        safety="Stop if it hurts.",
        illustration="../../../../etc/passwd",
        hold_seconds=30,
    )
    version = plan_build(actor=therapist, assessment=typical)
    version.refresh_from_db()
    plan_item_add(
        actor=therapist, version=version, expected_lock=version.lock, slug="custom-stretch"
    )
    version.refresh_from_db()
    item = version.items.get(slug="glute-bridge")
    item.note = f"Note {REMOTE}"
    item.save()
    version.refresh_from_db()
    plan_message_update(
        actor=therapist, version=version, expected_lock=version.lock, message=f"Hi {LINK} {IMG}"
    )
    version.refresh_from_db()
    return plan_issue(actor=therapist, version=version, expected_lock=version.lock)


def test_handout_typed_html_is_visible_text_not_fetched(
    therapist: User, hostile: PlanVersion
) -> None:
    rendered = handout_render(snapshot_of(hostile.pk), with_progress=False)
    text = " ".join(pages_text(rendered.pdf))
    assert f"Priya {IMG} Sharma" in text
    assert f"Footer {LINK}" in text
    assert f"Step one {REMOTE}" in text
    assert f"Step two {LINK}" in text
    # A long URL may wrap after a slash in the narrow text column: join it back.
    assert f"Note {REMOTE}" in text.replace("/ ", "/")
    assert f"Hi {LINK} {IMG}" in text
    for url in rendered.requested:
        # Static files, and the program link's QR code made by the app (not typed text).
        static = url.startswith("https://handout.invalid/static/plans/")
        assert static or url == PROGRAM_QR_URL, url
        assert not any(bad in url for bad in INJECTED)
    assert "etc/passwd" not in " ".join(rendered.requested)
    pdf = reader(rendered.pdf)
    assert pdf.attachments == {}
    assert "/EmbeddedFiles" not in pdf.trailer["/Root"].get("/Names", {})


def test_handout_preview_escapes_typed_html(as_therapist: object, hostile: PlanVersion) -> None:
    from django.test import Client as HttpClient
    from django.urls import reverse

    assert isinstance(as_therapist, HttpClient)
    page = as_therapist.get(reverse("handout_preview", args=[hostile.pk])).content.decode()
    assert "&lt;img src=&quot;file:///etc/passwd&quot;&gt;" in page
    assert IMG not in page
    assert LINK not in page
    assert REMOTE not in page
    assert "etc/passwd" not in page.replace("file:///etc/passwd", "")


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://example.com/x.png",
        "https://example.com/x.png",
        "data:image/png;base64,iVBORw0KGgo=",
        "data:text/css,body{}",
        "https://handout.invalid/static/../../etc/passwd",
        "https://handout.invalid/static/plans/../../../etc/passwd",
        "https://handout.invalid/static/plans/%2e%2e/%2e%2e/etc/passwd",
        "https://handout.invalid/static//etc/passwd",
        "https://handout.invalid/static/plans/illustrations/missing.svg",
        "https://handout.invalid/static/plans/illustrations/plank.svg?x=1",
        "https://handout.invalid/static/favicon.svg/../../manage.py",
        "https://handout.invalid/logo",  # no logo given to this fetcher
        "https://handout.invalid.example.com/static/plans/handout.css",
        "ftp://handout.invalid/static/plans/handout.css",
    ],
)
def test_handout_fetcher_refuses_everything_else(url: str) -> None:
    fetcher = HandoutFetcher()
    with pytest.raises(RefusedURL):
        fetcher.fetch(url)
    assert fetcher.requested == [url]


def test_handout_fetcher_serves_static_files_from_disk() -> None:
    fetcher = HandoutFetcher()
    response = fetcher.fetch("https://handout.invalid/static/plans/illustrations/plank.svg")
    assert response.content_type == "image/svg+xml"
    assert response.read().startswith(b"<svg")


def test_handout_fetcher_refuses_unlisted_types() -> None:
    with pytest.raises(RefusedURL):
        static_file("vendor/bootstrap/js/bootstrap.bundle.min.js")
    assert static_file("plans/handout.css").name == "handout.css"

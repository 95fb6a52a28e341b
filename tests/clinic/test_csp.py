"""The Content Security Policy is enforced, and no page needs inline script or style."""

import json
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.template.loader import render_to_string
from django.test import Client as HttpClient
from django.urls import reverse

from assessments.models import Assessment
from assessments.services import assessment_start
from clinic.models import Client, Clinic
from plans.models import PlanVersion
from plans.services import plan_build
from tests.factories import TEST_PASSWORD
from tests.plans.fixtures import TYPICAL, VISIT, make_assessment
from tests.plans.handout.helpers import issue

POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "object-src": "'none'",
    "base-uri": "'none'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}
# 1x1 PNG: the clinic logo, which the handout preview shows as a data: URI.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cf000000030101001805d8d10000000049454e44ae426082"
)


class InlineCode(HTMLParser):
    """Collects everything a strict CSP would block: inline scripts, styles and handlers."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self.sources: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        if tag == "script" and "src" not in named and named.get("type") != "application/json":
            self.found.append("<script> without src")
        if tag == "style":
            self.found.append("<style>")
        for name, value in attrs:
            if name == "style" or name.startswith(("on", "hx-on")):
                self.found.append(f"<{tag} {name}=...>")
            if (value or "").strip().lower().startswith("javascript:"):
                self.found.append(f"<{tag} {name}=javascript:...>")
        if tag == "script" and named.get("src"):
            self.sources.append(named["src"] or "")
        if tag == "link" and named.get("rel") == "stylesheet":
            self.sources.append(named.get("href") or "")


def _inline_code(html: str) -> InlineCode:
    parser = InlineCode()
    parser.feed(html)
    parser.close()
    return parser


def _policy(header: str) -> dict[str, str]:
    parts = (part.strip().split(" ", 1) for part in header.split(";") if part.strip())
    return {name: value for name, value in parts}


@pytest.fixture
def pages(
    therapist: User, clinic: Clinic, client_record: Client, typical: Assessment
) -> dict[str, str]:
    """Every main page, by name, with the data it needs to show its full content."""
    Clinic.objects.filter(pk=clinic.pk).update(logo=PNG, logo_content_type="image/png")
    later = make_assessment(therapist, client_record, TYPICAL)
    issued = issue(therapist, typical)
    draft_plan = plan_build(actor=therapist, assessment=later)
    # The therapist's note keeps its line breaks (once a style= attribute, now a class).
    PlanVersion.objects.filter(pk=draft_plan.pk).update(message="Walk daily.\nBreathe.")
    draft = assessment_start(
        actor=therapist, client=client_record, visit_date=VISIT.replace(day=20)
    )
    return {
        "client list": reverse("client_list"),
        "client search": reverse("client_list") + "?q=Pri",
        "client page": reverse("client_detail", args=[client_record.pk]),
        "client form": reverse("client_create"),
        "assessment edit": reverse("assessment_edit", args=[draft.pk]),
        "assessment detail": reverse("assessment_detail", args=[typical.pk]),
        "plan builder": reverse("plan_builder", args=[draft_plan.pk]),
        "issued plan": reverse("plan_builder", args=[issued.pk]),
        "handout preview": reverse("handout_preview", args=[issued.pk]),
        "compare": reverse("assessment_compare", args=[client_record.pk])
        + f"?a={typical.pk}&b={later.pk}",
        "progress": reverse("client_progress", args=[client_record.pk]),
        "password change": reverse("password_change"),
        "not found": "/no-such-page/",
    }


def test_csp_header_enforces_the_policy_on_app_pages(as_therapist: HttpClient) -> None:
    response = as_therapist.get(reverse("client_list"))
    assert _policy(response["Content-Security-Policy"]) == POLICY
    assert "Content-Security-Policy-Report-Only" not in response


def test_csp_header_on_the_login_page(client: HttpClient, db: None) -> None:
    response = client.get(reverse("login"))
    assert _policy(response["Content-Security-Policy"]) == POLICY


def test_csp_policy_has_no_unsafe_sources() -> None:
    directives = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
    values = " ".join(" ".join(sources) for sources in directives.values())
    assert "unsafe" not in values
    assert "*" not in values


def test_csp_main_pages_have_no_inline_script_or_style(
    as_therapist: HttpClient, pages: dict[str, str]
) -> None:
    found = {}
    for name, url in pages.items():
        response = as_therapist.get(url)
        assert response.status_code == (404 if name == "not found" else 200), name
        assert _policy(response["Content-Security-Policy"]) == POLICY, name
        found[name] = _inline_code(response.content.decode()).found
    assert found == {name: [] for name in pages}


def test_csp_plan_note_keeps_line_breaks_with_a_class(
    as_therapist: HttpClient, pages: dict[str, str]
) -> None:
    page = as_therapist.get(pages["plan builder"]).content.decode()
    assert '<p class="small program-message">Walk daily.\nBreathe.</p>' in page


def test_csp_htmx_fragments_have_no_inline_script_or_style(
    as_therapist: HttpClient, pages: dict[str, str], client_record: Client
) -> None:
    rows = as_therapist.get(pages["client search"], headers={"HX-Request": "true"})
    draft_pk = int(pages["assessment edit"].split("/")[2])
    preview = as_therapist.post(
        reverse("assessment_preview", args=[draft_pk]), headers={"HX-Request": "true"}
    )
    assert "Priya" in rows.content.decode()
    assert preview.status_code == 200
    assert _inline_code(rows.content.decode()).found == []
    assert _inline_code(preview.content.decode()).found == []


def test_csp_handout_preview_logo_is_a_data_uri_the_policy_allows(
    as_therapist: HttpClient, pages: dict[str, str]
) -> None:
    page = as_therapist.get(pages["handout preview"]).content.decode()
    assert 'src="data:image/png;base64,' in page
    assert "data:" in POLICY["img-src"].split()


def test_csp_scripts_and_stylesheets_come_from_our_static_files(
    as_therapist: HttpClient, pages: dict[str, str]
) -> None:
    sources = []
    for url in (pages["plan builder"], pages["handout preview"]):
        sources += _inline_code(as_therapist.get(url).content.decode()).sources
    assert sources
    assert [src for src in sources if not src.startswith("/static/")] == []


def test_csp_login_and_lockout_pages_have_no_inline_code(
    client: HttpClient, therapist: User
) -> None:
    login = client.get(reverse("login")).content.decode()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        locked = client.post(reverse("login"), {"username": "therapist", "password": "x"})
    lockout = client.post(reverse("login"), {"username": "therapist", "password": TEST_PASSWORD})
    assert (locked.status_code, lockout.status_code) == (429, 429)
    assert _inline_code(login).found == []
    assert _inline_code(lockout.content.decode()).found == []
    assert _policy(lockout["Content-Security-Policy"]) == POLICY


@pytest.mark.parametrize("template", ["500.html", "503.html"])
def test_csp_error_pages_have_no_inline_code(template: str) -> None:
    assert _inline_code(render_to_string(template, {"retry_after": 5})).found == []


def test_csp_htmx_is_told_not_to_inject_styles_or_eval(as_therapist: HttpClient) -> None:
    page = as_therapist.get(reverse("client_list")).content.decode()
    start = page.index('<meta name="htmx-config" content=\'') + len(
        '<meta name="htmx-config" content=\''
    )
    config = json.loads(page[start : page.index("'>", start)])
    assert {name: config[name] for name in config if name != "responseHandling"} == {
        "includeIndicatorStyles": False,
        "allowEval": False,
        "allowScriptTags": False,
    }
    # The plan builder's "changed meanwhile" page (409) is shown; other errors are not.
    swapped = [rule["code"] for rule in config["responseHandling"] if rule["swap"]]
    assert swapped == ["[23]..", "409"]


def test_csp_stylesheet_carries_the_rules_that_were_inline() -> None:
    css = (settings.BASE_DIR / "static" / "css" / "app.css").read_text()
    assert ".htmx-request .htmx-indicator" in css
    assert ".program-message { white-space: pre-line; }" in css

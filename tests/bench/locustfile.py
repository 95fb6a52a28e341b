"""Locust users for tests/bench/test_bench_load.py: one logged-in therapist each.

Run by that test (headless, --run-time, --tags picks one endpoint per phase); it passes
the targets in HIPPLAN_LOAD_* environment variables. Each user saves its own draft
assessment, posting the whole form as loaded with the version it got back, so repeated
saves never conflict.
"""

import os
import re
from html.parser import HTMLParser

from locust import FastHttpUser, tag, task

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
# Each user takes the next draft from this list (the test gives one per user).
DRAFTS = [int(pk) for pk in os.environ.get("HIPPLAN_LOAD_DRAFTS", "").split(",") if pk]
_next_draft = 0


class FormValues(HTMLParser):
    """The values a browser would submit for the page's forms (inputs, selects, textareas)."""

    def __init__(self) -> None:
        super().__init__()
        self.values: dict[str, str] = {}
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, element: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {key: value or "" for key, value in attrs}
        name = found.get("name")
        if element == "input" and name:
            kind = found.get("type", "text")
            if kind in {"checkbox", "radio"} and "checked" not in found:
                return
            if kind not in {"submit", "button"}:
                self.values[name] = found.get("value", "on" if kind == "checkbox" else "")
        elif element == "select" and name:
            self._select = name
            self.values.setdefault(name, "")
        elif element == "option" and self._select and "selected" in found:
            self.values[self._select] = found.get("value", "")
        elif element == "textarea" and name:
            self._textarea = name
            self.values[name] = ""

    def handle_endtag(self, element: str) -> None:
        if element == "select":
            self._select = None
        elif element == "textarea":
            self._textarea = None

    def handle_data(self, data: str) -> None:
        if self._textarea:
            self.values[self._textarea] += data


def form_values(html: str) -> dict[str, str]:
    parser = FormValues()
    parser.feed(html)
    return parser.values


class Therapist(FastHttpUser):
    # No think time: each user sends its next request as soon as the last one answered.
    wait_time = staticmethod(lambda: 0)

    def on_start(self) -> None:
        global _next_draft
        page = self.client.get("/accounts/login/", name="setup: login page").text
        token = CSRF.search(page or "")
        assert token, "no CSRF token on the login page"
        self.client.post(
            "/accounts/login/",
            data={
                "username": os.environ["HIPPLAN_LOAD_USER"],
                "password": os.environ["HIPPLAN_LOAD_PASSWORD"],
                "csrfmiddlewaretoken": token.group(1),
            },
            headers={"Referer": f"{self.host}/accounts/login/"},
            name="setup: log in",
        )
        self.draft = DRAFTS[_next_draft % len(DRAFTS)] if DRAFTS else 0
        _next_draft += 1
        self.form: dict[str, str] = {}
        self.saves = 0

    @tag("trivial")
    @task
    def trivial_page(self) -> None:
        self.client.get("/accounts/password/done/", name="trivial page")

    @tag("client_list")
    @task
    def client_list(self) -> None:
        self.client.get("/clients/", name="client list")

    @tag("client_page")
    @task
    def client_page(self) -> None:
        self.client.get(f"/clients/{os.environ['HIPPLAN_LOAD_CLIENT']}/", name="client page")

    @tag("handout")
    @task
    def handout(self) -> None:
        version = os.environ["HIPPLAN_LOAD_VERSION"]
        with self.client.get(
            f"/plans/{version}/handout.pdf", name="handout download", catch_response=True
        ) as response:
            if not (response.content or b"").startswith(b"%PDF-"):
                response.failure("not a PDF")

    @tag("save")
    @task
    def assessment_save(self) -> None:
        url = f"/assessments/{self.draft}/edit/"
        if not self.form:
            self.form = form_values(self.client.get(url, name="setup: edit page").text or "")
        self.saves += 1
        self.form["notes"] = f"Load test save {self.saves}."
        with self.client.post(
            url,
            data=self.form,
            headers={"Referer": f"{self.host}{url}"},
            allow_redirects=False,
            name="assessment save",
            catch_response=True,
        ) as response:
            if response.status_code != 302:
                response.failure(f"save answered {response.status_code}")
                self.form = {}  # load the form afresh
            else:
                self.form["version"] = str(int(self.form["version"]) + 1)

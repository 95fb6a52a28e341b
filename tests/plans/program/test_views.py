"""The client's program page and its sync, by token; the link's life; the therapist's revoke."""

import datetime
import io
import json
import logging
import re
import uuid

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.test import Client as HttpClient
from django.urls import reverse
from django.utils import timezone

from assessments.models import Assessment
from clinic.models import AuditEntry, Client
from plans.models import EndReason, PlanVersion, ProgramDay, ProgramLink, ProgramTick
from plans.program import views
from plans.program.selectors import token_of
from plans.services import plan_build, plan_issue, plan_revise


def _issue(therapist: User, assessment: Assessment) -> PlanVersion:
    version = plan_build(actor=therapist, assessment=assessment)
    return plan_issue(actor=therapist, version=version, expected_lock=version.lock)


@pytest.fixture
def issued(therapist: User, typical: Assessment) -> PlanVersion:
    return _issue(therapist, typical)


def _page(version: PlanVersion) -> str:
    return reverse("program_page", args=[token_of(version.program_link)])


def _sync(version: PlanVersion) -> str:
    return reverse("program_sync", args=[token_of(version.program_link)])


def _post(http: HttpClient, url: str, body: object) -> dict:
    response = http.post(url, json.dumps(body), content_type="application/json")
    return {"status": response.status_code, **response.json()}


def _slug(version: PlanVersion) -> str:
    return str(version.snapshot.content["exercises"][0]["slug"])


def test_issue_makes_a_link_and_the_page_shows_the_program_only(
    issued: PlanVersion, client_record: Client
) -> None:
    response = HttpClient().get(_page(issued))
    page = response.content.decode()
    assert response.status_code == 200
    names = [ex["name"] for ex in issued.snapshot.content["exercises"]]
    assert all(name in page for name in names)
    assert f"Hi {client_record.preferred_name or client_record.given_name}." in page
    # Nothing of the record beyond the program: no findings, no other visits, no birth date.
    assert "What we found" not in page
    assert str(client_record.date_of_birth.year) not in page
    assert (response["X-Robots-Tag"], response["Referrer-Policy"]) == (
        "noindex, nofollow",
        "no-referrer",
    )
    assert "no-store" in response["Cache-Control"]
    assert "Content-Security-Policy" in response


def test_each_opening_is_audited_as_the_clients_access(issued: PlanVersion) -> None:
    HttpClient().get(_page(issued))
    entry = AuditEntry.objects.order_by("-pk").first()
    assert entry is not None
    assert (entry.actor_id, entry.actor_username, entry.action, entry.object_type) == (
        None,
        "client (program link)",
        "view",
        "program",
    )
    assert (entry.object_id, entry.client_id) == (issued.pk, issued.plan.assessment.client_id)


@pytest.mark.parametrize("wrong", ["guessed", "truncated", "padded", "other"])
def test_a_wrong_token_is_the_same_404_whatever_it_is(
    wrong: str, issued: PlanVersion, therapist: User, other_clinic: object
) -> None:
    token = token_of(issued.program_link)
    tokens = {
        "guessed": "A" * 43,
        "truncated": token[:-1],
        "padded": token + "x",
        "other": token[::-1],
    }
    answers = set()
    for url in (reverse("program_page", args=[tokens[wrong]]), "/p/" + "B" * 43 + "/"):
        response = HttpClient().get(url)
        answers.add((response.status_code, response.content))
    assert len(answers) == 1
    status, body = answers.pop()
    assert status == 404
    assert b"Priya" not in body


def test_sync_ticks_once_each_even_when_sent_twice(issued: PlanVersion) -> None:
    http, slug, today = HttpClient(), _slug(issued), timezone.localdate().isoformat()
    uid = str(uuid.uuid4())
    tick = {"uid": uid, "slug": slug, "day": today, "done": True}
    first = _post(http, _sync(issued), {"ticks": [tick], "days": []})
    again = _post(http, _sync(issued), {"ticks": [tick], "days": []})  # the answer was lost
    assert first == again == {"status": 200, "applied": [uid], "rejected": []}
    assert ProgramTick.objects.filter(link=issued.program_link).count() == 1
    undo = _post(http, _sync(issued), {"ticks": [{**tick, "done": False}]})
    assert undo["applied"] == [uid]
    assert ProgramTick.objects.count() == 0


def test_sync_records_the_days_pain_and_note_latest_wins(issued: PlanVersion) -> None:
    http, today = HttpClient(), timezone.localdate().isoformat()
    _post(http, _sync(issued), {"days": [{"day": today, "pain": 6, "note": "Sore"}]})
    answer = _post(http, _sync(issued), {"days": [{"day": today, "pain": 4, "note": ""}]})
    assert answer == {"status": 200, "applied": [today], "rejected": []}
    day = ProgramDay.objects.get(link=issued.program_link)
    assert (day.pain, day.note) == (4, "")
    assert AuditEntry.objects.filter(object_type="program", action="change").count() == 2


def test_sync_refuses_what_is_not_its_own(issued: PlanVersion, other_clinic: object) -> None:
    http, today = HttpClient(), timezone.localdate().isoformat()
    foreign = {"uid": str(uuid.uuid4()), "slug": "not-in-plan", "day": today, "done": True}
    assert _post(http, _sync(issued), {"ticks": [foreign]})["rejected"] == [foreign["uid"]]
    bad = http.post(_sync(issued), b"not json", content_type="application/json")
    assert (bad.status_code, ProgramTick.objects.count()) == (400, 0)
    big = http.post(_sync(issued), b" " * (views.MAX_BODY + 1), content_type="application/json")
    assert big.status_code == 413


def test_a_newer_version_supersedes_the_link_and_both_say_so(
    issued: PlanVersion, therapist: User
) -> None:
    old_page = _page(issued)
    draft = plan_revise(actor=therapist, version=issued)
    newer = plan_issue(actor=therapist, version=draft, expected_lock=draft.lock)
    old = ProgramLink.objects.get(version=issued)
    assert (old.end_reason, newer.program_link.ended_at) == (EndReason.SUPERSEDED, None)
    ended = HttpClient().get(old_page)
    assert (ended.status_code, "This program link has ended" in ended.content.decode()) == (
        200,
        True,
    )
    today = timezone.localdate().isoformat()
    assert _post(HttpClient(), _sync(issued), {"days": [{"day": today, "pain": 1}]}) == {
        "status": 410,
        "ended": True,
    }
    assert HttpClient().get(_page(newer)).status_code == 200


def test_an_expired_link_shows_the_friendly_page(issued: PlanVersion) -> None:
    ProgramLink.objects.filter(pk=issued.program_link.pk).update(
        expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert "This program link has ended" in HttpClient().get(_page(issued)).content.decode()


def test_link_lasts_the_clinics_weeks(issued: PlanVersion) -> None:
    link = issued.program_link
    weeks = link.version.plan.assessment.client.clinic.program_weeks
    assert (link.expires_at - link.created_at).days == pytest.approx(weeks * 7, abs=1)


def test_therapist_revokes_and_the_link_ends(
    issued: PlanVersion, as_therapist: HttpClient, therapist: User
) -> None:
    link = issued.program_link
    response = as_therapist.post(reverse("program_revoke", args=[link.pk]))
    assert response.status_code == 302
    link.refresh_from_db()
    assert (link.end_reason, link.ended_by) == (EndReason.REVOKED, therapist)
    assert "This program link has ended" in HttpClient().get(_page(issued)).content.decode()
    entry = AuditEntry.objects.order_by("-pk").first()
    assert entry is not None
    assert (entry.actor_id, entry.detail) == (therapist.pk, "link revoked")


def test_outsider_cannot_revoke(issued: PlanVersion, as_outsider: HttpClient) -> None:
    response = as_outsider.post(reverse("program_revoke", args=[issued.program_link.pk]))
    assert response.status_code == 404
    issued.program_link.refresh_from_db()
    assert issued.program_link.ended_at is None


def test_requests_from_one_address_are_rate_limited(issued: PlanVersion) -> None:
    cache.clear()
    http = HttpClient()
    statuses = [http.get("/p/" + "C" * 43 + "/").status_code for _ in range(views.RATE_LIMIT)]
    assert set(statuses) == {404}
    assert http.get(_page(issued)).status_code == 429


def test_a_token_never_reaches_the_log(issued: PlanVersion) -> None:
    stream = io.StringIO()
    console = next(h for h in logging.getLogger().handlers if h.filters)
    previous = console.setStream(stream)  # type: ignore[attr-defined]
    try:
        token = token_of(issued.program_link)
        HttpClient().get(reverse("program_page", args=[token[:-2]]))  # a 404: logged
        HttpClient().post(
            reverse("program_sync", args=[token]), b"nope", content_type="text/plain"
        )
    finally:
        console.setStream(previous)  # type: ignore[attr-defined]
    logged = stream.getvalue()
    assert "/p/…/" in logged
    assert token[:20] not in logged


def test_client_page_shows_adherence_pain_and_notes(
    issued: PlanVersion, as_therapist: HttpClient, client_record: Client
) -> None:
    http, today = HttpClient(), timezone.localdate().isoformat()
    tick = {"uid": str(uuid.uuid4()), "slug": _slug(issued), "day": today, "done": True}
    _post(
        http,
        _sync(issued),
        {"ticks": [tick], "days": [{"day": today, "pain": 5, "note": "Tight <b>"}]},
    )
    page = as_therapist.get(reverse("client_detail", args=[client_record.pk])).content.decode()
    page = " ".join(page.split())
    assert "Home program on the client's phone" in page
    assert "pain 5/10" in page
    assert "“Tight &lt;b&gt;”" in page  # the client's note, escaped
    assert f"Version {issued.number}: link works until" in page
    assert "Done <strong>1 of" in page
    assert 'action="' + reverse("program_revoke", args=[issued.program_link.pk]) in page
    # Issued today: the week so far is one day, and an exercise done three days a week is
    # planned 3/7 of a session by now: "0.4", not rounded to a "0" that reads as "not planned".
    assert re.search(r"Week of \d+ \w+ \(1 day\)</th>", page)
    row = r'<th scope="row" class="fw-normal">[^<]+</th><td>(\d+) / ([\d.]+)</td>'
    cells = re.findall(row, page)
    assert cells
    assert all(float(planned) > 0 for _, planned in cells)
    assert any("." in planned for _, planned in cells)  # the three-days-a-week exercises


def test_service_worker_and_manifest_serve_only_this_program(issued: PlanVersion) -> None:
    token = token_of(issued.program_link)
    page = reverse("program_page", args=[token])
    worker = HttpClient().get(reverse("program_worker", args=[token]))
    script = worker.content.decode()
    assert (worker.status_code, worker["Content-Type"]) == (200, "text/javascript")
    assert f'const PAGE = "{page}";' in script
    assert "/static/js/program.js" in script
    drawings = [ex["illustration"] for ex in issued.snapshot.content["exercises"]]
    assert all(f"/static/plans/illustrations/{name}" in script for name in drawings if name)
    manifest = HttpClient().get(reverse("program_manifest", args=[token])).json()
    assert (manifest["start_url"], manifest["scope"], manifest["display"]) == (
        page,
        page,
        "standalone",
    )
    made_up = "D" * 43
    assert HttpClient().get(reverse("program_worker", args=[made_up])).status_code == 404
    ProgramLink.objects.filter(pk=issued.program_link.pk).update(
        ended_at=timezone.now(), end_reason=EndReason.REVOKED
    )
    assert HttpClient().get(reverse("program_worker", args=[token])).status_code == 410


def _opened_days_ago(link: ProgramLink, days: int) -> None:
    start = timezone.now() - datetime.timedelta(days=days - 1)
    ProgramLink.objects.filter(pk=link.pk).update(created_at=start, planned_per_week=7)


def _ticks(link: ProgramLink, count: int) -> None:
    day = timezone.localdate()
    for _ in range(count):
        ProgramTick.objects.create(link=link, slug="x", day=day, uid=uuid.uuid4())


@pytest.mark.parametrize(
    ("days", "ticks", "marked"),
    [(14, 6, True), (14, 7, False), (6, 0, False), (7, 3, True)],
)
def test_client_list_marks_a_program_done_under_half_after_a_week(
    issued: PlanVersion, as_therapist: HttpClient, days: int, ticks: int, marked: bool
) -> None:
    link = issued.program_link
    assert link.planned_per_week > 0  # set at issue from the exercises' doses
    _opened_days_ago(link, days)  # 7 sessions a week planned: 14 over 14 days
    _ticks(link, ticks)
    page = as_therapist.get(reverse("client_list")).content.decode()
    assert ("Home program under half done" in page) is marked

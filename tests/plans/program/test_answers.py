"""The client's answers before the next visit, sent on the program page by its token
(docs/program.md "Before your next visit")."""

import re
from decimal import Decimal
from html import unescape

import pytest
from django.contrib.auth.models import User
from django.test import Client as HttpClient
from django.urls import reverse
from django.utils import timezone

from assessments.models import Assessment
from clinic.models import AuditEntry, Client
from plans.models import EndReason, PlanVersion, ProgramAnswers, ProgramLink
from plans.program.selectors import token_of
from plans.services import plan_build, plan_issue
from tests.plans.fixtures import TYPICAL, make_assessment
from tests.plans.handout.test_readability import sentences
from tests.plans.rules.helpers import MAX_GRADE, grade

PSFS = {
    ("psfs_activity_1", ""): "Gardening",
    ("psfs_score_1", ""): Decimal(3),
    ("psfs_activity_2", ""): "Climbing stairs",
    ("psfs_score_2", ""): Decimal(5),
}


@pytest.fixture
def visit(therapist: User, client_record: Client) -> Assessment:
    return make_assessment(therapist, client_record, {**TYPICAL, **PSFS})


@pytest.fixture
def issued(therapist: User, visit: Assessment) -> PlanVersion:
    version = plan_build(actor=therapist, assessment=visit)
    return plan_issue(actor=therapist, version=version, expected_lock=version.lock)


def _urls(version: PlanVersion) -> tuple[str, str]:
    token = token_of(version.program_link)
    return reverse("program_page", args=[token]), reverse("program_answers", args=[token])


SENT = {"pain_now": "4", "pain_worst": "7", "since_last_visit": "better", "psfs_1": "6"}


def test_client_sends_answers_once_and_the_page_holds_them(
    issued: PlanVersion, django_assert_num_queries: object
) -> None:
    page, answers = _urls(issued)
    http = HttpClient()
    blank = " ".join(http.get(page).content.decode().split())
    assert "Before your next visit" in blank
    assert "Gardening" in blank  # the PSFS activities: scored, not typed again
    assert "Climbing stairs" in blank
    assert "done with your therapist at the visit" in blank
    first = http.post(answers, {**SENT, "new_activity": "Running", "new_score": "2"})
    assert (first.status_code, first["Location"]) == (302, page + "#before-visit")
    again = http.post(answers, {**SENT, "new_activity": "Running", "new_score": "2"})
    assert again.status_code == 302  # a double submit: the same one row
    row = ProgramAnswers.objects.get()
    assert (row.pain_now, row.pain_worst, row.since_last_visit) == (4, 7, "better")
    assert row.psfs == [
        {"activity": "Gardening", "score": 6},
        {"activity": "Running", "score": 2},
    ]
    entry = AuditEntry.objects.filter(action="change", object_type="program").last()
    assert entry is not None
    assert (entry.actor_id, entry.actor_username, entry.object_id) == (
        None,
        "client (program link)",
        issued.pk,
    )
    # A later send replaces the open answers (the latest is what the client means).
    http.post(answers, {"pain_now": "2"})
    assert ProgramAnswers.objects.get().psfs == []
    # The page: link, snapshot and reminder in one; ticks; days; PSFS names; open answers;
    # the opening's audit entry (its client read with the link).
    with django_assert_num_queries(6):  # type: ignore[operator]
        shown = http.get(page).content.decode()
    assert "Thank you: your answers of" in shown
    assert 'name="pain_now" value="2" class="visually-hidden" id="id_pain_now_2" checked' in shown


@pytest.mark.same_on_any_database
def test_wrong_answers_are_named_and_nothing_typed_is_lost(issued: PlanVersion) -> None:
    _, answers = _urls(issued)
    response = HttpClient().post(
        answers,
        {"pain_now": "11", "psfs_2": "8", "new_activity": "Running", "since_last_visit": "x"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Choose a number from 0 to 10." in page
    assert "Choose better, about the same or worse." in page
    assert "Score the activity you added, from 0 to 10." in page
    assert 'value="Running"' in page
    assert 'name="psfs_2" value="8" class="visually-hidden" id="id_psfs_2_8" checked' in page
    nothing = HttpClient().post(answers, {})
    assert "Answer at least one question before sending." in nothing.content.decode()
    assert not ProgramAnswers.objects.exists()


def test_an_ended_link_keeps_nothing(issued: PlanVersion) -> None:
    ProgramLink.objects.filter(pk=issued.program_link.pk).update(
        ended_at=timezone.now(), end_reason=EndReason.SUPERSEDED
    )
    _, answers = _urls(issued)
    response = HttpClient().post(answers, SENT)
    assert "This program link has ended" in response.content.decode()
    assert HttpClient().post(answers.replace("/p/", "/p/x"), SENT).status_code == 404
    assert not ProgramAnswers.objects.exists()


NEXT_VISIT = "2026-11-16"


def _start(http: HttpClient, client: Client, **extra: str) -> Assessment:
    url = reverse("assessment_start", args=[client.pk])
    response = http.post(url, {"visit_date": NEXT_VISIT, "copy_forward": "on", **extra})
    assert response.status_code == 302
    return Assessment.objects.get(visit_date=NEXT_VISIT)


def _send(version: PlanVersion) -> ProgramAnswers:
    _, answers = _urls(version)
    HttpClient().post(answers, {**SENT, "new_activity": "Running", "new_score": "2"})
    return ProgramAnswers.objects.get()


def test_the_next_visit_is_filled_with_the_answers_marked_as_the_clients(
    issued: PlanVersion,
    as_therapist: HttpClient,
    client_record: Client,
    django_assert_num_queries: object,
) -> None:
    sent = _send(issued)
    # The page's nine, and the offer's two: its answers (with their link and client, one
    # query, made whether or not there are any) and its read entry.
    with django_assert_num_queries(11):  # type: ignore[operator]
        start = as_therapist.get(reverse("assessment_start", args=[client_record.pk]))
    page = " ".join(start.content.decode().split())
    assert "Fill in the answers the client sent on" in page
    assert f'name="client_answers" value="{sent.pk}" id="offer-client_answers" checked' in page
    assert "PSFS: Running: <strong>2/10</strong>" in page
    read = AuditEntry.objects.filter(detail=f"client's answers {sent.pk} shown (start visit)")
    assert read.count() == 1
    draft = _start(as_therapist, client_record, client_answers=str(sent.pk))
    rows = {m.item: (m.stored, m.carried_over, m.from_client_on) for m in draft.measurements.all()}
    today = timezone.localdate()
    assert rows["pain_now"] == (Decimal(4), False, today)
    assert rows["pain_worst_24h"] == (Decimal(7), False, today)
    assert rows["since_last_visit"] == ("better", False, today)
    # Gardening scored in its own slot; Climbing stairs (not scored) still carried; Running
    # in the first free slot.
    assert rows["psfs_activity_1"] == ("Gardening", False, today)
    assert rows["psfs_score_1"] == (Decimal(6), False, today)
    assert rows["psfs_activity_2"] == ("Climbing stairs", True, None)
    assert "psfs_score_2" not in rows
    assert (rows["psfs_activity_3"][0], rows["psfs_score_3"][0]) == ("Running", Decimal(2))
    sent.refresh_from_db()
    assert (sent.used_in, sent.is_open) == (draft, False)
    details = set(AuditEntry.objects.values_list("detail", flat=True))
    assert f"client's answers {sent.pk} used in assessment {draft.pk}" in details
    assert any(d.startswith("filled from the client's answers of") for d in details)
    edit = as_therapist.get(reverse("assessment_edit", args=[draft.pk])).content.decode()
    assert f"from the client on {today.day} {today:%b %Y}" in edit
    # Used once: the next start offers nothing; the client page shows them as used.
    again = as_therapist.get(reverse("assessment_start", args=[client_record.pk]))
    assert "Fill in the answers" not in again.content.decode()
    panel = as_therapist.get(reverse("client_detail", args=[client_record.pk])).content.decode()
    assert "Answers before the visit" in panel
    assert "used in the visit of 16 Nov 2026" in panel


def test_unticked_the_answers_stay_unused(
    issued: PlanVersion, as_therapist: HttpClient, client_record: Client
) -> None:
    sent = _send(issued)
    draft = _start(as_therapist, client_record)
    assert not draft.measurements.filter(from_client_on__isnull=False).exists()
    assert ProgramAnswers.objects.get(pk=sent.pk).is_open


def test_another_clinic_neither_sees_nor_uses_the_answers(
    issued: PlanVersion, as_outsider: HttpClient, client_record: Client
) -> None:
    sent = _send(issued)
    url = reverse("assessment_start", args=[client_record.pk])
    assert as_outsider.get(url).status_code == 404
    posted = as_outsider.post(url, {"visit_date": NEXT_VISIT, "client_answers": str(sent.pk)})
    assert posted.status_code == 404
    assert as_outsider.get(reverse("client_detail", args=[client_record.pk])).status_code == 404
    assert ProgramAnswers.objects.get(pk=sent.pk).is_open
    assert not AuditEntry.objects.filter(detail__contains="client's answers").exists()


def test_the_pages_words_read_at_grade_8_or_lower(issued: PlanVersion) -> None:
    """The client reads the program page on a phone: its own words (the answers form, the
    reminders, the headings and hints) meet the handout's readability rule too."""
    page, _ = _urls(issued)
    html = HttpClient().get(page).content.decode()
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    text = unescape(re.sub(r"<[^>]+>", "\n", body))
    lines = [" ".join(line.split()) for line in text.splitlines()]
    scored = [sentence for line in lines for sentence in sentences(line)]
    hard = {(round(grade(s), 1), s) for s in scored if grade(s) > MAX_GRADE}
    assert len(scored) >= 10, scored  # the page's own sentences were found and scored
    assert "Before your next visit" in text
    assert hard == set()

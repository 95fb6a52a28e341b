"""The outcome scores on the assessment pages: worked out live, and shown on the visit."""

import datetime
import re
from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client as HttpClient
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assessments.models import Assessment
from assessments.services import assessment_save, assessment_start
from assessments.values import Key, Value
from clinic.models import Client

DAY = datetime.date(2026, 11, 2)
# ODI 9 of 10 sections (sex life left out): 17 / 45 = 37.8%, moderate disability.
ODI = {
    (f"odi_section_{n}", ""): Decimal(score)
    for n, score in enumerate((3, 2, 2, 1, 3, 2, 1, None, 1, 2), 1)
    if score is not None
}
# STarT Back: agree on 1, 3, 4, 5, 8 and "very much" bothered: total 6, psychosocial 3.
STARTBACK: dict[Key, Value] = {
    (f"startback_{n}", ""): answer
    for n, answer in enumerate(
        ("agree", "disagree", "agree", "agree", "agree", "disagree", "disagree", "agree",
         "very_much"), 1
    )
}  # fmt: skip
PSFS: dict[Key, Value] = {
    ("psfs_activity_1", ""): "Sitting through a film",
    ("psfs_score_1", ""): Decimal(3),
    ("psfs_activity_2", ""): "Cycling",
    ("psfs_score_2", ""): Decimal(6),
}


def _visit(
    therapist: User, client: Client, values: dict[Key, Value], *, day: datetime.date = DAY
) -> Assessment:
    draft = assessment_start(actor=therapist, client=client, visit_date=day)
    return assessment_save(
        actor=therapist, assessment=draft, expected_version=1, narrative={}, values=values
    )


def _scores(page: str) -> dict[str, str]:
    """Each score's text in the outcome section, whitespace collapsed."""
    found = re.findall(r'<dd class="col-sm-9" data-score="(\w+)">(.*?)</dd>', page, re.S)
    return {name: " ".join(re.sub(r"<[^>]+>", "", text).split()) for name, text in found}


def test_detail_shows_the_scores_worked_out_from_the_answers(
    as_therapist: HttpClient, therapist: User, client_record: Client
) -> None:
    visit = _visit(therapist, client_record, {**ODI, **STARTBACK, **PSFS})
    page = as_therapist.get(reverse("assessment_detail", args=[visit.pk])).content.decode()
    assert _scores(page) == {
        "psfs": "4.5/10 over 2 activities",
        "odi": "37.8% moderate disability from 9 of 10 sections",
        "startback": "total 6/9, psychosocial 3/5 medium risk 9 of 9 items answered",
        "rmdq": "no total entered",
    }
    assert "ODI 5: sitting" in page
    assert "STarT Back 9: bothersomeness" in page
    assert "Very much" in page


def test_detail_of_an_older_visit_shows_its_typed_totals(
    as_therapist: HttpClient, therapist: User, client_record: Client
) -> None:
    typed: dict[Key, Value] = {
        ("odi_percent", ""): Decimal("44.0"),
        ("startback_total", ""): Decimal(5),
        ("startback_distress", ""): Decimal(4),
        ("rmdq_score", ""): Decimal(11),
    }
    visit = _visit(therapist, client_record, typed)
    page = as_therapist.get(reverse("assessment_detail", args=[visit.pk])).content.decode()
    assert _scores(page) == {
        "psfs": "no activity scored",
        "odi": "44% severe disability total from your form",
        "startback": "total 5/9, psychosocial 4/5 high risk totals from your form",
        # Roland-Morris: the total only (wording licence unclear), with the MCID it is read by.
        "rmdq": "11/24 total from your form; a meaningful change is 5 points or 30%",
    }


def test_detail_without_outcomes_shows_no_scores(
    as_therapist: HttpClient, therapist: User, client_record: Client
) -> None:
    visit = _visit(therapist, client_record, {("pain_now", ""): Decimal(4)})
    page = as_therapist.get(reverse("assessment_detail", args=[visit.pk])).content.decode()
    assert 'id="outcome-scores"' not in page


def test_detail_scores_add_no_queries(
    as_therapist: HttpClient, therapist: User, client_record: Client
) -> None:
    earlier = DAY - datetime.timedelta(days=7)
    plain = _visit(therapist, client_record, {("pain_now", ""): Decimal(4)}, day=earlier)
    scored = _visit(therapist, client_record, {**ODI, **STARTBACK, **PSFS})
    as_therapist.get(reverse("assessment_detail", args=[plain.pk]))  # warm the session
    counts = []
    for visit in (plain, scored):
        with CaptureQueriesContext(connection) as queries:
            response = as_therapist.get(reverse("assessment_detail", args=[visit.pk]))
        assert response.status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_edit_page_labels_sections_by_topic_and_holds_the_live_scores(
    as_therapist: HttpClient, therapist: User, client_record: Client
) -> None:
    draft = assessment_start(actor=therapist, client=client_record, visit_date=DAY)
    page = as_therapist.get(reverse("assessment_edit", args=[draft.pk])).content.decode()
    # Each label is on the row heading and the field: in order, once per row.
    assert list(dict.fromkeys(re.findall(r">ODI (\d+: [a-z ]+)<", page))) == [
        "1: pain intensity", "2: personal care", "3: lifting", "4: walking", "5: sitting",
        "6: standing", "7: sleeping", "8: sex life", "9: social life", "10: travelling",
    ]  # fmt: skip
    assert '<div id="outcome-scores" class="mt-3" aria-live="polite">' in page
    assert _scores(page)["odi"] == "no section answered"


@pytest.mark.parametrize(
    ("sections", "expected"),
    [
        ("4", "1 of 10 sections answered: a total from the sections needs at least 8."),
        ("4444444444", "80% crippled from 10 of 10 sections"),
        ("00000000", "0% minimal disability from 8 of 10 sections"),
    ],
)
def test_preview_works_out_the_odi_as_sections_are_typed(
    as_therapist: HttpClient, therapist: User, client_record: Client, sections: str, expected: str
) -> None:
    draft = assessment_start(actor=therapist, client=client_record, visit_date=DAY)
    typed = {f"odi_section_{n}": score for n, score in enumerate(sections, 1)}
    response = as_therapist.post(
        reverse("assessment_preview", args=[draft.pk]),
        {"version": "1", "visit_date": DAY.isoformat(), **typed},
        HTTP_HX_REQUEST="true",
    )
    page = response.content.decode()
    assert '<div id="outcome-scores" hx-swap-oob="innerHTML">' in page
    assert _scores(page)["odi"] == expected
    assert draft.measurements.count() == 0


def test_preview_gives_the_startback_group_as_answers_are_chosen(
    as_therapist: HttpClient, therapist: User, client_record: Client
) -> None:
    draft = assessment_start(actor=therapist, client=client_record, visit_date=DAY)
    answers = {f"startback_{n}": "agree" for n in range(5, 9)}
    response = as_therapist.post(
        reverse("assessment_preview", args=[draft.pk]),
        {"version": "1", "visit_date": DAY.isoformat(), **answers, "startback_9": "slightly"},
        HTTP_HX_REQUEST="true",
    )
    assert _scores(response.content.decode())["startback"] == (
        "total —, psychosocial 4/5 high risk 5 of 9 items answered: the total needs all 9"
    )

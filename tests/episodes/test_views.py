"""Episode pages: the client page's panel, the client list's mark, the forms, the letter."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client as HttpClient
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from clinic.models import AuditEntry, Client, Clinic
from episodes.models import Episode, EpisodeStatus
from episodes.services import episode_goal_add
from tests.episodes.helpers import SITTING, START, open_episode, visit
from tests.factories import ClientFactory
from tests.plans.handout.helpers import issue, pages_text
from treatment.checks import RowInput
from treatment.precautions import CODES
from treatment.services import treatment_amend

LATER = datetime.date(2099, 1, 1)


@pytest.fixture
def episode(therapist: User, client_record: Client) -> Episode:
    """Two visits (sitting scored 3 then 6), an open episode over them with one goal."""
    visit(therapist, client_record, 0, pain=6, sitting=3)
    visit(therapist, client_record, 14, pain=2, sitting=6)
    opened = open_episode(therapist, client_record)
    episode_goal_add(
        actor=therapist, episode=opened, activity=SITTING, target=Decimal(9), target_date=LATER
    )
    return opened


@pytest.mark.same_on_any_database  # rendering over fixtures
def test_client_page_shows_the_episode_panel(
    as_therapist: HttpClient, client_record: Client, episode: Episode
) -> None:
    page = as_therapist.get(reverse("client_detail", args=[client_record.pk])).content.decode()
    panel = " ".join(page[page.index('id="episode-panel"') :].split())
    assert "Low back pain when sitting" in panel
    assert "Sessions: <strong>2 of 6</strong> planned" in panel
    assert "Reassessment: not due; every 2 sessions." in panel  # one since the start
    row = panel[panel.index(SITTING) :]
    # baseline 3, latest 6, target 9: half way
    assert row.startswith(f"{SITTING}</th> <td>3</td> <td>6</td> <td>9 by 1 Jan 2099</td> <td>50%")


@pytest.mark.parametrize("count", [1, 3])
def test_client_list_marks_reassessment_due_in_one_query(
    as_therapist: HttpClient, therapist: User, clinic: Clinic, count: int
) -> None:
    due = []
    for n in range(count):
        client = ClientFactory(clinic=clinic)
        visit(therapist, client, n + 1, pain=4, sitting=4)  # one session after the start
        open_episode(therapist, client, reassess_every=1)
        due.append(client)
    unmarked = ClientFactory(clinic=clinic)  # no episode: no mark
    with CaptureQueriesContext(connection) as queries:
        response = as_therapist.get(reverse("client_list"))
    # session, user, membership+clinic, count, page of clients, and each app's marks
    assert len(queries) == 7, [q["sql"] for q in queries]
    page = response.content.decode()
    assert page.count(">Reassessment due</span>") == count
    # Each mark is in its own client's row.
    rows = [row.split("</tr>")[0] for row in page.split("<tr>")[2:]]

    def row_of(client: Client) -> str:
        link = f'href="{reverse("client_detail", args=[client.pk])}"'
        return next(row for row in rows if link in row)

    assert all(">Reassessment due</span>" in row_of(client) for client in due)
    assert ">Reassessment due</span>" not in row_of(unmarked)


@pytest.mark.same_on_any_database  # rendering over fixtures
def test_episode_form_keeps_what_was_typed_next_to_its_error(
    as_therapist: HttpClient, client_record: Client
) -> None:
    data = {"complaint": "Hip pain", "started_on": "2026-11-02", "planned_sessions": "99"}
    response = as_therapist.post(reverse("episode_create", args=[client_record.pk]), data)
    form = response.context["form"]
    assert response.status_code == 200
    assert list(form.errors) == ["planned_sessions"]
    assert 'value="Hip pain"' in response.content.decode()
    assert not Episode.objects.exists()


def test_discharge_form_saves_and_the_episode_is_then_read_only(
    as_therapist: HttpClient, client_record: Client, episode: Episode
) -> None:
    goal = episode.goals.get()
    url = reverse("episode_discharge", args=[episode.pk])
    data = {"discharged_on": "2026-09-15", "summary": "Back to work.", f"goal_{goal.pk}": "no"}
    response = as_therapist.post(url, data)
    assert response["Location"] == reverse("client_detail", args=[client_record.pk])
    episode.refresh_from_db()
    goal.refresh_from_db()
    assert (episode.status, episode.discharged_on, goal.met) == (
        EpisodeStatus.DISCHARGED,
        datetime.date(2026, 9, 15),
        False,
    )
    again = as_therapist.get(reverse("episode_goal_add", args=[episode.pk]), follow=True)
    assert "it can no longer be changed" in again.content.decode()
    assert episode.goals.count() == 1


@pytest.mark.same_on_any_database  # rendering over fixtures
def test_progress_letter_pdf_reports_findings_treatment_outcomes_and_goals(
    as_therapist: HttpClient, therapist: User, client_record: Client, episode: Episode
) -> None:
    latest = client_record.assessments.order_by("-visit_date").first()
    assert latest is not None
    issue(therapist, latest)
    # The treatment given at the latest visit, recorded after it (a final visit: amended).
    treatment_amend(
        actor=therapist,
        assessment=latest,
        expected_version=0,
        precautions=dict.fromkeys(CODES, "no"),
        rows=[RowInput("myofascial-release", "iliopsoas", "left", 8, "moderate", "", 5, 3)],
        reason="Recorded after the visit",
    )
    therapist.first_name, therapist.last_name = "Tamsin", "Quillfeather"
    therapist.save()
    response = as_therapist.get(reverse("episode_letter", args=[episode.pk]))
    assert response["Content-Type"] == "application/pdf"
    pages = pages_text(response.content)
    assert pages
    # Every page names the patient (the footer), not the handout's words to the client.
    for page in pages:
        assert "Progress report: Priya Sharma, born 12 April 1988" in page
    text = " ".join(pages)
    for words in (
        "Dr Ada Quinn",
        "Mill Lane Surgery",
        "Patient: Priya Sharma",
        "Date of birth: 12 April 1988",
        "Complaint: Low back pain when sitting",
        f"Initial assessment, {START:%-d %B %Y}",
        f"{latest.visit_date:%-d %b %Y}: Myofascial release, Iliopsoas, left, 8 min, moderate,"
        " pain 5 → 3.",
        "Home program (issued",
        "Pain now (NPRS 0-10) 6 2 -4 Improved, reaching the MCID (2 points or 30%)",
        f"{SITTING} 3 6 9 by 1 Jan 2099 In progress (50% of the way)",
        "Tamsin Quillfeather",
    ):
        assert words in text, words
    entry = AuditEntry.objects.filter(object_type="episode").latest("pk")
    assert (entry.action, entry.object_id, entry.client_id) == (
        "export",
        episode.pk,
        client_record.pk,
    )

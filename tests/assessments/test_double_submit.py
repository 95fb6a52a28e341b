"""A repeated "Start visit" continues the open draft for that date instead of adding one."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.test import Client as HttpClient
from django.urls import reverse

from assessments.models import Assessment
from assessments.services import assessment_finalise, assessment_save, assessment_start
from clinic.models import AuditEntry, Client
from tests.concurrent import on_postgresql, post_together

EARLIER, DAY = datetime.date(2026, 10, 5), datetime.date(2026, 11, 2)
CONTINUED = "A draft for this date was already open; continuing it."


@pytest.fixture
def earlier(therapist: User, client_record: Client) -> Assessment:
    draft = assessment_start(actor=therapist, client=client_record, visit_date=EARLIER)
    saved = assessment_save(
        actor=therapist,
        assessment=draft,
        expected_version=1,
        narrative={},
        values={("hip_extension", "left"): Decimal(4)},
    )
    return assessment_finalise(actor=therapist, assessment=saved, expected_version=2)


def _start_url(client: Client) -> str:
    return reverse("assessment_start", args=[client.pk])


def _edit_url(assessment: Assessment) -> str:
    return reverse("assessment_edit", args=[assessment.pk])


def _new_drafts(client: Client) -> list[Assessment]:
    return list(client.assessments.filter(status="draft").order_by("pk"))


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_start_visit_posted_together_makes_one_draft(
    therapist: User, client_record: Client, earlier: Assessment
) -> None:
    posted = {"visit_date": DAY.isoformat(), "copy_forward": "on"}
    answers = post_together(therapist, _start_url(client_record), posted)
    [draft] = _new_drafts(client_record)
    assert answers == [(302, _edit_url(draft))] * 3
    # Copied from the last finished visit, not from a draft another post had just made.
    assert (draft.visit_date, draft.copied_from) == (DAY, earlier)
    created = AuditEntry.objects.filter(object_type="assessment", action="create")
    assert sorted(created.values_list("object_id", flat=True)) == [earlier.pk, draft.pk]


def test_start_visit_posted_twice_lands_on_the_same_draft(
    as_therapist: HttpClient, client_record: Client, earlier: Assessment
) -> None:
    posted = {"visit_date": DAY.isoformat(), "copy_forward": "on"}
    first = as_therapist.post(_start_url(client_record), posted)
    second = as_therapist.post(_start_url(client_record), posted, follow=True)
    [draft] = _new_drafts(client_record)
    assert (first.status_code, first["Location"]) == (302, _edit_url(draft))
    assert second.redirect_chain == [(_edit_url(draft), 302)]
    assert [str(message) for message in second.context["messages"]] == [CONTINUED]
    assert draft.copied_from == earlier


def test_start_visit_first_post_has_no_continuing_message(
    as_therapist: HttpClient, client_record: Client
) -> None:
    response = as_therapist.post(
        _start_url(client_record), {"visit_date": DAY.isoformat()}, follow=True
    )
    [draft] = _new_drafts(client_record)
    assert response.redirect_chain == [(_edit_url(draft), 302)]
    assert [str(message) for message in response.context["messages"]] == []


def test_start_visit_another_for_the_same_date_when_asked(
    as_therapist: HttpClient, therapist: User, client_record: Client
) -> None:
    open_draft = assessment_start(actor=therapist, client=client_record, visit_date=DAY)
    response = as_therapist.post(
        _start_url(client_record), {"visit_date": DAY.isoformat(), "another": "on"}
    )
    first, second = _new_drafts(client_record)
    assert first == open_draft
    assert (second.visit_date, response["Location"]) == (DAY, _edit_url(second))


def test_start_visit_other_date_is_a_new_draft(
    as_therapist: HttpClient, therapist: User, client_record: Client
) -> None:
    open_draft = assessment_start(actor=therapist, client=client_record, visit_date=EARLIER)
    response = as_therapist.post(_start_url(client_record), {"visit_date": DAY.isoformat()})
    first, second = _new_drafts(client_record)
    assert (first, second.visit_date) == (open_draft, DAY)
    assert response["Location"] == _edit_url(second)


def test_start_page_names_open_drafts_and_offers_another(
    as_therapist: HttpClient, therapist: User, client_record: Client
) -> None:
    open_draft = assessment_start(actor=therapist, client=client_record, visit_date=DAY)
    page = as_therapist.get(_start_url(client_record)).content.decode()
    assert "Open draft for 2 Nov 2026" in page
    assert f'href="{_edit_url(open_draft)}"' in page
    assert "Start another visit for this date" in page


def test_start_page_without_open_drafts_has_no_another_choice(
    as_therapist: HttpClient, client_record: Client, earlier: Assessment
) -> None:
    page = as_therapist.get(_start_url(client_record)).content.decode()
    assert "Open draft" not in page
    assert "Start another visit for this date" not in page


def test_start_page_does_not_name_another_clients_drafts(
    as_therapist: HttpClient, therapist: User, client_record: Client
) -> None:
    from tests.factories import ClientFactory

    other = ClientFactory(clinic=client_record.clinic)
    assessment_start(actor=therapist, client=other, visit_date=DAY)
    page = as_therapist.get(_start_url(client_record)).content.decode()
    assert "Open draft" not in page

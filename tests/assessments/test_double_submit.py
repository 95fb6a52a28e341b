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


# --- saving, finalising and amending twice: the repeat lands where the first did -------


@pytest.fixture
def draft(therapist: User, client_record: Client) -> Assessment:
    return assessment_start(actor=therapist, client=client_record, visit_date=DAY)


def _edit_form(version: int, **fields: str) -> dict[str, str]:
    return {"version": str(version), "visit_date": DAY.isoformat(), "pain_now": "3", **fields}


def _messages(response: object) -> list[str]:
    return [str(message) for message in response.context["messages"]]  # type: ignore[attr-defined]


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_finalise_posted_together_lands_on_the_final_assessment(
    therapist: User, draft: Assessment
) -> None:
    url = _edit_url(draft)
    answers = post_together(therapist, url, _edit_form(1, finalise="1"))
    draft.refresh_from_db()
    assert answers == [(302, reverse("assessment_detail", args=[draft.pk]))] * 3
    assert (draft.status, draft.version) == ("final", 3)


def test_save_draft_posted_twice_lands_on_the_saved_draft(
    as_therapist: HttpClient, draft: Assessment
) -> None:
    posted = _edit_form(1, save="1", hip_flexion__left="105")
    first = as_therapist.post(_edit_url(draft), posted, follow=True)
    second = as_therapist.post(_edit_url(draft), posted, follow=True)
    assert first.redirect_chain == second.redirect_chain == [(_edit_url(draft), 302)]
    assert _messages(first) == _messages(second) == ["Draft saved."]
    draft.refresh_from_db()
    assert draft.version == 2


def test_save_draft_differing_from_the_saved_version_is_still_a_conflict(
    as_therapist: HttpClient, draft: Assessment
) -> None:
    as_therapist.post(_edit_url(draft), _edit_form(1, save="1"))
    response = as_therapist.post(_edit_url(draft), _edit_form(1, save="1", pain_now="4"))
    assert (response.status_code, response.context["conflict"]) == (409, ["Pain now (NPRS)"])


def test_finalise_on_an_older_version_with_the_saved_values_finalises(
    as_therapist: HttpClient, draft: Assessment
) -> None:
    # Nothing posted differs from what is saved, so finalising overwrites nobody's work.
    as_therapist.post(_edit_url(draft), _edit_form(1, save="1"))
    response = as_therapist.post(_edit_url(draft), _edit_form(1, finalise="1"))
    assert response["Location"] == reverse("assessment_detail", args=[draft.pk])
    draft.refresh_from_db()
    assert (draft.status, draft.version) == ("final", 3)


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_amend_posted_together_records_one_amendment(therapist: User, earlier: Assessment) -> None:
    url = reverse("assessment_amend", args=[earlier.pk])
    posted = {**_edit_form(earlier.version, reason="Typo"), "visit_date": EARLIER.isoformat()}
    answers = post_together(therapist, url, posted)
    assert answers == [(302, reverse("assessment_detail", args=[earlier.pk]))] * 3
    assert [a.changes for a in earlier.amendments.all()] == [
        [
            {"field": "pain_now", "side": "", "old": "", "new": "3"},
            {"field": "hip_extension", "side": "left", "old": "4", "new": ""},
        ]
    ]


def test_amend_posted_twice_says_it_is_recorded(
    as_therapist: HttpClient, earlier: Assessment
) -> None:
    url = reverse("assessment_amend", args=[earlier.pk])
    posted = {**_edit_form(earlier.version, reason="Typo"), "visit_date": EARLIER.isoformat()}
    first = as_therapist.post(url, posted, follow=True)
    second = as_therapist.post(url, posted, follow=True)
    detail = reverse("assessment_detail", args=[earlier.pk])
    assert first.redirect_chain == second.redirect_chain == [(detail, 302)]
    assert _messages(first) == ["Amendment recorded (2 changes)."]
    assert _messages(second) == ["This amendment is already recorded."]
    assert earlier.amendments.count() == 1


def test_save_draft_confirming_what_was_saved_unconfirmed_is_still_a_conflict(
    as_therapist: HttpClient, therapist: User, client_record: Client, earlier: Assessment
) -> None:
    copied = assessment_start(
        actor=therapist, client=client_record, visit_date=DAY, copy_forward=True
    )
    posted = _edit_form(1, save="1", hip_extension__left="4")
    as_therapist.post(_edit_url(copied), posted)  # saved, the carried value not confirmed
    response = as_therapist.post(_edit_url(copied), {**posted, "confirm_carried": "on"})
    assert (response.status_code, response.context["conflict"]) == (409, [])

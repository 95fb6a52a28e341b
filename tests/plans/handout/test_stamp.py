"""The handout stamp: one scoped query with the stored copy, and a key over every input."""

import datetime
import threading
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser, User
from django.db import DEFAULT_DB_ALIAS, connections
from django.http import Http404

from assessments.models import Assessment
from plans.handout.context import HandoutNotReady
from plans.handout.render import RENDERS, handout_pdf_get
from plans.handout.stamp import _COMPILED, HandoutStamp, handout_key, handout_stamp_get
from plans.models import HandoutPDF, PlanVersion
from plans.services import plan_build
from tests.plans.handout.helpers import issue, pages_text

# Not inputs of the key: the stored copy itself, the kind asked for (the progress page's
# charts are keyed instead), and the username, shown only when the issuer has no name.
NOT_KEYED = {"cached_key", "cached_pdf", "cached_pages", "with_progress", "issuer_username"}


@pytest.fixture
def issued(therapist: User, typical: Assessment) -> PlanVersion:
    return issue(therapist, typical)


def test_stamp_is_one_query_with_the_stored_copy(
    therapist: User, issued: PlanVersion, django_assert_num_queries: Any
) -> None:
    with django_assert_num_queries(1):
        stamp = handout_stamp_get(therapist, issued.pk)
    assert stamp.cached_key is None  # nothing stored yet
    before = RENDERS.count
    handout_pdf_get(stamp)
    assert RENDERS.count == before + 1
    stored = HandoutPDF.objects.get()
    with django_assert_num_queries(1):
        again = handout_stamp_get(therapist, issued.pk)
    assert (again.cached_key, bytes(again.cached_pdf or b"")) == (stored.key, bytes(stored.pdf))
    assert again.cached_pages == stored.pages
    assert handout_key(again) == stored.key
    assert handout_pdf_get(again).pdf == bytes(stored.pdf)
    assert RENDERS.count == before + 1
    # the stored copy of the other kind is asked for apart
    assert handout_stamp_get(therapist, issued.pk, with_progress=True).cached_key is None


def test_stamp_values_have_their_python_types(
    therapist: User, issued: PlanVersion, typical: Assessment
) -> None:
    stamp = handout_stamp_get(therapist, issued.pk)
    assert stamp.visit_date == typical.visit_date
    assert stamp.date_of_birth == datetime.date(1988, 4, 12)
    assert isinstance(stamp.issued_at, datetime.datetime)
    assert stamp.issued_at.tzinfo is not None
    assert stamp.therapist == (therapist.get_full_name(), therapist.membership.title)
    assert (stamp.given_name, stamp.family_name) == ("Priya", "Sharma")
    assert stamp.clinic_id == typical.client.clinic_id
    assert stamp.cutoff_overrides in (None, {})


def test_stamp_is_the_same_for_every_user_of_the_clinic(
    therapist: User, colleague: User, issued: PlanVersion
) -> None:
    assert handout_stamp_get(therapist, issued.pk) == handout_stamp_get(colleague, issued.pk)


def test_stamp_of_another_clinics_version_is_404(outsider: User, issued: PlanVersion) -> None:
    with pytest.raises(Http404):
        handout_stamp_get(outsider, issued.pk)


def test_stamp_of_a_version_that_does_not_exist_is_404(
    therapist: User, issued: PlanVersion
) -> None:
    with pytest.raises(Http404):
        handout_stamp_get(therapist, issued.pk + 1000)


@pytest.mark.parametrize("pk", [0, 2**63, 10**30])
def test_stamp_of_an_impossible_id_is_404(therapist: User, pk: int) -> None:
    with pytest.raises(Http404):
        handout_stamp_get(therapist, pk)


def test_stamp_for_anonymous_is_404(issued: PlanVersion) -> None:
    with pytest.raises(Http404):
        handout_stamp_get(AnonymousUser(), issued.pk)


def test_stamp_of_a_draft_is_not_ready(therapist: User, typical: Assessment) -> None:
    draft = plan_build(actor=therapist, assessment=typical)
    with pytest.raises(HandoutNotReady):
        handout_stamp_get(therapist, draft.pk)


def _other(value: object) -> object:
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value + 1
    if isinstance(value, datetime.datetime):
        return value + datetime.timedelta(seconds=1)
    if isinstance(value, datetime.date):
        return value + datetime.timedelta(days=1)
    if isinstance(value, str):
        return value + "x"
    return {"thomas_hip_angle_deg": 1}  # cut-off overrides (None or a dict)


@pytest.mark.parametrize("field", [f for f in HandoutStamp._fields if f not in NOT_KEYED])
def test_every_input_of_the_stamp_is_in_the_key(
    therapist: User, issued: PlanVersion, field: str
) -> None:
    stamp = handout_stamp_get(therapist, issued.pk)
    changed = stamp._replace(**{field: _other(getattr(stamp, field))})
    assert handout_key(changed) != handout_key(stamp)


@pytest.mark.parametrize("field", sorted(NOT_KEYED - {"with_progress"}))
def test_what_the_handout_does_not_show_is_not_in_the_key(
    therapist: User, issued: PlanVersion, field: str
) -> None:
    stamp = handout_stamp_get(therapist, issued.pk)
    changed = stamp._replace(**{field: "other"})
    assert handout_key(changed) == handout_key(stamp)


def test_download_by_stamp_shows_what_a_full_render_shows(
    therapist: User, issued: PlanVersion
) -> None:
    text = pages_text(handout_pdf_get(handout_stamp_get(therapist, issued.pk)).pdf)
    assert "Priya Sharma" in text[0]
    assert "Kneeling hip flexor stretch" in " ".join(text)


def test_a_render_racing_another_keeps_one_copy_of_the_kind(
    therapist: User, issued: PlanVersion
) -> None:
    first = handout_stamp_get(therapist, issued.pk)  # read before the other request stored
    second = handout_stamp_get(therapist, issued.pk)
    handout_pdf_get(second)
    stored = HandoutPDF.objects.get()
    served = handout_pdf_get(first)  # its stamp saw no copy: it renders too
    assert pages_text(served.pdf) == pages_text(bytes(stored.pdf))
    assert list(HandoutPDF.objects.values_list("pk", "key")) == [(stored.pk, stored.key)]


def test_stamp_for_an_account_in_no_clinic_is_404(issued: PlanVersion) -> None:
    loner = User.objects.create_user("loner", password="not-used-here")
    with pytest.raises(Http404):
        handout_stamp_get(loner, issued.pk)


@pytest.mark.django_db(transaction=True)
def test_each_thread_runs_the_stamp_on_its_own_connection(
    therapist: User, typical: Assessment
) -> None:
    version = issue(therapist, typical)
    here = handout_stamp_get(therapist, version.pk)
    main = connections[DEFAULT_DB_ALIAS]
    found: list[object] = []

    def other_thread() -> None:
        try:
            found.append(handout_stamp_get(therapist, version.pk))
            mine = connections[DEFAULT_DB_ALIAS]
            found.append(mine is not main and mine in _COMPILED)
        finally:
            connections.close_all()

    worker = threading.Thread(target=other_thread)
    worker.start()
    worker.join()
    assert found == [here, True]
    assert main in _COMPILED

"""A value copied forward and not confirmed was not measured: the comparison marks it and
neither measures nor judges a change against it."""

import datetime
from decimal import Decimal

from django.contrib.auth.models import User
from django.test import Client as HttpClient
from django.urls import reverse

from assessments.compare.visits import compare_visits
from assessments.norms import cutoffs_for
from assessments.services import assessment_finalise, assessment_save, assessment_start
from assessments.values import AssessmentValues
from clinic.models import Client

CUTOFFS = cutoffs_for(None)
HIP = ("hip_extension", "left")


def test_carried_value_is_marked_and_not_compared() -> None:
    before = AssessmentValues({HIP: Decimal(2), ("faber", "right"): "positive"})
    after = AssessmentValues(
        {HIP: Decimal(2), ("faber", "right"): "negative"}, carried=frozenset({HIP})
    )
    comparison = compare_visits(before, after, CUTOFFS)
    row = comparison.row(*HIP)
    assert (row.before, row.after, row.change, row.classification) == ("2°", "2°", "", "")
    assert (row.before_carried, row.after_carried) == (False, True)
    # A value measured that day is compared as before.
    assert comparison.row("faber", "right").classification == "improved"


def test_carried_value_in_the_earlier_visit_is_marked_too() -> None:
    before = AssessmentValues({HIP: Decimal(2)}, carried=frozenset({HIP}))
    row = compare_visits(before, AssessmentValues({HIP: Decimal(20)}), CUTOFFS).row(*HIP)
    assert (row.change, row.classification, row.before_carried, row.after_carried) == (
        "",
        "",
        True,
        False,
    )


def test_compare_page_shows_a_follow_up_draft_s_carried_values_as_carried(
    as_therapist: HttpClient, therapist: User, client_record: Client
) -> None:
    first = assessment_start(
        actor=therapist, client=client_record, visit_date=datetime.date(2026, 3, 3)
    )
    first = assessment_save(
        actor=therapist,
        assessment=first,
        expected_version=1,
        narrative={},
        values={HIP: Decimal(2), ("pain_now", ""): Decimal(6)},
    )
    first = assessment_finalise(actor=therapist, assessment=first, expected_version=2)
    follow_up = assessment_start(
        actor=therapist,
        client=client_record,
        visit_date=datetime.date(2026, 3, 31),
        copy_forward=True,
    )
    url = reverse("assessment_compare", args=[client_record.pk])
    # A carried value is no change, so the default view leaves it out; all items show it.
    default = as_therapist.get(f"{url}?a={first.pk}&b={follow_up.pk}").content.decode()
    assert "carried over, not confirmed" not in default
    response = as_therapist.get(f"{url}?a={first.pk}&b={follow_up.pk}&all=1")
    row = response.context["comparison"].row(*HIP)
    assert (row.after, row.after_carried, row.classification) == ("2°", True, "")
    page = response.content.decode()
    assert "carried over, not confirmed" in page
    assert "Not compared: carried from the visit before, not measured" in page
    assert "Within measurement error" not in page

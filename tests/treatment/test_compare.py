"""The treatment given at two visits in their comparison: pairing, the page, queries."""

import datetime

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client as HttpClient
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assessments.models import Assessment
from assessments.services import assessment_start
from clinic.models import Client
from treatment.checks import RowInput
from treatment.comparison import ADDED, CHANGED, DROPPED, Given, compare_treatment
from treatment.precautions import CODES
from treatment.services import treatment_save

NONE = dict.fromkeys(CODES, "no")
SWEDISH = RowInput("swedish-massage", "lower_back", "both", 10, "moderate", "prone", 5, 4)
TRIGGER = RowInput("trigger-point-compression", "piriformis", "right", 10, "firm", "prone", 5, 3)
STRETCH = RowInput("passive-stretching", "piriformis", "right", 5, "", "supine", 3, 2)


def test_rows_are_paired_and_only_changes_listed_by_default() -> None:
    swedish = Given("swedish", "Swedish", "Lower back", "Both", 10, "Moderate", 5, 4)
    before = [swedish, Given("tp", "Trigger point", "Piriformis", "Right", 10, "Firm", 5, 3)]
    after = [
        Given("tp", "Trigger point", "Piriformis", "Right", 12, "Firm", 3, 2),
        swedish,
        Given("stretch", "Stretching", "Piriformis", "Right"),
    ]
    change = compare_treatment(before, after)
    assert [(pair.shown.technique, pair.status) for pair in change.pairs] == [
        ("tp", CHANGED),
        ("stretch", ADDED),
    ]
    assert (change.added, change.dropped) == (("Stretching",), ())
    assert change.line == "no change (1 row)"
    assert change.pairs[0].before is not None
    assert change.pairs[0].before.response == "pain 5 → 3"
    dropped = compare_treatment(after, before, show_all=True)
    assert [pair.status for pair in dropped.pairs] == ["unchanged", CHANGED, DROPPED]
    assert (dropped.dropped, dropped.line) == (("Stretching",), "")


def _visit(therapist: User, client: Client, day: int, rows: list[RowInput]) -> Assessment:
    visit = assessment_start(
        actor=therapist, client=client, visit_date=datetime.date(2026, 11, day)
    )
    treatment_save(
        actor=therapist, assessment=visit, expected_version=0, precautions=NONE, rows=rows
    )
    return visit


@pytest.mark.parametrize("extra", [0, 6])
def test_compare_page_shows_the_treatment_change_in_flat_queries(
    as_therapist: HttpClient,
    massage_therapist: User,
    client_record: Client,
    extra: int,
) -> None:
    before = _visit(massage_therapist, client_record, 2, [SWEDISH, TRIGGER] + [SWEDISH] * extra)
    after = _visit(massage_therapist, client_record, 9, [SWEDISH, STRETCH] + [SWEDISH] * extra)
    url = reverse("assessment_compare", args=[client_record.pk]) + f"?a={before.pk}&b={after.pk}"
    with CaptureQueriesContext(connection) as queries:
        page = as_therapist.get(url).content.decode()
    # as on the comparison page without treatment (tests/assessments/compare)
    assert len(queries) == 11, [q["sql"] for q in queries]
    assert "Techniques added: Passive stretching." in page
    assert "Techniques dropped: Trigger point (ischaemic) compression." in page
    assert f"Treatment given: no change ({1 + extra} row" in page
    assert ">Swedish massage (effleurage, petrissage)</th>" not in page
    assert "pain 5 → 3" in page
    everything = as_therapist.get(url + "&all=1").content.decode()
    assert ">Swedish massage (effleurage, petrissage)</th>" in everything

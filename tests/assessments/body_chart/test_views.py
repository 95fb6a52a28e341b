"""The body chart on the visit pages: the entry rows, saving by the list, errors by the field."""

import datetime

import pytest
from django.contrib.auth.models import User
from django.test import Client as HttpClient
from django.urls import reverse

from assessments.body_chart.regions import REGIONS, Mark
from assessments.models import Assessment, BodyChartMark
from assessments.services import assessment_save, assessment_start
from clinic.models import Client

DAY = datetime.date(2026, 11, 2)


@pytest.fixture
def draft(therapist: User, client_record: Client) -> Assessment:
    visit = assessment_start(actor=therapist, client=client_record, visit_date=DAY)
    return assessment_save(
        actor=therapist, assessment=visit, expected_version=1, narrative={}, values={},
        body_chart=[Mark("buttock_left", "ache", 6)],
    )  # fmt: skip


@pytest.mark.same_on_any_database
def test_entry_page_has_a_row_per_mark_and_one_add_row(
    as_therapist: HttpClient, draft: Assessment
) -> None:
    page = as_therapist.get(reverse("assessment_edit", args=[draft.pk])).content.decode()
    # Two fields for the one marked region and three for the add row: 5, not 75.
    assert page.count('name="chart_') == 5
    assert page.count('role="button" aria-pressed=') == len(REGIONS)
    assert 'data-region="buttock_left" role="button" aria-pressed="true"' in page
    assert 'data-region="groin_left" role="button" aria-pressed="false"' in page
    assert '<option value="ache" selected>' in page
    assert "/static/js/body-chart.js" in page


def test_edit_saves_the_chart_from_rows_add_row_and_clicked_regions(
    as_therapist: HttpClient, draft: Assessment
) -> None:
    url = reverse("assessment_edit", args=[draft.pk])
    typed = {
        "version": "2",
        "visit_date": DAY.isoformat(),
        "chart_buttock_left_type": "ache",
        "chart_buttock_left_intensity": "4",
        # a row the page's script added for a region clicked on the figure
        "chart_leg_back_right_type": "pins_needles",
        "chart_leg_back_right_intensity": "",
        "chart_add_region": "groin_left",
        "chart_add_type": "sharp",
        "chart_add_intensity": "11",
    }
    response = as_therapist.post(url, typed)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["chart_leg_back_right_intensity"] == [
        "Below the right knee (back): give the intensity, 0 to 10."
    ]
    assert errors["chart_add_intensity"] == [
        "New mark: the intensity is a whole number from 0 to 10."
    ]
    page = response.content.decode()
    assert 'id="id_chart_add_intensity-error"' in page
    assert 'value="11"' in page
    assert '<option value="pins_needles" selected>' in page
    assert list(
        BodyChartMark.objects.filter(assessment=draft).values_list("intensity", flat=True)
    ) == [6]

    typed.update(chart_leg_back_right_intensity="3", chart_add_intensity="7", save="1")
    assert as_therapist.post(url, typed).status_code == 302
    stored = BodyChartMark.objects.filter(assessment=draft).order_by("region")
    assert [(m.region, m.pain_type, m.intensity) for m in stored] == [
        ("buttock_left", "ache", 4),
        ("groin_left", "sharp", 7),
        ("leg_back_right", "pins_needles", 3),
    ]
    detail = as_therapist.get(reverse("assessment_detail", args=[draft.pk]))
    page = detail.content.decode()
    assert "Below the right knee (back): pins and needles, 3/10" in page
    # Pain below the knee on the chart gives the neurological red flag.
    assert "pins and needles 3/10, right" in page

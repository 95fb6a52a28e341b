"""The demo treatments: recorded once on the demo visits, as their notes describe them."""

import pytest
from django.test import Client as HttpClient
from django.urls import reverse

from assessments.demo import loader as assessments_demo
from assessments.demo.visits import DANIEL, DEMO_VISITS, RIVERSIDE
from assessments.models import Assessment
from clinic.demo import load_demo as load_clinic_demo
from treatment import demo
from treatment.models import TreatmentRecord


def test_demo_treatments_load_once_and_show_in_the_comparison(
    db: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Daniel's three visits only: the whole demo is loaded in tests/plans/test_demo.py.
    monkeypatch.setattr(
        assessments_demo, "DEMO_VISITS", {(RIVERSIDE, "Daniel", "Kowalski"): DANIEL}
    )
    load_clinic_demo()
    assessments_demo.load_demo()
    assert demo.load_demo() == "2 treatments recorded (existing kept)"
    assert demo.load_demo() == "0 treatments recorded (existing kept)"
    first, second, _ = Assessment.objects.order_by("visit_date")
    record = TreatmentRecord.objects.get(assessment=first)
    # Sam's notes: "Trigger point release to right piriformis".
    assert [(row.technique, row.region, row.side) for row in record.rows.all()] == [
        ("swedish-massage", "buttock", "right"),
        ("trigger-point-compression", "piriformis", "right"),
    ]
    http = HttpClient()
    http.force_login(first.therapist)
    url = reverse("assessment_compare", args=[first.client_id])
    page = http.get(f"{url}?a={first.pk}&b={second.pk}").content.decode()
    assert "Techniques dropped: Swedish massage (effleurage, petrissage), Trigger point" in page


def test_every_demo_treatment_names_a_demo_visit() -> None:
    # A typo in a date or name would be skipped silently on loading.
    for clinic, given, family, on in demo.DEMO_TREATMENTS:
        visits = DEMO_VISITS[(clinic, given, family)]
        assert on in {visit.on.isoformat() for visit in visits}, (given, on)
    assert len(demo.DEMO_TREATMENTS) == 17

"""The visit page as a SOAP note and the two subjective items of follow-ups
(docs/assessment.md "The visit page")."""

import datetime
import json

from django.contrib.auth.models import User
from django.db import connection
from django.test import Client as HttpClient
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assessments.catalogue.items import ASKED_ANEW, SECTIONS
from assessments.interpretation import assessment_findings
from assessments.models import Assessment
from assessments.presenters import build_sections
from assessments.selectors import assessment_values
from assessments.services import assessment_start
from assessments.soap import SUBJECTIVE_SECTIONS, split_soap
from assessments.values import AssessmentValues
from plans.export.record import export_client_record
from plans.export.selectors import client_record_get
from plans.services import plan_build

EMPTY = AssessmentValues({})


def test_soap_split_keeps_catalogue_order_and_every_section() -> None:
    sections = build_sections(EMPTY, {}, only_recorded=False)
    subjective, objective = split_soap(sections)
    assert [sv.section.code for sv in subjective] == [
        section.code for section in SECTIONS if section.code in SUBJECTIVE_SECTIONS
    ]
    assert [sv.section.code for sv in objective][:2] == ["posture", "thomas"]
    assert {"palpation", "function"} <= {sv.section.code for sv in objective}
    assert len(subjective) + len(objective) == len(SECTIONS)


def test_since_last_visit_and_last_treatment_are_asked_anew(
    therapist: User, typical: Assessment
) -> None:
    assert {"since_last_visit", "last_treatment_response"} <= ASKED_ANEW
    follow_up = assessment_start(
        actor=therapist,
        client=typical.client,
        visit_date=typical.visit_date + datetime.timedelta(days=14),
        copy_from=typical,
    )
    carried = assessment_values(follow_up)
    assert carried.choice("since_last_visit") is None
    assert carried.choice("last_treatment_response") is None


def test_visit_page_reads_subjective_objective_assessment_plan(
    as_therapist: HttpClient, therapist: User, typical: Assessment
) -> None:
    version = plan_build(actor=therapist, assessment=typical)
    first = version.items.order_by("position").first()
    assert first is not None
    url = reverse("assessment_detail", args=[typical.pk])
    with CaptureQueriesContext(connection) as with_plan:
        page = as_therapist.get(url).content.decode()
    marks = [
        'id="part-subjective"',
        'id="heading-subjective"',
        'id="part-objective"',
        'id="heading-thomas"',
        'id="part-assessment"',
        'id="part-plan"',
        'id="heading-home-program"',
        'id="heading-treatment"',
    ]
    places = [page.index(mark) for mark in marks]
    assert places == sorted(places)
    assert first.name in page[page.index('id="part-plan"') :]
    assert "draft, not issued yet" in page
    # Findings moved from the side column into the Assessment part: shown once.
    assert page.count('class="list-unstyled mb-0 findings"') == 1
    version.plan.delete()
    with CaptureQueriesContext(connection) as without_plan:
        as_therapist.get(url)
    # The plan's newest version and its items: two queries, only when there is a plan.
    assert len(with_plan) - len(without_plan) == 2


def test_record_export_lists_each_visit_in_soap_order_with_findings(
    therapist: User, typical: Assessment
) -> None:
    record = client_record_get(therapist, typical.client.pk)
    document = export_client_record(
        record, exported_at=datetime.datetime(2026, 12, 1, tzinfo=datetime.UTC)
    )
    visit = json.loads(json.dumps(document))["visits"][0]
    # The treatment given is inside the assessment document (version 2); the corrections
    # after finalising come last.
    assert list(visit) == [
        "assessment",
        "scores",
        "findings",
        "plan_versions",
        "amendments",
        "treatment_amendments",
    ]
    shown = [(finding.code, finding.side) for finding in assessment_findings(typical)]
    assert shown  # the typical visit has findings
    assert [(finding["code"], finding["side"]) for finding in visit["findings"]] == shown

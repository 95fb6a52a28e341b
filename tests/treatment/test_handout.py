"""The handout freezes "What we did today" at issue: later edits of the rows never change it."""

from django.contrib.auth.models import User

from assessments.models import Assessment
from assessments.services import assessment_save
from plans.handout.context import handout_context
from plans.handout.rendering import snapshot_of
from plans.services import plan_build, plan_issue
from tests.plans.fixtures import TYPICAL
from treatment.checks import RowInput
from treatment.handout import AFTERCARE, SORE_AFTER_FIRM
from treatment.services import treatment_save


def test_handout_shows_the_treatment_as_it_was_at_issue(
    therapist: User, visit: Assessment
) -> None:
    visit = assessment_save(
        actor=therapist, assessment=visit, expected_version=1, narrative={}, values=TYPICAL
    )
    firm = RowInput("trigger-point-compression", "piriformis", "right", 10)
    treatment_save(
        actor=therapist, assessment=visit, expected_version=0, precautions={}, rows=[firm]
    )
    version = plan_build(actor=therapist, assessment=visit)
    issued = plan_issue(actor=therapist, version=version, expected_lock=version.lock)
    # The visit is still a draft: its rows change after the plan was issued.
    light = RowInput("heat-application", "lower_back", "none")
    treatment_save(
        actor=therapist, assessment=visit, expected_version=1, precautions={}, rows=[light]
    )
    shown = handout_context(snapshot_of(issued), for_pdf=False)["treatment"]
    assert shown == {
        "done": ["Steady pressure on tender spots: deep in the buttock, right side."],
        "aftercare": [SORE_AFTER_FIRM, *AFTERCARE],
    }

"""A routine referral (suspected hip joint): issued without an override, printed plainly."""

from django.contrib.auth.models import User

from assessments.models import Assessment
from clinic.models import Client
from plans.handout.render import handout_html
from plans.handout.rendering import snapshot_of
from plans.services import plan_build, plan_issue
from tests.plans.fixtures import TYPICAL, make_assessment

HIP = {
    **TYPICAL,
    ("faber", "left"): "positive",
    ("faber_pain_site", "left"): "groin",
    ("fair", "left"): "positive",
}


def test_routine_referral_issues_without_override_and_prints_see_your_doctor(
    therapist: User, client_record: Client
) -> None:
    assessment: Assessment = make_assessment(therapist, client_record, HIP)
    version = plan_build(actor=therapist, assessment=assessment)
    slugs = set(version.items.values_list("slug", flat=True))
    assert slugs
    assert not slugs & {"pigeon-pose", "90-90-hip-stretch", "figure-four-stretch"}
    issued = plan_issue(actor=therapist, version=version, expected_lock=version.lock)
    assert issued.override_reason == ""
    snapshot = snapshot_of(issued.pk)
    referral = snapshot.content["referral"]
    assert referral["urgency"] == "routine"
    assert referral["client_message"] == (
        "Please see your doctor soon about your hip. It is not an emergency. "
        "You can keep doing the exercises in this plan."
    )
    html = handout_html(snapshot, for_pdf=False, with_progress=False)
    assert '<h2 id="referral-title">Please see your doctor soon</h2>' in html

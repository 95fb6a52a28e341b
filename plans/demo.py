"""Demo plans: an issued plan for each demo client's latest finished visit (idempotent)."""

from assessments.interpretation import findings
from assessments.models import Assessment, Status
from clinic.demo import DEMO_CLINICS
from plans.models import Plan
from plans.services import plan_build, plan_issue, plan_message_update

MESSAGE = (
    "Little and often works best: a few minutes most days beats one long session. "
    "Bring this sheet to your next visit."
)


def load_demo() -> str:
    """Build and issue plans for the latest final visit of each demo client without red flags."""
    names = [spec.name for spec in DEMO_CLINICS]
    latest: dict[int, Assessment] = {}
    visits = (
        Assessment.objects.filter(client__clinic__name__in=names, status=Status.FINAL)
        .select_related("client__clinic", "therapist")
        .order_by("client_id", "-visit_date")
    )
    for visit in visits:
        latest.setdefault(visit.client_id, visit)
    created = 0
    for visit in latest.values():
        if Plan.objects.filter(assessment=visit).exists():
            continue
        found = findings(visit)
        if not found or any(finding.is_red_flag for finding in found):
            continue  # nothing to treat, or a red flag: a referral, not a home program
        version = plan_build(actor=visit.therapist, assessment=visit)
        version = plan_message_update(
            actor=visit.therapist, version=version, expected_lock=version.lock, message=MESSAGE
        )
        plan_issue(actor=visit.therapist, version=version, expected_lock=version.lock)
        created += 1
    return f"{created} plans issued (existing kept)"

import io

from django.core.management import call_command

from plans.models import PlanVersion


def test_load_demo_issues_plans_once(db: None) -> None:
    call_command("load_demo", stdout=io.StringIO())
    issued = PlanVersion.objects.filter(status="issued")
    count = issued.count()
    assert count >= 6
    assert PlanVersion.objects.count() == count  # no empty drafts left behind
    assert all(version.items.exists() for version in issued)
    assert (
        not issued.filter(plan__assessment__client__family_name="O'Neill")
        .filter(plan__assessment__visit_date="2026-10-20")
        .exists()
    )
    call_command("load_demo", stdout=io.StringIO())
    assert PlanVersion.objects.count() == count

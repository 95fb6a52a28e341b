import io
from decimal import Decimal

from django.core.management import call_command

from clinic.demo import DEMO_PASSWORD
from episodes.models import Episode
from episodes.selectors import reassessment_marks
from plans.models import PlanVersion


# The whole demo, loaded by its command once (about 10 s on SQLite): the logins printed,
# the plans issued, the episode opened; then loaded again, changing nothing.
def test_load_demo_prints_logins_issues_plans_and_opens_an_episode_once(db: None) -> None:
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    text = out.getvalue()
    assert f"password for all: {DEMO_PASSWORD}" in text
    assert "Clinic: 2 clinics, 3 staff, 9 clients created" in text
    assert all(login in text for login in ("alex", "sam", "jordan"))
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
    # The episodes demo (episodes/demo.py) runs last: one open episode with two goals.
    episode = Episode.objects.get()
    baselines = sorted(goal.baseline for goal in episode.goals.all())
    assert (episode.client.given_name, baselines) == ("Priya", [Decimal(3), Decimal(5)])
    assert reassessment_marks([episode.client_id]) == {episode.client_id: "Reassessment due"}
    call_command("load_demo", stdout=io.StringIO())
    assert PlanVersion.objects.count() == count
    assert Episode.objects.count() == 1

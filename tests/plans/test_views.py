"""The plan builder's pages and buttons: build, shape, search, conflicts, issue; the
outsider and the anonymous; query counts."""

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client as HttpClient
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from assessments.interpretation import findings as assessment_findings
from assessments.models import Assessment
from clinic.models import Client
from plans.handout.snapshot import focus_lines
from plans.models import ClinicIntervention, PlanVersion
from plans.services import plan_build, plan_item_add, plan_message_update
from tests.factories import UserFactory
from tests.plans.builder_form import builder_post, item_order, press


def test_build_plan_from_assessment_redirects_to_builder(
    as_therapist: HttpClient, typical: Assessment
) -> None:
    response = as_therapist.post(reverse("plan_build", args=[typical.pk]))
    version = PlanVersion.objects.get()
    assert response["Location"] == reverse("plan_builder", args=[version.pk])


def test_builder_shows_items_reasons_and_preview(
    as_therapist: HttpClient, version: PlanVersion
) -> None:
    page = as_therapist.get(reverse("plan_builder", args=[version.pk])).content.decode()
    assert "Kneeling hip flexor stretch" in page
    assert "Handout preview" in page
    assert "plans/illustrations/kneeling-hip-flexor-stretch.svg" in page
    assert "Hold 30 seconds" in page


def test_builder_preview_opens_with_the_handouts_focus_lines(
    as_therapist: HttpClient, version: PlanVersion
) -> None:
    """The preview says what the issued handout will: what we will work on, not findings."""
    response = as_therapist.get(reverse("plan_builder", args=[version.pk]))
    items = [item for item in version.items.order_by("position") if item.kind != "in_clinic"]
    lines = focus_lines(items, assessment_findings(version.plan.assessment))
    assert lines  # the typical plan has something to work on
    assert response.context["focus"] == lines
    page = response.content.decode()
    assert "What we will work on" in page
    assert "What we found" not in page
    assert all(escape(line) in page for line in lines)


def test_builder_search_library_by_target(as_therapist: HttpClient, version: PlanVersion) -> None:
    response = as_therapist.get(reverse("plan_builder", args=[version.pk]), {"q": "core"})
    names = [entry.name for entry in response.context["results"]]
    assert "Forearm plank" in names


def test_builder_actions_change_the_draft(as_therapist: HttpClient, version: PlanVersion) -> None:
    assert press(as_therapist, version, action="add:plank").status_code == 302
    plank = version.items.get(slug="plank")
    assert item_order(version)[-1] == "plank"
    press(as_therapist, version, action=f"up:{plank.pk}")
    assert item_order(version)[-2] == "plank"
    response = press(
        as_therapist,
        version,
        **{
            f"item-{plank.pk}-hold_seconds": "40",
            f"item-{plank.pk}-repetitions": "3",
            f"item-{plank.pk}-days_per_week": "3",
            f"item-{plank.pk}-side": "none",
            f"item-{plank.pk}-note": "On your knees at first",
            "message": "See you in two weeks.",
        },
    )
    assert response.status_code == 302
    plank.refresh_from_db()
    version.refresh_from_db()
    assert (plank.hold_seconds, plank.note) == (40, "On your knees at first")
    assert version.message == "See you in two weeks."
    press(as_therapist, version, action=f"remove:{plank.pk}")
    assert not version.items.filter(slug="plank").exists()


def test_builder_button_keeps_every_other_items_edit(
    as_therapist: HttpClient, version: PlanVersion
) -> None:
    """The defect: a 45 s hold typed in item 1, then item 2's button, put item 1 back to 30."""
    first, second = version.items.order_by("position")[:2]
    press(
        as_therapist,
        version,
        action=f"down:{second.pk}",
        **{f"item-{first.pk}-hold_seconds": "45", f"item-{second.pk}-note": "Slowly"},
    )
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.hold_seconds, second.note) == (45, "Slowly")
    assert second.position == 3


def test_builder_add_puts_the_item_where_asked(
    as_therapist: HttpClient, version: PlanVersion
) -> None:
    before = item_order(version)
    press(as_therapist, version, action="add:plank", add_at="2")
    assert item_order(version) == [before[0], "plank", *before[1:]]
    press(as_therapist, version, action="add:bird-dog", add_at="1")
    assert item_order(version)[:3] == ["bird-dog", before[0], "plank"]


def test_builder_saves_a_reordered_list_in_one_post(
    as_therapist: HttpClient, version: PlanVersion
) -> None:
    """What the page's script posts after moving items in place (drag or arrows)."""
    ids = list(version.items.order_by("position").values_list("pk", flat=True))
    moved = [ids[-1], *ids[:-1]]
    response = press(as_therapist, version, order=",".join(map(str, moved)))
    assert response.status_code == 302
    assert list(version.items.order_by("position").values_list("pk", flat=True)) == moved


def test_builder_removed_list_removes_them_and_keeps_the_rest(
    as_therapist: HttpClient, version: PlanVersion
) -> None:
    ids = list(version.items.order_by("position").values_list("pk", flat=True))
    kept = ",".join(map(str, ids[1:]))
    press(as_therapist, version, order=kept, removed=str(ids[0]))
    assert list(version.items.order_by("position").values_list("pk", flat=True)) == ids[1:]


def test_builder_invalid_dose_shows_error_and_keeps_every_input(
    as_therapist: HttpClient, version: PlanVersion
) -> None:
    first, second = version.items.order_by("position")[:2]
    response = press(
        as_therapist,
        version,
        **{f"item-{first.pk}-sets": "99", f"item-{second.pk}-note": "Keep this"},
        message="And this",
    )
    page = response.content.decode()
    assert "Ensure this value is less than or equal to 10." in page
    assert 'value="99"' in page
    assert 'value="Keep this"' in page
    assert "And this</textarea>" in page
    assert "Not saved yet" in page
    second.refresh_from_db()
    assert second.note == ""


def test_builder_same_form_posted_twice_saves_once(
    as_therapist: HttpClient, version: PlanVersion
) -> None:
    item = version.items.order_by("position").first()
    data = builder_post(version, **{f"item-{item.pk}-note": "Twice"})
    url = reverse("plan_action", args=[version.pk])
    answers = [as_therapist.post(url, data).status_code for _ in range(2)]
    version.refresh_from_db()
    assert (answers, version.lock) == ([302, 302], 2)


def test_builder_conflict_keeps_the_typed_values_over_the_current_plan(
    as_therapist: HttpClient, therapist: User, version: PlanVersion
) -> None:
    first = version.items.order_by("position").first()
    stale = builder_post(version, **{f"item-{first.pk}-note": "Mine"})
    plan_message_update(actor=therapist, version=version, expected_lock=1, message="Theirs")
    added = plan_item_add(actor=therapist, version=version, expected_lock=2, slug="plank")
    response = as_therapist.post(reverse("plan_action", args=[version.pk]), stale)
    page = response.content.decode()
    assert response.status_code == 409
    assert "nothing was saved" in page
    assert 'value="Mine"' in page
    assert f'id="item-{added.pk}"' in page  # the colleague's addition, as stored
    assert response.context["editor"].plan["lock"].value() == "3"
    first.refresh_from_db()
    assert first.note == ""


def test_builder_new_version_offers_the_last_message_without_reusing_it(
    as_therapist: HttpClient, therapist: User, version: PlanVersion
) -> None:
    press(as_therapist, version, message="Well done this fortnight.", action="issue")
    as_therapist.post(reverse("plan_revise", args=[version.pk]))
    second = PlanVersion.objects.get(number=2)
    page = as_therapist.get(reverse("plan_builder", args=[second.pk])).content.decode()
    assert second.message == ""
    assert "Version 1 said: <q>Well done this fortnight.</q>" in page
    press(as_therapist, second, action="reuse_message")
    second.refresh_from_db()
    assert second.message == "Well done this fortnight."


def test_builder_search_button_saves_then_shows_results(
    as_therapist: HttpClient, version: PlanVersion
) -> None:
    item = version.items.order_by("position").first()
    response = press(
        as_therapist, version, action="search", q="core", **{f"item-{item.pk}-note": "x"}
    )
    assert response["Location"] == reverse("plan_builder", args=[version.pk]) + "?q=core"
    item.refresh_from_db()
    assert item.note == "x"


def test_builder_library_search_fragment_lists_matches(
    as_therapist: HttpClient, as_outsider: HttpClient, version: PlanVersion
) -> None:
    url = reverse("plan_library", args=[version.pk])
    page = as_therapist.get(url, {"q": "core"}).content.decode()
    assert "Forearm plank" in page
    assert 'value="add:plank"' in page
    assert as_outsider.get(url, {"q": "core"}).status_code == 404


def test_builder_stale_lock_explains_conflict(
    as_therapist: HttpClient, version: PlanVersion
) -> None:
    response = press(as_therapist, version, lock=99, message="x")
    assert response.status_code == 409
    assert "Someone else changed this draft" in response.content.decode()


def test_issue_then_page_is_read_only(as_therapist: HttpClient, version: PlanVersion) -> None:
    press(as_therapist, version, action="issue")
    version.refresh_from_db()
    assert version.is_issued
    page = as_therapist.get(reverse("plan_builder", args=[version.pk])).content.decode()
    assert "Issued versions do not change." in page
    assert 'id="plan-form"' not in page
    response = as_therapist.post(reverse("plan_revise", args=[version.pk]))
    new = PlanVersion.objects.get(number=2)
    assert response["Location"] == reverse("plan_builder", args=[new.pk])


def test_red_flag_builder_shows_referral_and_requires_override(
    as_therapist: HttpClient, therapist: User, red_flag: Assessment
) -> None:
    version = plan_build(actor=therapist, assessment=red_flag)
    page = as_therapist.get(reverse("plan_builder", args=[version.pk])).content.decode()
    assert "Emergency: refer the client for same-day assessment" in page
    press(as_therapist, version, action="add:walking")
    refused = press(as_therapist, version, action="issue")
    assert "give the reason for the override" in refused.content.decode()
    version.refresh_from_db()
    assert not version.is_issued
    press(as_therapist, version, action="issue", override_reason="Cleared by GP today")
    version.refresh_from_db()
    assert (version.is_issued, version.override_reason) == (True, "Cleared by GP today")


def test_issue_with_an_over_long_override_reason_says_so_and_keeps_it(
    as_therapist: HttpClient, therapist: User, red_flag: Assessment
) -> None:
    version = plan_build(actor=therapist, assessment=red_flag)
    reason = "Cleared by GP today. " * 60  # 1,260 characters; at most 1,000
    refused = press(as_therapist, version, action="issue", override_reason=reason)
    page = refused.content.decode()
    assert refused.status_code == 200
    assert "Ensure this value has at most 1000 characters (it has 1259)." in page
    assert reason.strip() in page  # the typed reason is still in the box
    assert "give the reason for the override" not in page  # not the misleading error
    version.refresh_from_db()
    assert (version.is_issued, version.override_reason) == (False, "")


def test_client_page_lists_plan_versions(
    as_therapist: HttpClient, client_record: Client, version: PlanVersion
) -> None:
    page = as_therapist.get(reverse("client_detail", args=[client_record.pk])).content.decode()
    assert reverse("plan_builder", args=[version.pk]) in page
    assert "Version 1" in page


def test_an_account_in_no_clinic_gets_404_for_the_builder(
    client: HttpClient, version: PlanVersion
) -> None:
    """The builder's page scopes the version by the user's membership: none is a 404."""
    client.force_login(UserFactory())
    assert client.get(reverse("plan_builder", args=[version.pk])).status_code == 404


def test_outsider_gets_404_everywhere(
    as_outsider: HttpClient, typical: Assessment, version: PlanVersion
) -> None:
    item = version.items.first()
    assert as_outsider.post(reverse("plan_build", args=[typical.pk])).status_code == 404
    assert as_outsider.get(reverse("plan_builder", args=[version.pk])).status_code == 404
    for action in ["add:plank", f"remove:{item.pk}", "issue", "save"]:
        data = builder_post(version, action=action, message="Not mine")
        response = as_outsider.post(reverse("plan_action", args=[version.pk]), data)
        assert response.status_code == 404
    assert as_outsider.get(reverse("plan_library", args=[version.pk])).status_code == 404
    assert as_outsider.post(reverse("plan_revise", args=[version.pk])).status_code == 404
    version.refresh_from_db()
    assert (version.lock, version.status) == (1, "draft")


@pytest.mark.parametrize(
    ("name", "method"),
    [
        ("plan_build", "post"),
        ("plan_builder", "get"),
        ("plan_action", "post"),
        ("plan_library", "get"),
        ("plan_revise", "post"),
    ],
)
def test_anonymous_is_sent_to_login(client: HttpClient, db: None, name: str, method: str) -> None:
    url = reverse(name, args=[1])
    response = getattr(client, method)(url)
    assert (response.status_code, response["Location"]) == (302, f"/accounts/login/?next={url}")


@pytest.mark.parametrize("added", [0, 2])
def test_builder_query_count_is_flat(
    as_therapist: HttpClient, version: PlanVersion, added: int
) -> None:
    suggested = version.items.count()
    for slug in ["plank", "bird-dog"][:added]:
        press(as_therapist, version, action=f"add:{slug}")
    assert version.items.count() == suggested + added
    # session, user, membership (navigation, and the version's scope), version with its
    # plan, visit and client, items, audit insert, the visit's values and body-chart marks
    # (findings; kept for the next showing), the plan's versions
    with CaptureQueriesContext(connection) as queries:
        response = as_therapist.get(reverse("plan_builder", args=[version.pk]))
    assert len(response.context["rows"]) == version.items.count()
    assert len(queries) == 9, [q["sql"] for q in queries]


@pytest.mark.parametrize("added", [0, 3])
def test_builder_save_checks_only_the_items_that_changed(
    as_therapist: HttpClient, version: PlanVersion, added: int
) -> None:
    """Saving runs the constraint checks of what changed, not of every item on the page."""
    for slug in ["plank", "bird-dog", "dead-bug"][:added]:
        press(as_therapist, version, action=f"add:{slug}")
    first = version.items.order_by("position").first()
    assert first is not None
    data = builder_post(version, message="Keep going", **{f"item-{first.pk}-note": "Slowly"})
    with CaptureQueriesContext(connection) as queries:
        response = as_therapist.post(reverse("plan_action", args=[version.pk]), data)
    assert response.status_code == 302
    first.refresh_from_db()
    version.refresh_from_db()
    assert (first.note, version.message) == ("Slowly", "Keep going")
    # Session, user, version, items; the changed item's 8 constraints checked by its form
    # (3 statements each: a savepoint, the check, its release); in the service: the locked
    # version, items, the same item checks again, the bulk update, the version's bump
    # with its own checks, the audit entry. The same with 3 more items on the page (it
    # was 301 statements for 10 items when every item was checked on every save). The
    # rest and duration bounds (2 constraints x 3 statements, form and service) added 12.
    assert len(queries) == 73, [q["sql"] for q in queries]


def test_builder_reads_the_library_only_for_a_search(
    as_therapist: HttpClient, version: PlanVersion
) -> None:
    url = reverse("plan_builder", args=[version.pk])
    with CaptureQueriesContext(connection) as plain:
        as_therapist.get(url)
    with CaptureQueriesContext(connection) as searched:
        as_therapist.get(url, {"q": "core"})
    table = ClinicIntervention._meta.db_table
    assert [table in q["sql"] for q in plain].count(True) == 0
    assert [table in q["sql"] for q in searched].count(True) == 1


def test_plan_action_item_id_in_other_digits_is_no_item(
    as_therapist: HttpClient, therapist: User, typical: Assessment
) -> None:
    draft = plan_build(actor=therapist, assessment=typical)
    item = draft.items.first()
    assert item is not None
    other_digits = str(item.pk).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    data = builder_post(draft, action=f"remove:{other_digits}")
    response = as_therapist.post(reverse("plan_action", args=[draft.pk]), data)
    assert response.status_code == 400
    assert draft.items.filter(pk=item.pk).exists()

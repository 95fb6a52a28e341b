import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client as HttpClient
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assessments.models import Assessment
from clinic.models import Client
from plans.models import ClinicIntervention, PlanVersion
from plans.services import plan_build


@pytest.fixture
def version(therapist: User, typical: Assessment) -> PlanVersion:
    return plan_build(actor=therapist, assessment=typical)


def _act(http: HttpClient, version: PlanVersion, **data: object) -> object:
    version.refresh_from_db()
    return http.post(reverse("plan_action", args=[version.pk]), {"lock": version.lock, **data})


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


def test_builder_search_library_by_target(as_therapist: HttpClient, version: PlanVersion) -> None:
    response = as_therapist.get(reverse("plan_builder", args=[version.pk]), {"q": "core"})
    names = [entry.name for entry in response.context["results"]]
    assert "Forearm plank" in names


def test_builder_actions_change_the_draft(as_therapist: HttpClient, version: PlanVersion) -> None:
    assert _act(as_therapist, version, action="add", slug="plank").status_code == 302
    plank = version.items.get(slug="plank")
    _act(as_therapist, version, action="up", item=plank.pk)
    response = _act(
        as_therapist,
        version,
        action="update",
        item=plank.pk,
        **{
            f"item-{plank.pk}-hold_seconds": "40",
            f"item-{plank.pk}-repetitions": "3",
            f"item-{plank.pk}-days_per_week": "3",
            f"item-{plank.pk}-side": "none",
            f"item-{plank.pk}-note": "On your knees at first",
        },
    )
    assert response.status_code == 302
    plank.refresh_from_db()
    assert (plank.hold_seconds, plank.note) == (40, "On your knees at first")
    assert plank.position == version.items.count() - 1
    _act(as_therapist, version, action="message", message="See you in two weeks.")
    version.refresh_from_db()
    assert version.message == "See you in two weeks."
    _act(as_therapist, version, action="remove", item=plank.pk)
    assert not version.items.filter(slug="plank").exists()


def test_builder_invalid_dose_shows_error_and_keeps_input(
    as_therapist: HttpClient, version: PlanVersion
) -> None:
    item = version.items.first()
    response = _act(
        as_therapist,
        version,
        action="update",
        item=item.pk,
        **{f"item-{item.pk}-sets": "99", f"item-{item.pk}-side": item.side},
    )
    page = response.content.decode()
    assert "Ensure this value is less than or equal to 10." in page
    assert 'value="99"' in page


def test_builder_stale_lock_explains_conflict(
    as_therapist: HttpClient, version: PlanVersion
) -> None:
    url = reverse("plan_action", args=[version.pk])
    response = as_therapist.post(url, {"lock": 99, "action": "message", "message": "x"})
    assert response.status_code == 409
    assert "Someone else changed this draft" in response.content.decode()


def test_issue_then_page_is_read_only(as_therapist: HttpClient, version: PlanVersion) -> None:
    _act(as_therapist, version, action="issue")
    version.refresh_from_db()
    assert version.is_issued
    page = as_therapist.get(reverse("plan_builder", args=[version.pk])).content.decode()
    assert "Issued versions do not change." in page
    assert 'value="remove"' not in page
    response = as_therapist.post(reverse("plan_revise", args=[version.pk]))
    new = PlanVersion.objects.get(number=2)
    assert response["Location"] == reverse("plan_builder", args=[new.pk])


def test_red_flag_builder_shows_referral_and_requires_override(
    as_therapist: HttpClient, therapist: User, red_flag: Assessment
) -> None:
    version = plan_build(actor=therapist, assessment=red_flag)
    page = as_therapist.get(reverse("plan_builder", args=[version.pk])).content.decode()
    assert "Emergency: refer the client for same-day assessment" in page
    _act(as_therapist, version, action="add", slug="walking")
    refused = _act(as_therapist, version, action="issue")
    assert "give the reason for the override" in refused.content.decode()
    version.refresh_from_db()
    assert not version.is_issued
    _act(as_therapist, version, action="issue", override_reason="Cleared by GP today")
    version.refresh_from_db()
    assert (version.is_issued, version.override_reason) == (True, "Cleared by GP today")


def test_issue_with_an_over_long_override_reason_says_so_and_keeps_it(
    as_therapist: HttpClient, therapist: User, red_flag: Assessment
) -> None:
    version = plan_build(actor=therapist, assessment=red_flag)
    reason = "Cleared by GP today. " * 60  # 1,260 characters; at most 1,000
    refused = _act(as_therapist, version, action="issue", override_reason=reason)
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


def test_outsider_gets_404_everywhere(
    as_outsider: HttpClient, typical: Assessment, version: PlanVersion
) -> None:
    item = version.items.first()
    assert as_outsider.post(reverse("plan_build", args=[typical.pk])).status_code == 404
    assert as_outsider.get(reverse("plan_builder", args=[version.pk])).status_code == 404
    for action in ["add", "remove", "issue", "message"]:
        response = as_outsider.post(
            reverse("plan_action", args=[version.pk]),
            {"lock": 1, "action": action, "item": item.pk, "slug": "plank"},
        )
        assert response.status_code == 404
    assert as_outsider.post(reverse("plan_revise", args=[version.pk])).status_code == 404
    version.refresh_from_db()
    assert (version.lock, version.status) == (1, "draft")


@pytest.mark.parametrize(
    ("name", "method"),
    [
        ("plan_build", "post"),
        ("plan_builder", "get"),
        ("plan_action", "post"),
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
        _act(as_therapist, version, action="add", slug=slug)
    assert version.items.count() == suggested + added
    # session, user, version with its plan, visit, client and clinic, items, audit insert,
    # the visit's values (findings), the plan's versions, membership (navigation)
    with CaptureQueriesContext(connection) as queries:
        response = as_therapist.get(reverse("plan_builder", args=[version.pk]))
    assert len(response.context["items"]) == version.items.count()
    assert len(queries) == 8, [q["sql"] for q in queries]


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
    data = {"action": "remove", "item": other_digits, "lock": str(draft.lock)}
    response = as_therapist.post(reverse("plan_action", args=[draft.pk]), data)
    assert response.status_code == 404
    assert draft.items.filter(pk=item.pk).exists()

"""Hostile input on the plan builder (dose, note, message, add, search, issue), the handout
email and the clinic's library form (tests/hostile.py has the values and the checks)."""

import itertools
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client as HttpClient
from django.urls import reverse
from django.utils.html import escape
from hypothesis import given

from assessments.models import Assessment
from plans.library.forms import INTERVENTION_FIELDS
from plans.models import HandoutEmail, PlanItem, PlanVersion
from plans.services import plan_build, plan_issue, plan_item_add, plan_revise
from tests.hostile import (
    NUL,
    PROFILE,
    SCRIPT,
    assert_never_raw,
    assert_refused,
    assert_refused_or_saved,
    has_nul,
    hostile_values,
    note,
    overrides,
    page,
    with_named,
)
from tests.plans.builder_form import builder_post

# Views and forms over fixtures: make test-sqlite leaves these out (tests/conftest.py).
pytestmark = pytest.mark.same_on_any_database

DOSE = ("hold_seconds", "repetitions", "sets", "times_per_day", "days_per_week", "side", "note")


@pytest.fixture
def draft_plan(therapist: User, typical: Assessment) -> PlanVersion:
    return plan_build(actor=therapist, assessment=typical)


@pytest.fixture
def red_flag_plan(therapist: User, red_flag: Assessment) -> PlanVersion:
    """A red-flag visit's draft with one item added, so a reason is all issuing needs."""
    version = plan_build(actor=therapist, assessment=red_flag)
    plan_item_add(actor=therapist, version=version, expected_lock=version.lock, slug="clamshell")
    return version


@pytest.fixture
def issued_plan(therapist: User, draft_plan: PlanVersion) -> PlanVersion:
    draft_plan.plan.assessment.client.email = "priya@example.com"
    draft_plan.plan.assessment.client.save(update_fields=["email"])
    return plan_issue(actor=therapist, version=draft_plan, expected_lock=draft_plan.lock)


def _fresh(version: PlanVersion) -> tuple[PlanVersion, PlanItem]:
    version.refresh_from_db()
    return version, version.items.order_by("position").first()  # type: ignore[return-value]


def _form_errors(context: Any) -> bool:
    """Whether any form on the builder page (an item's, the message, issuing) has errors."""
    editor = context["editor"]
    forms = [*editor.item_forms.values(), editor.plan, editor.issue]
    return any(form.errors for form in forms)


def _check_builder_answer(response: Any, http: HttpClient, data: dict[str, str]) -> None:
    """Refused at the field (200), refused with the reason (400, 404, 409) or saved (302)."""
    text = page(response)
    assert_never_raw(text)
    status = response.status_code
    note(f"status {status}")
    if status == 200:
        assert _form_errors(response.context), "re-rendered without saying why"
    elif status == 302:
        after = page(http.get(response["Location"]))
        assert_never_raw(after)
        for name, value in data.items():
            if (name == "message" or name.endswith("-note")) and SCRIPT in value:
                assert escape(SCRIPT) in after, f"{name}: saved markup is not shown escaped"
    elif status == 400:
        assert text in {"Unknown action.", "Missing form version."}
    elif status == 409:
        messages = [str(message) for message in response.context["messages"]]
        assert messages, "a refused change without a message"
    else:
        assert status == 404  # the item named is not one of this clinic's


ITEM_FIELDS = tuple(f"item-*-{name}" for name in DOSE)
ROUTING = ("action", "lock", "order", "removed")


def _place(data: dict[str, str], item: PlanItem) -> dict[str, str]:
    """The generated overrides with the item's form prefix filled in."""
    return {name.replace("item-*-", f"item-{item.pk}-"): value for name, value in data.items()}


@PROFILE
@given(data=overrides(ITEM_FIELDS))
@with_named("data", ITEM_FIELDS)
def test_plan_item_hostile_dose_and_note_refused_or_escaped(
    as_therapist: HttpClient, draft_plan: PlanVersion, data: dict[str, str]
) -> None:
    version, item = _fresh(draft_plan)
    placed = _place(data, item)
    response = as_therapist.post(
        reverse("plan_action", args=[version.pk]), builder_post(version, **placed)
    )
    _check_builder_answer(response, as_therapist, placed)
    item.refresh_from_db()
    assert NUL not in item.note


@PROFILE
@given(data=overrides(ROUTING))
@with_named("data", ROUTING)
def test_plan_action_hostile_routing_fields_refused_with_reason(
    as_therapist: HttpClient, draft_plan: PlanVersion, data: dict[str, str]
) -> None:
    version, _ = _fresh(draft_plan)
    response = as_therapist.post(
        reverse("plan_action", args=[version.pk]), builder_post(version, **data)
    )
    assert response.status_code in {200, 302, 400, 409}
    _check_builder_answer(response, as_therapist, data)


MESSAGE_FIELDS = ("message", "slug")


@PROFILE
@given(data=overrides(MESSAGE_FIELDS))
@with_named("data", MESSAGE_FIELDS)
def test_plan_message_and_add_hostile_input_refused_or_escaped(
    as_therapist: HttpClient, draft_plan: PlanVersion, data: dict[str, str]
) -> None:
    version, _ = _fresh(draft_plan)
    posted = {"message": "Keep going", **data}
    if "slug" in posted:
        posted["action"] = f"add:{posted.pop('slug')}"
    response = as_therapist.post(
        reverse("plan_action", args=[version.pk]), builder_post(version, **posted)
    )
    _check_builder_answer(response, as_therapist, data)
    version.refresh_from_db()
    assert NUL not in version.message


@PROFILE
@given(reason=hostile_values())
@with_named("reason")
def test_plan_issue_hostile_override_reason_refused_or_kept(
    as_therapist: HttpClient, red_flag_plan: PlanVersion, reason: str
) -> None:
    version, _ = _fresh(red_flag_plan)
    if version.is_issued:  # issued by an earlier example: work on its next draft
        version = plan_revise(actor=version.issued_by, version=version)
    response = as_therapist.post(
        reverse("plan_action", args=[version.pk]),
        builder_post(version, action="issue", override_reason=reason),
    )
    _check_builder_answer(response, as_therapist, {"override_reason": reason})
    version.refresh_from_db()
    assert NUL not in version.override_reason
    if response.status_code == 302:
        assert (version.is_issued, version.override_reason) == (True, reason.strip())


@PROFILE
@given(query=hostile_values())
@with_named("query")
def test_plan_builder_hostile_search_answers_page(
    as_therapist: HttpClient, draft_plan: PlanVersion, query: str
) -> None:
    response = as_therapist.get(reverse("plan_builder", args=[draft_plan.pk]), {"q": query})
    assert response.status_code == 200
    assert_never_raw(page(response))


@PROFILE
@given(progress=hostile_values())
@with_named("progress")
def test_handout_email_hostile_progress_flag_sends_or_explains(
    as_therapist: HttpClient, issued_plan: PlanVersion, progress: str
) -> None:
    response = as_therapist.post(
        reverse("handout_email", args=[issued_plan.pk]), {"progress": progress}
    )
    assert response["Location"] == reverse("plan_builder", args=[issued_plan.pk])
    assert HandoutEmail.objects.filter(to="priya@example.com").exists()


_numbers = itertools.count()
LIBRARY_TEXT = ("slug", "name", "targets", "summary", "steps", "safety")
LIBRARY_BASELINE = {
    "name": "Doorway stretch",
    "kind": "stretch",
    "steps": "Stand in a doorway.",
    "active": "on",
}


@PROFILE
@given(data=overrides(INTERVENTION_FIELDS))
@with_named("data", INTERVENTION_FIELDS)
def test_library_form_hostile_input_refused_or_escaped(
    as_admin: HttpClient, data: dict[str, str]
) -> None:
    # A fresh slug per example, so the baseline is not refused as already taken.
    posted = {**LIBRARY_BASELINE, "slug": f"doorway-{next(_numbers)}", **data}
    response = as_admin.post(reverse("library_create"), posted)
    if has_nul(data, LIBRARY_TEXT):
        assert_refused(response)
    else:
        assert_refused_or_saved(response, as_admin, posted, shown=("name",))

"""Hostile input on the assessment pages: start, edit (values and narrative), amend,
the live preview and the visit comparison (tests/hostile.py has the values and checks)."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.test import Client as HttpClient
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from assessments.catalogue.items import ITEMS as CATALOGUE
from assessments.catalogue.items import Item
from assessments.forms import AssessmentForm, field_name
from assessments.models import Assessment, Measurement
from assessments.services import NARRATIVE_FIELDS, assessment_start
from clinic.models import Client
from tests.hostile import (
    NUL,
    PROFILE,
    SCRIPT,
    assert_never_raw,
    assert_refused,
    assert_refused_or_saved,
    has_nul,
    hostile_values,
    overrides,
    page,
    with_named,
)
from tests.plans.fixtures import VISIT

# Views and forms over fixtures: make test-sqlite leaves these out (tests/conftest.py).
pytestmark = pytest.mark.same_on_any_database

NARRATIVE_TEXT = tuple(name for name in NARRATIVE_FIELDS if name != "visit_date")
TEXT = (*NARRATIVE_TEXT, "force_position", "psfs_activity_1")
# Every item whose unit or label holds "%": its range message once crashed the save.
PERCENT = tuple(
    field_name(item.code, side)
    for item in CATALOGUE.values()
    if "%" in item.unit + item.label
    for side in item.sides
)
ITEMS = (
    "pain_now",
    "sitting_hours",
    "thomas_hip_angle__left",
    "leg_length_true__right",
    "strength_glute_med__right",
    "agg_sitting",
    "psfs_score_1",
    *PERCENT,
)
EDIT = (*NARRATIVE_FIELDS, *TEXT[-2:], *ITEMS, "version", "confirm_carried")
AMEND = (*EDIT, "reason")


@pytest.fixture
def draft(therapist: User, client_record: Client) -> Assessment:
    return assessment_start(actor=therapist, client=client_record, visit_date=VISIT)


def _baseline(assessment: Assessment) -> dict[str, str]:
    assessment.refresh_from_db()
    return {"version": str(assessment.version), "visit_date": VISIT.isoformat(), "pain_now": "4"}


def _check_saved_or_refused(
    response: object, http: HttpClient, posted: dict[str, str], data: dict[str, str]
) -> None:
    if has_nul(data, TEXT):
        assert_refused(response, fields=[name for name in TEXT if NUL in data.get(name, "")])
    elif response.status_code == 409:  # type: ignore[attr-defined]
        # A posted version that is not the current one: refused with the reason (the edit
        # page's comparison, or the amend form's message), typing kept.
        context = response.context  # type: ignore[attr-defined]
        assert context.get("conflict") is not None or context["form"].non_field_errors()
        assert_never_raw(page(response))
    else:
        assert_refused_or_saved(response, http, posted, shown=TEXT)


def test_assessment_edit_baseline_is_valid(as_therapist: HttpClient, draft: Assessment) -> None:
    response = as_therapist.post(reverse("assessment_edit", args=[draft.pk]), _baseline(draft))
    assert response.status_code == 302
    assert Measurement.objects.get(assessment=draft).item == "pain_now"


@PROFILE
@given(data=overrides(EDIT))
@with_named("data", EDIT)
def test_assessment_edit_hostile_input_refused_or_escaped(
    as_therapist: HttpClient, draft: Assessment, data: dict[str, str]
) -> None:
    posted = {**_baseline(draft), **data}
    response = as_therapist.post(reverse("assessment_edit", args=[draft.pk]), posted)
    _check_saved_or_refused(response, as_therapist, posted, data)


@PROFILE
@given(data=overrides(AMEND))
@with_named("data", AMEND)
def test_assessment_amend_hostile_input_refused_or_escaped(
    as_therapist: HttpClient, typical: Assessment, data: dict[str, str]
) -> None:
    posted = {**_baseline(typical), "reason": "Corrected a typing slip", **data}
    response = as_therapist.post(reverse("assessment_amend", args=[typical.pk]), posted)
    _check_saved_or_refused(response, as_therapist, posted, data)


def _item_of(name: str) -> Item:
    return CATALOGUE[name.split("__")[0]]


def _out_of_range(item: Item) -> st.SearchStrategy[Decimal]:
    """A value beyond the item's bounds, with no more decimals than it allows."""
    low, high = Decimal(str(item.minimum)), Decimal(str(item.maximum))
    step = Decimal(1).scaleb(-item.decimals)
    options = {"places": item.decimals, "allow_nan": False, "allow_infinity": False}
    return st.one_of(
        st.decimals(min_value=low - 10_000, max_value=low - step, **options),
        st.decimals(min_value=high + step, max_value=high + 10_000, **options),
    )


def _percent_out_of_range() -> st.SearchStrategy[tuple[str, Decimal]]:
    return st.sampled_from(PERCENT).flatmap(
        lambda name: st.tuples(st.just(name), _out_of_range(_item_of(name)))
    )


def _assert_range_message(response: object, name: str, value: Decimal) -> None:
    """Refused next to the field with the normal range message, the typed value kept."""
    assert_refused(response, fields=[name])
    form = response.context["form"]  # type: ignore[attr-defined]
    expected = AssessmentForm().fields[name].error_messages["max_value"]
    assert ("%" in expected, form.errors[name]) == (True, [expected])
    assert f'value="{value}"' in page(response)


def test_percent_items_are_covered() -> None:
    assert PERCENT == ("odi_percent",)


@settings(PROFILE, max_examples=10)  # one item, a number below or above its range
@given(case=_percent_out_of_range())
def test_assessment_edit_percent_item_out_of_range_refused_at_field(
    as_therapist: HttpClient, draft: Assessment, case: tuple[str, Decimal]
) -> None:
    name, value = case
    posted = {**_baseline(draft), name: str(value)}
    response = as_therapist.post(reverse("assessment_edit", args=[draft.pk]), posted)
    _assert_range_message(response, name, value)


@settings(PROFILE, max_examples=10)
@given(case=_percent_out_of_range())
def test_assessment_amend_percent_item_out_of_range_refused_at_field(
    as_therapist: HttpClient, typical: Assessment, case: tuple[str, Decimal]
) -> None:
    name, value = case
    posted = {**_baseline(typical), "reason": "Copied the total", name: str(value)}
    response = as_therapist.post(reverse("assessment_amend", args=[typical.pk]), posted)
    _assert_range_message(response, name, value)


@PROFILE
@given(data=overrides(EDIT))
@with_named("data", EDIT)
def test_assessment_preview_hostile_input_answers_page(
    as_therapist: HttpClient, draft: Assessment, data: dict[str, str]
) -> None:
    response = as_therapist.post(reverse("assessment_preview", args=[draft.pk]), data)
    assert response.status_code == 200
    assert_never_raw(page(response))


@PROFILE
@given(data=overrides(("visit_date", "copy_forward")))
@with_named("data", ("visit_date", "copy_forward"))
def test_assessment_start_hostile_input_refused_or_saved(
    as_therapist: HttpClient, client_record: Client, data: dict[str, str]
) -> None:
    posted = {"visit_date": VISIT.isoformat(), **data}
    response = as_therapist.post(reverse("assessment_start", args=[client_record.pk]), posted)
    assert_refused_or_saved(response, as_therapist, posted)


@PROFILE
@given(data=overrides(("a", "b")))
@with_named("data", ("a", "b"))
def test_compare_hostile_visit_ids_show_choice_or_404(
    as_therapist: HttpClient, client_record: Client, typical: Assessment, data: dict[str, str]
) -> None:
    response = as_therapist.get(reverse("assessment_compare", args=[client_record.pk]), data)
    assert response.status_code in {200, 404}
    assert_never_raw(page(response))


@pytest.mark.parametrize("value", ["²", "9" * 5000, "٣"])
def test_compare_odd_digits_show_choice(
    as_therapist: HttpClient, client_record: Client, typical: Assessment, value: str
) -> None:
    # "²" passes str.isdigit() but not int(); 5,000 digits pass neither int() nor an id.
    response = as_therapist.get(
        reverse("assessment_compare", args=[client_record.pk]), {"a": value, "b": "1"}
    )
    assert response.status_code in {200, 404}


def test_assessment_narrative_nul_is_a_field_error(
    as_therapist: HttpClient, draft: Assessment
) -> None:
    posted = {**_baseline(draft), "notes": f"hip{NUL}pain"}
    response = as_therapist.post(reverse("assessment_edit", args=[draft.pk]), posted)
    assert response.context["form"].errors["notes"] == ["Null characters are not allowed."]
    draft.refresh_from_db()
    assert (draft.version, draft.notes) == (1, "")


def test_assessment_narrative_markup_is_stored_and_shown_escaped(
    as_therapist: HttpClient, draft: Assessment
) -> None:
    posted = {**_baseline(draft), "presenting_complaint": SCRIPT}
    as_therapist.post(reverse("assessment_edit", args=[draft.pk]), posted)
    draft.refresh_from_db()
    text = page(as_therapist.get(reverse("assessment_detail", args=[draft.pk])))
    assert draft.presenting_complaint == SCRIPT
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert_never_raw(text)


@PROFILE
@given(value=hostile_values())
@with_named("value")
def test_assessment_text_item_hostile_value_refused_or_kept_escaped(
    as_therapist: HttpClient, draft: Assessment, value: str
) -> None:
    posted = {**_baseline(draft), "psfs_activity_1": value}
    response = as_therapist.post(reverse("assessment_edit", args=[draft.pk]), posted)
    if NUL in value or len(value.strip()) > 120:
        assert_refused(response, fields=["psfs_activity_1"])
    else:
        assert_refused_or_saved(response, as_therapist, posted, shown=["psfs_activity_1"])

"""Adding by hand is checked like a suggestion: contraindications ask for a reason, older
clients get the older-adult dose; a clinic's copy keeps both doses and its own
contraindications (docs/rules.md "Adding by hand", docs/library.md)."""

import datetime

import pytest
from django.contrib.auth.models import User
from django.test import Client as HttpClient
from django.urls import reverse

from clinic.models import AuditEntry, Client, Clinic
from plans.library import BY_SLUG
from plans.library.clinic import library_for
from plans.library.forms import ClinicInterventionForm, initial_from_built_in
from plans.models import ClinicIntervention, PlanVersion
from plans.services import Contraindicated, plan_build, plan_item_add
from tests.plans.builder_form import builder_post
from tests.plans.fixtures import TYPICAL, make_assessment

HIP = {**TYPICAL, ("faber", "left"): "positive", ("faber_pain_site", "left"): "groin"}


@pytest.fixture
def hip_plan(therapist: User, client_record: Client) -> PlanVersion:
    return plan_build(actor=therapist, assessment=make_assessment(therapist, client_record, HIP))


def test_contraindicated_add_needs_a_reason_which_is_stored_and_audited(
    therapist: User, hip_plan: PlanVersion
) -> None:
    count = hip_plan.items.count()
    with pytest.raises(Contraindicated) as refused:
        plan_item_add(actor=therapist, version=hip_plan, expected_lock=1, slug="pigeon-pose")
    assert refused.value.titles == ("Hip joint suspected",)
    assert hip_plan.items.count() == count
    item = plan_item_add(
        actor=therapist,
        version=hip_plan,
        expected_lock=1,
        slug="pigeon-pose",
        override_reason="  Cleared by the orthopaedic surgeon last week.  ",
    )
    assert item.override_reason == "Cleared by the orthopaedic surgeon last week."
    assert item.content["contraindicated_by"] == ["Hip joint suspected"]
    entry = AuditEntry.objects.filter(object_type="plan").latest("pk")
    over = "over contraindication hip_joint_suspected"
    assert entry.detail == f"v1: added pigeon-pose at {count + 1} {over}"
    # Not contraindicated: the reason is not asked for and not kept.
    plain = plan_item_add(
        actor=therapist, version=hip_plan, expected_lock=2, slug="plank", override_reason="x"
    )
    assert (plain.override_reason, "contraindicated_by" in plain.content) == ("", False)


def test_manual_add_gives_an_older_client_the_older_adult_dose(
    therapist: User, client_record: Client, clinic: Clinic
) -> None:
    client_record.date_of_birth = datetime.date(1955, 1, 1)  # 71 on the visit date
    client_record.save()
    version = plan_build(actor=therapist, assessment=make_assessment(therapist, client_record, {}))
    item = plan_item_add(actor=therapist, version=version, expected_lock=1, slug="clamshell")
    older = BY_SLUG["clamshell"].older_dose
    assert (item.sets, item.repetitions, item.days_per_week) == (
        older.sets,
        older.repetitions,
        older.days_per_week,
    )


def test_clinic_copy_keeps_both_doses_and_adds_its_contraindications(clinic: Clinic) -> None:
    base = BY_SLUG["clamshell"]
    row = ClinicIntervention.objects.create(
        clinic=clinic,
        slug="clamshell",
        name="Clam (our way)",
        kind="strengthen",
        steps="Lie on your side.",
        sets=2,
        repetitions=15,
        contraindications=["knee_valgus"],
    )
    entry = library_for(clinic)["clamshell"]
    assert entry.older_dose == base.older_dose  # an edited dose no longer replaces it
    assert entry.contraindications == (*base.contraindications, "knee_valgus")
    row.older_sets, row.older_repetitions = 1, 8
    row.save()
    older = library_for(clinic)["clamshell"].older_dose
    assert (older.sets, older.repetitions, older.days_per_week) == (1, 8, None)


def test_clinic_form_offers_findings_by_title_and_the_older_dose(clinic: Clinic) -> None:
    initial = initial_from_built_in(BY_SLUG["pigeon-pose"])
    data = {**{k: "" if v is None else v for k, v in initial.items()}, "kind": "stretch"}
    data["contraindications"] = ["hip_joint_suspected", "not_a_code"]
    data["older_hold_seconds"] = "500"
    form = ClinicInterventionForm(data, clinic=clinic)
    assert ("hip_joint_suspected", "Hip joint suspected") in form.fields[
        "contraindications"
    ].choices
    assert not form.is_valid()
    assert set(form.errors) == {"contraindications", "older_hold_seconds"}
    data["contraindications"], data["older_hold_seconds"] = ["hip_joint_suspected"], "60"
    form = ClinicInterventionForm(data, clinic=clinic)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["contraindications"] == ["hip_joint_suspected"]


def test_builder_add_warns_keeps_the_reason_field_then_adds_with_it(
    as_therapist: HttpClient, hip_plan: PlanVersion
) -> None:
    url = reverse("plan_action", args=[hip_plan.pk])
    page = as_therapist.post(url, builder_post(hip_plan, action="add:pigeon-pose", add_at="1"))
    assert page.status_code == 200
    html = page.content.decode()
    assert 'id="add-refused"' in html
    assert "Pigeon pose is contraindicated for this visit (Hip joint suspected)" in html
    assert 'value="add:pigeon-pose"' in html
    assert '<option value="1" selected>' in html
    assert not hip_plan.items.filter(slug="pigeon-pose").exists()
    hip_plan.refresh_from_db()
    done = as_therapist.post(
        url,
        builder_post(hip_plan, action="add:pigeon-pose", add_reason="Cleared by the surgeon."),
    )
    assert done.status_code == 302
    shown = as_therapist.get(done["Location"]).content.decode()
    assert "added by hand because: Cleared by the surgeon." in shown

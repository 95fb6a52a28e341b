import datetime

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models

from clinic.models import Client, Clinic
from clinic.text_limits import limit_help

OUR_APPS = ("clinic", "assessments", "treatment", "plans")
TEXT_FIELDS = sorted(
    f"{model._meta.label}.{field.name}"
    for app in OUR_APPS
    for model in apps.get_app_config(app).get_models()
    for field in model._meta.get_fields()
    if isinstance(field, models.TextField)
)


def test_free_text_fields_are_all_found() -> None:
    # The property below would pass vacuously without them.
    assert TEXT_FIELDS == [
        "assessments.Amendment.reason",
        "assessments.Assessment.goals",
        "assessments.Assessment.notes",
        "assessments.Assessment.presenting_complaint",
        "assessments.Assessment.treatment_today",
        "clinic.Client.notes",
        "clinic.Clinic.address",
        "clinic.Clinic.handout_footer",
        "plans.ClinicIntervention.steps",
        "plans.PlanVersion.message",
        "plans.PlanVersion.override_reason",
        "treatment.TreatmentAmendment.reason",
    ]


@pytest.mark.parametrize("name", TEXT_FIELDS)
def test_free_text_field_limit_is_enforced_by_the_model_and_stated(name: str) -> None:
    # A TextField's max_length binds only its form; full_clean needs the validator.
    label, field_name = name.rsplit(".", 1)
    field = apps.get_model(label)._meta.get_field(field_name)
    assert isinstance(field, models.TextField)
    limit = field.max_length
    assert isinstance(limit, int)
    assert 500 <= limit <= 10_000
    assert MaxLengthValidator(limit) in field.validators
    assert str(field.help_text).endswith(limit_help(limit))


def test_limit_help_groups_thousands() -> None:
    assert limit_help(4000) == "Up to 4,000 characters."


def test_pasted_text_is_refused_by_full_clean(clinic: Clinic) -> None:
    client = Client(
        clinic=clinic,
        given_name="Ann",
        family_name="Lee",
        date_of_birth=datetime.date(1980, 1, 1),
        notes="x" * 200_000,
    )
    with pytest.raises(ValidationError) as raised:
        client.full_clean()
    assert raised.value.message_dict == {
        "notes": ["Ensure this value has at most 10000 characters (it has 200000)."]
    }

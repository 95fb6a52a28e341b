"""The clinic's own techniques: the list's query count, a refused name kept as typed."""

import pytest
from django.test import Client as HttpClient
from django.urls import reverse

from clinic.models import Clinic
from treatment.models import ClinicTechnique

OWN = {"name": "Scar work", "description": "Moving a healed scar.", "depth": "light"}


@pytest.mark.parametrize("rows", [1, 3])
def test_technique_list_query_count_is_flat(
    as_admin: HttpClient,
    clinic: Clinic,
    rows: int,
    django_assert_num_queries: pytest.FixtureRequest,
) -> None:
    for number in range(rows):
        ClinicTechnique.objects.create(
            clinic=clinic, **{**OWN, "name": f"Own {number}", "scope": "physio"}
        )
    # session, user, membership, the clinic's rows
    with django_assert_num_queries(4):  # type: ignore[operator]
        response = as_admin.get(reverse("technique_list"))
    assert len(response.context["own"]) == rows


def test_technique_name_taken_is_refused_and_input_kept(
    as_admin: HttpClient, clinic: Clinic
) -> None:
    created = as_admin.post(reverse("technique_create"), {**OWN, "scope": "physio"})
    assert created.status_code == 302
    again = as_admin.post(
        reverse("technique_create"), {**OWN, "scope": "hands_on", "description": "Typed again."}
    )
    html = again.content.decode()
    assert again.status_code == 200
    assert "already exists" in html
    assert "Typed again." in html
    assert ClinicTechnique.objects.filter(clinic=clinic).count() == 1

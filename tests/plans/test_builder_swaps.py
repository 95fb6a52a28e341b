"""The builder's slot and chain buttons: an item swapped for another in its slot, or moved to
the next or previous level of its chain, in place and keeping every other edit."""

from django.test import Client as HttpClient
from django.urls import reverse

from clinic.models import AuditEntry
from plans.models import PlanVersion
from tests.plans.builder_form import item_order, press


def test_builder_offers_one_slot_and_swaps_in_place(
    as_therapist: HttpClient, version: PlanVersion
) -> None:
    """Kneeling and standing hip flexor stretches share a slot: one place, a swap offered."""
    slugs = item_order(version)
    assert "lunge-stretch" not in slugs
    stretch = version.items.get(slug="kneeling-hip-flexor-stretch")
    page = as_therapist.get(reverse("plan_builder", args=[version.pk])).content.decode()
    assert f'value="swap:{stretch.pk}:lunge-stretch"' in page
    press(
        as_therapist,
        version,
        action=f"swap:{stretch.pk}:lunge-stretch",
        **{f"item-{stretch.pk}-note": "Standing suits you better"},
    )
    stretch.refresh_from_db()
    swapped = ["lunge-stretch" if s == "kneeling-hip-flexor-stretch" else s for s in slugs]
    assert item_order(version) == swapped  # in the same place
    assert (stretch.slug, stretch.name, stretch.note) == (
        "lunge-stretch",
        "Standing lunge stretch",
        "Standing suits you better",
    )
    assert stretch.content["alternatives"] == [
        {"slug": "kneeling-hip-flexor-stretch", "name": "Kneeling hip flexor stretch"}
    ]


def test_builder_swap_for_an_entry_not_offered_is_refused(
    as_therapist: HttpClient, version: PlanVersion
) -> None:
    stretch = version.items.get(slug="kneeling-hip-flexor-stretch")
    response = press(as_therapist, version, action=f"swap:{stretch.pk}:plank")
    assert response.status_code == 409
    assert (
        "plank is not offered in place of Kneeling hip flexor stretch."
        in response.content.decode()
    )
    stretch.refresh_from_db()
    assert stretch.slug == "kneeling-hip-flexor-stretch"


def test_builder_progresses_and_regresses_an_item_in_place(
    as_therapist: HttpClient, version: PlanVersion
) -> None:
    """Harder and Easier replace the item with the next or previous level of its chain,
    saving every other edit on the page; the last level offers no Harder."""
    if not version.items.filter(slug="clamshell").exists():
        press(as_therapist, version, action="add:clamshell")
    clam = version.items.get(slug="clamshell")
    slugs = item_order(version)
    page = as_therapist.get(reverse("plan_builder", args=[version.pk])).content.decode()
    assert f'value="progress:{clam.pk}"' in page
    assert "Harder: Clamshell with a band" in page
    response = press(
        as_therapist,
        version,
        action=f"progress:{clam.pk}",
        message="Well done",
        **{f"item-{clam.pk}-note": "Knees together", f"item-{clam.pk}-side": "left"},
    )
    assert response.status_code == 302
    clam.refresh_from_db()
    version.refresh_from_db()
    assert item_order(version) == ["banded-clamshell" if s == "clamshell" else s for s in slugs]
    assert (clam.slug, clam.note, clam.side, version.message) == (
        "banded-clamshell",
        "Knees together",
        "left",
        "Well done",
    )
    assert (clam.load, clam.repetitions, clam.sets) == ("a light resistance band", 12, 3)
    assert AuditEntry.objects.filter(detail__endswith="progressed clamshell to banded-clamshell")
    press(as_therapist, version, action=f"regress:{clam.pk}")
    clam.refresh_from_db()
    assert (clam.slug, clam.load, clam.note) == ("clamshell", "", "Knees together")

    if not version.items.filter(slug="bird-dog").exists():
        press(as_therapist, version, action="add:bird-dog")
    bird = version.items.get(slug="bird-dog")
    response = press(as_therapist, version, action=f"progress:{bird.pk}")
    assert response.status_code == 409
    assert "Bird dog has no harder level." in response.content.decode()

"""Plan writes other than the whole-draft save (plans.services.drafts): build, add, swap,
progress or regress a level. All audited; issuing, revising and the builder's read entry
are in plans.services.issue.

A draft version carries a `lock` number; every edit names the lock it was made against
and is refused (PlanConflict) if someone else changed the draft in between.
"""

from collections.abc import Mapping

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from assessments.interpretation import findings as assessment_findings
from assessments.models import Assessment
from clinic.models import AuditAction
from clinic.services.audit import audit_client_record
from plans.library import Intervention
from plans.library.chains import neighbour
from plans.library.clinic import library_for
from plans.models import Plan, PlanItem, PlanVersion
from plans.rules.engine import suggest
from plans.services.errors import Contraindicated
from plans.services.items import (
    alternatives_of,
    dose_values,
    entry_content,
    item_from_suggestion,
    older_client,
)
from plans.services.steps import bump_lock, locked_draft


@transaction.atomic
def plan_build(*, actor: User, assessment: Assessment) -> PlanVersion:
    """The plan's current version, creating the plan and a suggested first draft if new.

    Side effects: plan, version 1 and its items from the rules; audit entry (create).
    """
    # Lock the visit first: a second "Build plan" (a double click) waits here, then finds
    # the plan the first one made instead of failing on the one-plan-per-visit constraint.
    Assessment.objects.select_for_update(no_key=True).only("pk").get(pk=assessment.pk)
    existing = PlanVersion.objects.filter(plan__assessment=assessment).order_by("-number").first()
    if existing is not None:
        return existing
    plan = Plan.objects.create(assessment=assessment, created_by=actor)
    version = PlanVersion.objects.create(plan=plan, number=1, created_by=actor)
    client = assessment.client
    library = library_for(client.clinic)
    found = assessment_findings(assessment)
    suggestions = suggest(found, age=client.age_on(assessment.visit_date))
    present = {f.code for f in found}
    # A clinic's copy may carry contraindications of its own: never suggested then either.
    chosen = [
        suggestion
        for suggestion in (*suggestions.home, *suggestions.advice, *suggestions.in_clinic)
        if suggestion.slug in library
        and not present.intersection(library[suggestion.slug].contraindications)
    ]
    older = older_client(assessment)
    items = [
        item_from_suggestion(version, position, suggestion, library, older=older)
        for position, suggestion in enumerate(chosen, start=1)
    ]
    PlanItem.objects.bulk_create(items)
    audit_client_record(
        actor=actor,
        client=client,
        action=AuditAction.CREATE,
        object_type="plan",
        object_id=plan.pk,
        detail=f"v1 with {len(items)} suggested items",
    )
    return version


@transaction.atomic
def plan_item_add(
    *,
    actor: User,
    version: PlanVersion,
    expected_lock: int,
    slug: str,
    position: int | None = None,
    override_reason: str = "",
) -> PlanItem:
    """Put a library entry into the draft at `position` (1 is first; None: at the end).

    Checked like a suggestion (docs/rules.md "Adding by hand"): an entry a finding of the
    visit contraindicates is refused (Contraindicated) unless `override_reason` gives the
    reason, which is stored with the item; an older client gets the older-adult dose.
    Side effects: the items after it move down one; lock bump; audit entry (naming the
    contraindicating findings when overridden).
    """
    current = locked_draft(version, expected_lock)
    assessment = current.plan.assessment
    library = library_for(assessment.client.clinic)
    if slug not in library:
        raise ValidationError({"slug": "That intervention is not in the library."})
    items = list(current.items.order_by("position", "pk"))
    if any(row.slug == slug for row in items):
        raise ValidationError({"slug": f"{library[slug].name} is already in the plan."})
    entry = library[slug]
    found = {f.code: f.title for f in assessment_findings(assessment)}
    codes = tuple(code for code in entry.contraindications if code in found)
    reason = override_reason.strip() if codes else ""
    if codes and not reason:
        raise Contraindicated(entry, codes, tuple(found[code] for code in codes))
    content = entry_content(entry)
    if codes:
        content["contraindicated_by"] = [found[code] for code in codes]
    place = len(items) if position is None else min(max(position - 1, 0), len(items))
    dose = entry.older_dose if older_client(assessment) else entry.dose
    item = PlanItem(
        plan_version=current,
        position=place + 1,
        slug=slug,
        kind=str(entry.kind),
        side="both" if entry.per_side else "none",
        content=content,
        override_reason=reason,
        **dose_values(dose),
    )
    item.full_clean(exclude=["position"])
    later = items[place:]
    for offset, row in enumerate(later, start=place + 2):
        row.position = offset
    PlanItem.objects.bulk_update(later, ["position"])
    item.save()
    over = f" over contraindication {', '.join(codes)}" if codes else ""
    bump_lock(current, actor, f"added {slug} at {place + 1}{over}")
    return item


@transaction.atomic
def plan_item_swap(
    *, actor: User, version: PlanVersion, expected_lock: int, item_id: int, slug: str
) -> PlanItem:
    """Put one of an item's alternatives (the same slot) in its place.

    The new entry keeps the item's place, side, reasons and note; its dose is the entry's
    (the older-adult dose for a client of that age); the old entry becomes an alternative,
    so the swap can be undone. Side effects: lock bump; audit entry.
    """
    current = locked_draft(version, expected_lock)
    item = current.items.filter(pk=item_id).first()
    if item is None:
        raise ValidationError("That item is not in this plan.")
    offered = [option["slug"] for option in item.content.get("alternatives", [])]
    if slug not in offered:
        raise ValidationError(f"{slug} is not offered in place of {item.name}.")
    library = library_for(current.plan.assessment.client.clinic)
    others = [item.slug, *(other for other in offered if other != slug)]
    old_slug = item.slug
    _put_entry(current, item, slug, library, alternatives_of(others, library))
    bump_lock(current, actor, f"swapped {old_slug} for {slug}")
    return item


def _put_entry(
    version: PlanVersion,
    item: PlanItem,
    slug: str,
    library: Mapping[str, Intervention],
    alternatives: list[dict[str, str]],
) -> None:
    """Put this entry in the item's place: same position, side, reasons and note; the entry's
    wording and dose (the older-adult dose for a client of that age). Saves the item."""
    if slug not in library:
        raise ValidationError("That intervention is no longer in the library.")
    entry = library[slug]
    older = older_client(version.plan.assessment)
    item.slug = slug
    item.kind = str(entry.kind)
    item.content = {**entry_content(entry), "alternatives": alternatives}
    for name, value in dose_values(entry.older_dose if older else entry.dose).items():
        setattr(item, name, value)
    if not entry.per_side:
        item.side, item.emphasis = "none", ""
    elif item.side == "none":
        item.side = "both"
    item.full_clean()
    item.save()


@transaction.atomic
def plan_item_step(
    *, actor: User, version: PlanVersion, expected_lock: int, item_id: int, direction: str
) -> PlanItem:
    """Put the next level ("progress") or the previous one ("regress") of the item's
    progression chain (plans.library.chains) in its place, as a swap does.

    The item keeps its place, side, reasons, note and alternatives (less the new entry).
    Refused (ValidationError) for an item in no chain, at the chain's end, or whose next
    level is already in the plan. Side effects: lock bump; audit entry.
    """
    current = locked_draft(version, expected_lock)
    item = current.items.filter(pk=item_id).first()
    if item is None:
        raise ValidationError("That item is not in this plan.")
    slug = neighbour(item.slug, direction)
    if slug is None:
        word = "harder" if direction == "progress" else "easier"
        raise ValidationError(f"{item.name} has no {word} level.")
    library = library_for(current.plan.assessment.client.clinic)
    if current.items.filter(slug=slug).exists():
        name = library[slug].name if slug in library else slug
        raise ValidationError(f"{name} is already in this plan.")
    kept = [option for option in item.content.get("alternatives", []) if option["slug"] != slug]
    old_slug = item.slug
    _put_entry(current, item, slug, library, kept)
    verb = "progressed" if direction == "progress" else "regressed"
    bump_lock(current, actor, f"{verb} {old_slug} to {slug}")
    return item

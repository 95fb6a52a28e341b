"""Plan writes other than the whole-draft save (plans.services.drafts): build, add, swap,
progress or regress a level, issue, revise, and the builder's read entry. All audited.

A draft version carries a `lock` number; every edit names the lock it was made against
and is refused (PlanConflict) if someone else changed the draft in between.
"""

from collections.abc import Iterable, Mapping
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from assessments.interpretation import findings as assessment_findings
from assessments.models import Assessment
from clinic.models import AuditAction
from clinic.services.audit import audit_client_record
from plans.handout.services import handout_issue
from plans.library import BY_SLUG, Dose, Intervention
from plans.library.chains import neighbour
from plans.library.clinic import library_for
from plans.models import DOSE_FIELDS, Plan, PlanItem, PlanVersion, VersionStatus
from plans.program.services import program_link_issue
from plans.rules.engine import OLDER_ADULT_AGE, Suggestion, suggest


class PlanConflict(Exception):
    """The draft changed since the editor loaded it; nothing was written."""


class PlanLocked(Exception):
    """An issued version cannot change; revise it into a new version instead."""


class PlanBlocked(Exception):
    """Issuing needs an override reason because the visit has red flags."""


class Contraindicated(ValidationError):
    """Adding this entry needs a reason: a finding of the visit contraindicates it."""

    def __init__(self, entry: Intervention, codes: tuple[str, ...], titles: tuple[str, ...]):
        self.slug, self.name, self.codes, self.titles = entry.slug, entry.name, codes, titles
        super().__init__(
            {
                "override_reason": (
                    f"{entry.name} is contraindicated for this visit ({', '.join(titles)}). "
                    "To add it anyway, give the reason."
                )
            }
        )


def _older(assessment: Assessment) -> bool:
    """The older-adult dose applies: the client's age on the visit date (rules engine)."""
    age = assessment.client.age_on(assessment.visit_date)
    return age is not None and age >= OLDER_ADULT_AGE


def _audit(actor: User, version: PlanVersion, detail: str) -> None:
    client = version.plan.assessment.client
    audit_client_record(
        actor=actor,
        client=client,
        action=AuditAction.CHANGE,
        object_type="plan",
        object_id=version.plan_id,
        detail=f"v{version.number}: {detail}",
    )


def _content(entry: Intervention) -> dict[str, Any]:
    content: dict[str, Any] = {
        "name": entry.name,
        "summary": entry.summary,
        "steps": list(entry.steps),
        "safety": entry.safety,
        "illustration": entry.illustration or "",
        "per_side": entry.per_side,
    }
    # A clinic's own picture (docs/library.md, "Pictures"): kept only when there is one.
    if entry.pose is not None:
        content["pose"] = entry.pose.to_data()
    if entry.picture:
        content["picture"] = entry.picture
    return content


def _dose_values(dose: Dose) -> dict[str, int | str | None]:
    return {name: getattr(dose, name) for name in DOSE_FIELDS}


def _alternatives(
    slugs: Iterable[str], library: Mapping[str, Intervention]
) -> list[dict[str, str]]:
    return [{"slug": slug, "name": library[slug].name} for slug in slugs if slug in library]


def _item_from_suggestion(
    version: PlanVersion,
    position: int,
    suggestion: Suggestion,
    library: Mapping[str, Intervention],
    *,
    older: bool = False,
) -> PlanItem:
    entry = library[suggestion.slug]
    # The rules' dose (older-adult aware) unless the clinic changed this entry's doses;
    # then the clinic's dose, or its older-adult dose for an older client.
    builtin = BY_SLUG.get(suggestion.slug)
    same = builtin is not None and (entry.dose, entry.older_dose) == (
        builtin.dose,
        builtin.older_dose,
    )
    dose = suggestion.dose if same else (entry.older_dose if older else entry.dose)
    return PlanItem(
        plan_version=version,
        position=position,
        slug=suggestion.slug,
        kind=str(entry.kind),
        side=suggestion.side,
        emphasis=suggestion.emphasis,
        content={
            **_content(entry),
            "alternatives": _alternatives(
                (other.slug for other in suggestion.alternatives), library
            ),
        },
        reasons=[
            {
                "finding": reason.finding,
                "title": reason.title,
                "side": reason.side,
                "rationale": reason.rationale,
                "why": reason.why,
            }
            for reason in suggestion.reasons
        ],
        **_dose_values(dose),
    )


def _locked(version: PlanVersion, expected_lock: int) -> PlanVersion:
    current = (
        PlanVersion.objects.select_for_update()
        .select_related("plan__assessment__client__clinic")
        .get(pk=version.pk)
    )
    if current.is_issued:
        raise PlanLocked("This version is issued. Start a new version to change it.")
    if current.lock != expected_lock:
        raise PlanConflict("Someone else changed this draft plan meanwhile.")
    return current


def _bump(version: PlanVersion, actor: User, detail: str) -> PlanVersion:
    version.lock += 1
    version.full_clean()
    version.save()
    _audit(actor, version, detail)
    return version


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
    older = _older(assessment)
    items = [
        _item_from_suggestion(version, position, suggestion, library, older=older)
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
    current = _locked(version, expected_lock)
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
    content = _content(entry)
    if codes:
        content["contraindicated_by"] = [found[code] for code in codes]
    place = len(items) if position is None else min(max(position - 1, 0), len(items))
    dose = entry.older_dose if _older(assessment) else entry.dose
    item = PlanItem(
        plan_version=current,
        position=place + 1,
        slug=slug,
        kind=str(entry.kind),
        side="both" if entry.per_side else "none",
        content=content,
        override_reason=reason,
        **_dose_values(dose),
    )
    item.full_clean(exclude=["position"])
    later = items[place:]
    for offset, row in enumerate(later, start=place + 2):
        row.position = offset
    PlanItem.objects.bulk_update(later, ["position"])
    item.save()
    over = f" over contraindication {', '.join(codes)}" if codes else ""
    _bump(current, actor, f"added {slug} at {place + 1}{over}")
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
    current = _locked(version, expected_lock)
    item = current.items.filter(pk=item_id).first()
    if item is None:
        raise ValidationError("That item is not in this plan.")
    offered = [option["slug"] for option in item.content.get("alternatives", [])]
    if slug not in offered:
        raise ValidationError(f"{slug} is not offered in place of {item.name}.")
    library = library_for(current.plan.assessment.client.clinic)
    others = [item.slug, *(other for other in offered if other != slug)]
    old_slug = item.slug
    _put_entry(current, item, slug, library, _alternatives(others, library))
    _bump(current, actor, f"swapped {old_slug} for {slug}")
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
    older = _older(version.plan.assessment)
    item.slug = slug
    item.kind = str(entry.kind)
    item.content = {**_content(entry), "alternatives": alternatives}
    for name, value in _dose_values(entry.older_dose if older else entry.dose).items():
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
    current = _locked(version, expected_lock)
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
    _bump(current, actor, f"{verb} {old_slug} to {slug}")
    return item


@transaction.atomic
def plan_issue(
    *, actor: User, version: PlanVersion, expected_lock: int, override_reason: str = ""
) -> PlanVersion:
    """Make the draft an immutable, numbered version.

    Refused (PlanBlocked) for a visit with red flags unless an override reason is given.
    Side effects: issued stamp; the handout's snapshot (what the client is given, frozen
    now) and its PDFs queued for the worker when this commits (plans.handout.services);
    audit entry.
    """
    current = _locked(version, expected_lock)
    # Emergency and urgent red flags stop issuing; a routine referral does not (docs/rules.md).
    red_flags = [f for f in assessment_findings(current.plan.assessment) if f.stops_plan]
    reason = override_reason.strip()
    if red_flags and not reason:
        titles = ", ".join(f.title for f in red_flags)
        raise PlanBlocked(
            f"This visit has red flags ({titles}). Refer the client; to issue a home "
            "program anyway, give the reason for the override."
        )
    if not current.items.exists():
        raise ValidationError("Add at least one item before issuing the plan.")
    current.override_reason = reason if red_flags else ""
    current.status = VersionStatus.ISSUED
    current.issued_at = timezone.now()
    current.issued_by = actor
    issued = _bump(current, actor, "issued" + (" with red-flag override" if red_flags else ""))
    handout_issue(version=issued)
    program_link_issue(version=issued)
    return issued


@transaction.atomic
def plan_revise(*, actor: User, version: PlanVersion) -> PlanVersion:
    """Start the next version as a draft copy of an issued one (or return the open draft).

    Side effects: new version with copied items; audit entry.
    """
    plan = Plan.objects.select_for_update().get(pk=version.plan_id)
    draft = plan.versions.filter(status=VersionStatus.DRAFT).first()
    if draft is not None:
        return draft
    latest = plan.versions.order_by("-number").first()
    if latest is None:
        raise PlanLocked("A plan without versions cannot be revised.")
    # The message starts empty: last time's words are offered, never silently reused.
    new = PlanVersion.objects.create(plan=plan, number=latest.number + 1, created_by=actor)
    copies = []
    for item in latest.items.all():
        item.pk = None
        item.plan_version = new
        copies.append(item)
    PlanItem.objects.bulk_create(copies)
    new.plan = plan
    _audit(actor, new, f"started from v{latest.number}")
    return new


def plan_viewed(*, actor: User, version: PlanVersion) -> None:
    """Note that the actor was shown the plan version (the builder).

    Side effect: audit entry (view, "plan", the version's number as detail).
    """
    client = version.plan.assessment.client
    audit_client_record(
        actor=actor,
        client=client,
        action=AuditAction.VIEW,
        object_type="plan",
        object_id=version.plan_id,
        detail=f"v{version.number}",
    )

"""Saving a draft plan as the builder's one form posts it: every item's dose, side and
note, the order, removals and the message, in one atomic, audited write.
"""

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction

from plans.models import DOSE_FIELDS, PlanItem, PlanVersion
from plans.services.errors import PlanConflict
from plans.services.steps import bump_lock, draft_for_update


@dataclass(frozen=True)
class PlanEdit:
    """The whole draft as the builder's one form posts it.

    `items` maps an item's id to its dose, side and note fields (only the fields its kind
    has); `order` lists the kept items' ids first to last; `removed` the removed ones.
    """

    items: Mapping[int, Mapping[str, Any]]
    order: Sequence[int]
    removed: Collection[int] = ()
    message: str | None = None


def _changes(current: PlanVersion, rows: dict[int, PlanItem], edit: PlanEdit) -> list[str]:
    """What the edit would change, in words for the audit entry; refuses a stale shape."""
    if set(edit.order) | set(edit.removed) != set(rows) or set(edit.order) & set(edit.removed):
        raise PlanConflict("The draft's items changed meanwhile.")
    allowed = {*DOSE_FIELDS, "side", "note"}
    changes = []
    for pk, fields in edit.items.items():
        unknown = set(fields) - allowed
        if unknown:
            raise TypeError(f"Not plan item fields: {', '.join(sorted(unknown))}")
        if pk in rows and pk not in edit.removed:
            changed = sorted(
                name for name, value in fields.items() if getattr(rows[pk], name) != value
            )
            if changed:
                changes.append(f"changed {rows[pk].slug}: {', '.join(changed)}")
    kept = [
        pk for pk in sorted(rows, key=lambda pk: (rows[pk].position, pk)) if pk not in edit.removed
    ]
    if list(edit.order) != kept:
        changes.append("order " + ", ".join(rows[pk].slug for pk in edit.order))
    changes.extend(f"removed {rows[pk].slug}" for pk in sorted(edit.removed))
    if edit.message is not None and edit.message != current.message:
        changes.append("message")
    return changes


@transaction.atomic
def plan_save(
    *, actor: User, version: PlanVersion, expected_lock: int, edit: PlanEdit
) -> PlanVersion:
    """Save the whole draft at once: every item's dose, side and note, order, removals, message.

    All or nothing. A stale lock is refused (PlanConflict) unless the edit changes nothing
    (the same form posted twice lands where the first did). Saving nothing writes nothing.
    Side effects: items updated, renumbered and deleted; lock bump; one audit entry
    listing what changed.
    """
    current = draft_for_update(version)
    rows = {row.pk: row for row in current.items.all()}
    changes = _changes(current, rows, edit)
    if not changes:
        return current
    if current.lock != expected_lock:
        raise PlanConflict("Someone else changed this draft plan meanwhile.")
    PlanItem.objects.filter(plan_version=current, pk__in=list(edit.removed)).delete()
    kept = [rows[pk] for pk in edit.order]
    for position, row in enumerate(kept, start=1):
        fields = edit.items.get(row.pk, {})
        changed = {name: value for name, value in fields.items() if getattr(row, name) != value}
        for name, value in changed.items():
            setattr(row, name, value)
        row.position = position
        if changed:  # a row as stored met every constraint when it was saved
            row.full_clean()
    PlanItem.objects.bulk_update(kept, [*DOSE_FIELDS, "side", "note", "position"])
    if edit.message is not None:
        current.message = edit.message
    return bump_lock(current, actor, "; ".join(changes))


def plan_item_update(
    *, actor: User, item: PlanItem, expected_lock: int, fields: Mapping[str, Any]
) -> PlanItem:
    """Change one item's dose, side or note (plan_save with the rest as it is)."""
    order = list(item.plan_version.items.order_by("position", "pk").values_list("pk", flat=True))
    plan_save(
        actor=actor,
        version=item.plan_version,
        expected_lock=expected_lock,
        edit=PlanEdit(items={item.pk: fields}, order=order),
    )
    return PlanItem.objects.get(pk=item.pk)


def plan_message_update(
    *, actor: User, version: PlanVersion, expected_lock: int, message: str
) -> PlanVersion:
    """Set the message to the client (plan_save with the items as they are)."""
    order = list(version.items.order_by("position", "pk").values_list("pk", flat=True))
    return plan_save(
        actor=actor,
        version=version,
        expected_lock=expected_lock,
        edit=PlanEdit(items={}, order=order, message=message),
    )

"""The plan builder's one form (views.py): the draft's own fields plus a form per item,
and what each of its buttons asks for besides saving every edit on the page first."""

from typing import NamedTuple

from django.http import QueryDict

from clinic.http import whole_number
from plans import services
from plans.forms import IssueForm, PlanForm, PlanItemForm
from plans.models import PlanItem, PlanVersion


class Action(NamedTuple):
    """What a builder button asks for, besides saving every edit on the page first."""

    verb: str
    target: str = ""


def parse_action(raw: str) -> Action | None:
    """`save`, `issue`, `search`, `reuse_message`, `add:<slug>`, `up|down|remove:<id>`,
    `progress|regress:<id>` (the next or previous level of its chain) or `swap:<id>:<slug>`."""
    verb, _, target = raw.partition(":")
    if verb in {"save", "issue", "search", "reuse_message"} and not target:
        return Action(verb)
    if verb == "add" and target and len(target) <= 80:
        return Action(verb, target)
    if (
        verb in {"up", "down", "remove", "progress", "regress"}
        and whole_number(target) is not None
    ):
        return Action(verb, target)
    item, _, slug = target.partition(":")
    if verb == "swap" and whole_number(item) is not None and slug and len(slug) <= 80:
        return Action(verb, target)
    return None


class Editor:
    """The builder's one form: the draft's fields plus one PlanItemForm per item."""

    def __init__(self, version: PlanVersion, data: QueryDict | None = None) -> None:
        self.items = list(version.items.all())
        self.plan = PlanForm(
            data,
            initial={
                "lock": version.lock,
                "order": ",".join(str(item.pk) for item in self.items),
                "message": version.message,
            },
        )
        # A posted form has fields for the items the page showed; one added meanwhile by
        # someone else has none, and the save then finds the plan changed (a conflict).
        forms = [
            (item, PlanItemForm(data, instance=item, prefix=f"item-{item.pk}"))
            for item in self.items
        ]
        self.item_forms = {
            item.pk: form for item, form in forms if data is None or form["note"].html_name in data
        }
        self.issue = IssueForm(data)

    def changed_items(self) -> dict[int, PlanItemForm]:
        """The item forms whose posted values differ from the stored item.

        Only these are validated and saved: an item posted as stored is valid already (the
        database holds it to the same bounds), and checking it again would cost one query
        per constraint and item on every save.
        """
        return {pk: form for pk, form in self.item_forms.items() if form.has_changed()}

    def is_valid(self) -> bool:
        # Every form is checked, so every message shows at once.
        forms = (self.plan, self.issue, *self.changed_items().values())
        results = [form.is_valid() for form in forms]
        return all(results)

    def edit(self, action: Action) -> services.PlanEdit:
        """The posted draft, with a move or removal asked for by a button applied to it."""
        known = {item.pk for item in self.items}
        removed = [pk for pk in self.plan.cleaned_data["removed"] if pk in known]
        order = [pk for pk in self.plan.cleaned_data["order"] if pk not in removed]
        if action.verb in {"up", "down", "remove"} and int(action.target) in order:
            pk = int(action.target)
            index = order.index(pk)
            order.pop(index)
            if action.verb == "remove":
                removed.append(pk)
            else:
                step = -1 if action.verb == "up" else 1
                order.insert(min(max(index + step, 0), len(order)), pk)
        return services.PlanEdit(
            items={pk: form.cleaned_data for pk, form in self.changed_items().items()},
            order=order,
            removed=removed,
            message=self.plan.cleaned_data["message"],
        )

    def rows(self) -> list[tuple[PlanItem, PlanItemForm]]:
        """Items with their forms, in the order the posted form had them (else stored)."""
        order = self.plan["order"].value() or ""
        rank = {raw.strip(): place for place, raw in enumerate(str(order).split(","))}
        rows = [
            (item, self.item_forms[item.pk]) for item in self.items if item.pk in self.item_forms
        ]
        return sorted(rows, key=lambda row: rank.get(str(row[0].pk), len(rank)))

"""What the plan builder's one form posts, built from the stored draft as the page shows it."""

from django.http import HttpResponse
from django.test import Client as HttpClient
from django.urls import reverse

from plans.forms import PlanItemForm
from plans.models import PlanVersion


def builder_post(version: PlanVersion, **changes: object) -> dict[str, str]:
    """Every field of the builder form for `version` as stored, with `changes` over it.

    `changes` may name any posted field: "action", "message", "order", "removed",
    "item-<id>-hold_seconds" and so on.
    """
    version.refresh_from_db()
    items = list(version.items.order_by("position", "pk"))
    data = {
        "action": "save",
        "lock": str(version.lock),
        "order": ",".join(str(item.pk) for item in items),
        "removed": "",
        "message": version.message,
        "q": "",
        "add_at": "",
    }
    for item in items:
        for field in PlanItemForm(instance=item, prefix=f"item-{item.pk}"):
            value = field.value()
            data[field.html_name] = "" if value is None else str(value)
    data.update({name: str(value) for name, value in changes.items()})
    return data


def press(http: HttpClient, version: PlanVersion, **data: object) -> HttpResponse:
    """Press a builder button with the page's form as stored and `data` typed over it."""
    return http.post(reverse("plan_action", args=[version.pk]), builder_post(version, **data))


def item_order(version: PlanVersion) -> list[str]:
    """The draft's item slugs, first to last."""
    return list(version.items.order_by("position").values_list("slug", flat=True))

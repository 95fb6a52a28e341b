"""What the apps built on this one offer to fill a new visit with, on the "New visit" page.

The assessments app cannot import those apps, so they are named in
settings.VISIT_START_OFFERS: dotted paths to callables taking (request, client, the last
visit or None) and returning a StartOffer, or None when they have nothing to offer. The
page shows each offer as a checkbox, ticked by default, with what it holds; starting the
visit with it ticked calls its `accept` on the new draft, inside the start's transaction
(assessments.services.assessment_start_or_continue). The plans app offers the answers the
client gave on their program page (plans/program/answers/offer.py).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest, QueryDict
from django.utils.module_loading import import_string

from assessments.models import Assessment
from clinic.models import Client
from clinic.panels.registry import Panel


@dataclass(frozen=True)
class StartOffer:
    field: str  # the checkbox's name on the page
    value: str  # its value: what was offered (accepted only if the same is posted back)
    label: str  # the checkbox's label
    panel: Panel  # what the offer holds, shown under its checkbox
    accept: Callable[[Assessment], object]  # fills the new draft
    shown: Callable[[], object]  # the page showed the offer (its read, for the audit log)


def start_offers(
    request: HttpRequest, client: Client, previous: Assessment | None
) -> list[StartOffer]:
    found = (
        import_string(path)(request, client, previous) for path in settings.VISIT_START_OFFERS
    )
    return [offer for offer in found if offer is not None]


def accepted(offers: list[StartOffer], posted: QueryDict) -> list[Callable[[Assessment], object]]:
    """The offers ticked in the posted form (the same offer as shown: its value)."""
    return [offer.accept for offer in offers if posted.get(offer.field) == offer.value]


def ticked(offers: list[StartOffer], posted: QueryDict | None) -> list[tuple[StartOffer, bool]]:
    """Each offer and whether its checkbox is ticked: by default, or as posted."""
    return [(offer, posted is None or posted.get(offer.field) == offer.value) for offer in offers]

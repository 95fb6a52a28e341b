"""What the plan writes refuse with (plans/services)."""

from django.core.exceptions import ValidationError

from plans.library import Intervention


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

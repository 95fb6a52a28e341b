"""Writes for plans: build from an assessment, edit a draft, issue, revise. All audited.

A draft version carries a `lock` number; every edit names the lock it was made against
and is refused (PlanConflict) if someone else changed the draft in between.
`core` holds building, adding, swapping and stepping a level; `issue` issuing, revising
and the builder's read entry; `drafts` the builder's whole-draft save; `items`, `steps`
and `errors` what they share.
"""

from plans.models import DOSE_FIELDS
from plans.services.core import plan_build, plan_item_add, plan_item_step, plan_item_swap
from plans.services.drafts import PlanEdit, plan_item_update, plan_message_update, plan_save
from plans.services.errors import Contraindicated, PlanBlocked, PlanConflict, PlanLocked
from plans.services.issue import plan_issue, plan_revise, plan_viewed

__all__ = [
    "DOSE_FIELDS",
    "Contraindicated",
    "PlanBlocked",
    "PlanConflict",
    "PlanEdit",
    "PlanLocked",
    "plan_build",
    "plan_issue",
    "plan_item_add",
    "plan_item_step",
    "plan_item_swap",
    "plan_item_update",
    "plan_message_update",
    "plan_revise",
    "plan_save",
    "plan_viewed",
]

"""Rules on an assessment's own fields, shared by the model, the forms and the import.

The model field carries each rule (so `full_clean()` in every service applies it), the
forms attach the same function to their fields, and the interchange parser calls it to
report the rule at the document's JSON path: one rule, one message, everywhere.
"""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone

FUTURE_VISIT = "The visit date cannot be in the future."


def visit_date_not_future(value: datetime.date) -> None:
    """A visit is recorded on or after the day it happened (the clinic's local date)."""
    if value > timezone.localdate():
        raise ValidationError(FUTURE_VISIT, code="future_visit")

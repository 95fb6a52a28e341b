"""Length limits of free text, enforced by the model and stated next to the field.

Django gives a TextField's max_length to its form field only; the validator added here
makes `full_clean()` (which every service calls) refuse longer text too, so the web form,
the services and the import apply one limit. Each limit is well above any real entry and
far below a runaway paste (200,000 characters), which would otherwise be stored, printed
on handouts and copied forward to the next visit.
"""

from typing import Any

from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models.expressions import Combinable

# One visit's story or notes: about 650 words, two typed pages.
VISIT_TEXT = 4_000
# A client's standing notes, added to over years of care.
CLIENT_NOTES = 10_000
# Why something was done (an amendment, issuing despite red flags): a few sentences.
REASON = 1_000
# The message printed on a client's handout.
PLAN_MESSAGE = 2_000
# An intervention's steps, printed on the handout: a dozen short lines.
STEPS = 2_000
# A clinic's address and handout footer, printed on every handout page.
CLINIC_LINES = 500


def limit_help(limit: int) -> str:
    """The limit as shown next to a field."""
    return f"Up to {limit:,} characters."


def limited_text(
    verbose_name: str | None = None, *, max_length: int, help_text: str = "", **options: Any
) -> "models.TextField[str | Combinable, str]":
    """A TextField whose model enforces `max_length` and whose form states it."""
    return models.TextField(
        verbose_name,
        max_length=max_length,
        validators=[MaxLengthValidator(max_length)],
        help_text=f"{help_text} {limit_help(max_length)}".strip(),
        **options,
    )

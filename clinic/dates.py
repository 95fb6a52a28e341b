"""Dates as the app shows them ("2 Jan 2026") for text made in Python.

The same text as the templates' `date:"j M Y"` filter in English, independent of the
server's locale: for chart labels and their text alternatives, and the handout's progress
lines.
"""

import datetime

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def format_date(day: datetime.date) -> str:
    """'2 Jan 2026'."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"

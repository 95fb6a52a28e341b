"""Dates as the app shows them ("2 Jan 2026"), without the template machinery.

The same text as the `date:"j M Y"` filter in English, independent of the server's
locale; for pages that format many dates in Python (the client list, the charts).
"""

import datetime

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def format_date(day: datetime.date) -> str:
    """'2 Jan 2026'."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"

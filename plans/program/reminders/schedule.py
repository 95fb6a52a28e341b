"""When a daily reminder is next due: the chosen time of day, in the site's time zone, on
the first day after a moment that is not the day already sent. Pure Python."""

import datetime

DAYS_AHEAD = 3  # today, tomorrow, and the day after (today and tomorrow may be excluded)


def next_due(
    *,
    at: datetime.time,
    after: datetime.datetime,
    zone: datetime.tzinfo,
    sent_on: datetime.date | None,
) -> datetime.datetime:
    """The first moment at `at` (local time in `zone`) strictly after `after`, on a day
    other than `sent_on`: a reminder is sent once a day, even when its time is changed
    after that day's was sent. `after` must be aware."""
    day = after.astimezone(zone).date()
    for offset in range(DAYS_AHEAD):
        candidate = day + datetime.timedelta(days=offset)
        due = datetime.datetime.combine(candidate, at, tzinfo=zone)
        if due > after and candidate != sent_on:
            return due
    raise AssertionError("unreachable: one of three days is after `after` and not sent_on")

"""How the exports write a moment: UTC to the second, as 2026-11-02T09:15:00Z."""

import datetime


def utc_timestamp(moment: datetime.datetime) -> str:
    """An aware moment in UTC to the second, as 2026-11-02T09:15:00Z."""
    utc = moment.astimezone(datetime.UTC).replace(microsecond=0)
    return utc.isoformat().replace("+00:00", "Z")

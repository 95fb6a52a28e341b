"""Limits on "forgot password" requests, and how long an emailed link works, in words.

Anyone may ask for a reset link, so each request is counted twice in the cache: against
the email address typed (so nobody can fill a colleague's inbox) and against the client's
address (so one machine cannot work through a list of addresses). Over either limit, the
request gets the same answer as every other and no email is sent.

Windows are fixed and aligned to the clock (the key holds the window's number), so a
count never depends on a backend keeping a key's expiry through `incr`: the database
cache re-sets it with the default timeout, which could otherwise end a count early.
"""

import hashlib
import time
import unicodedata

from django.conf import settings
from django.core.cache import cache

EMAIL = "email address"
CLIENT = "client address"


def _email_digest(email: str) -> str:
    # Hashed: the cache holds no addresses. Folded like Django's own email match.
    folded = unicodedata.normalize("NFKC", email.strip()).casefold()
    return hashlib.sha256(folded.encode()).hexdigest()


def _count(key: str, window: int) -> int:
    """Add one to the key's count in this window and return the new count."""
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr (or a cache that keeps nothing)
        cache.set(key, 1, timeout=window)
        return 1
    cache.touch(key, timeout=window)
    return count


def reset_request_limits_hit(
    *, email: str, client_address: str | None, now: float | None = None
) -> list[str]:
    """Count one reset request; the limits (EMAIL, CLIENT) it goes over, none if allowed.

    Both counts move on every request, refused ones too, so a client that keeps asking
    stays refused until the window ends.
    """
    window = settings.PASSWORD_RESET_WINDOW_SECONDS
    number = int(time.time() if now is None else now) // window
    keys = {
        EMAIL: f"password-reset:email:{_email_digest(email)}:{number}",
        CLIENT: f"password-reset:client:{client_address or 'unknown'}:{number}",
    }
    counts = {kind: _count(key, window) for kind, key in keys.items()}
    return [kind for kind, count in counts.items() if count > settings.PASSWORD_RESET_LIMIT]


def _plural(number: int, unit: str) -> str:
    return f"{number} {unit}" if number == 1 else f"{number} {unit}s"


def expiry_text(seconds: int) -> str:
    """A link's lifetime in words: "3 days", "24 hours", "90 minutes" (whole units only)."""
    day, hour, minute = 86_400, 3_600, 60
    if seconds >= 2 * day and seconds % day == 0:
        return _plural(seconds // day, "day")
    if seconds >= hour and seconds % hour == 0:
        return _plural(seconds // hour, "hour")
    return _plural(max(seconds // minute, 1), "minute")


def link_expiry() -> str:
    """How long the links Django's token generator makes work (PASSWORD_RESET_TIMEOUT)."""
    return expiry_text(settings.PASSWORD_RESET_TIMEOUT)

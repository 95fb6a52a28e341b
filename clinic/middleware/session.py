"""Sign a user out after a spell without activity, and at the session's absolute lifetime.

Clinic computers are shared, so a session left open must end by itself. Two times live in
the session: when the user signed in and when they were last active. SESSION_COOKIE_AGE
stays the absolute lifetime, counted from sign-in here because every session save pushes
Django's own expiry forward.

Cost: the last-active time is rewritten only when it is more than ACTIVITY_RESOLUTION old,
so a busy user costs one session write a minute rather than one on every request (which is
what SESSION_SAVE_EVERY_REQUEST would do, htmx previews included); idle time is therefore
measured to within a minute. Both times are set at sign-in, in the sign-in's own write.
"""

import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import SESSION_KEY, logout, user_logged_in
from django.contrib.auth.views import redirect_to_login
from django.contrib.sessions.backends.base import SessionBase
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse, HttpResponseBase, HttpResponseRedirect
from django.shortcuts import resolve_url
from django_htmx.http import HttpResponseClientRedirect

SIGNED_IN_AT = "clinic_signed_in_at"
ACTIVE_AT = "clinic_active_at"
# Seconds between two writes of the last-active time (the idle clock's precision).
ACTIVITY_RESOLUTION = 60


def _now() -> int:
    return int(time.time())


def duration_text(seconds: int) -> str:
    """30 minutes, 1 hour, 8 hours, 90 minutes: the units the settings are chosen in."""
    if seconds % 3600 == 0:
        hours = seconds // 3600
        return f"{hours} hour{'s' if hours != 1 else ''}"
    minutes = max(1, round(seconds / 60))
    return f"{minutes} minute{'s' if minutes != 1 else ''}"


@receiver(user_logged_in, dispatch_uid="clinic_session_clocks")
def start_session_clocks(sender: object, request: HttpRequest | None, **kwargs: Any) -> None:
    """Start both clocks at sign-in (connected in ClinicConfig.ready)."""
    if request is not None and hasattr(request, "session"):
        now = _now()
        request.session[SIGNED_IN_AT] = now
        request.session[ACTIVE_AT] = now


def session_end_reason(session: SessionBase, now: int) -> str | None:
    """Why this signed-in session has ended, or None (and then refresh its activity time)."""
    signed_in, active = session.get(SIGNED_IN_AT), session.get(ACTIVE_AT)
    if not isinstance(signed_in, int) or not isinstance(active, int):
        # A session from before these clocks existed: start them now.
        session[SIGNED_IN_AT] = session[ACTIVE_AT] = now
        return None
    idle = settings.SESSION_IDLE_SECONDS
    if now - active > idle:
        return f"You were signed out after {duration_text(idle)} without activity."
    lifetime = settings.SESSION_COOKIE_AGE
    if now - signed_in > lifetime:
        return f"You were signed out because sessions last at most {duration_text(lifetime)}."
    if now - active >= ACTIVITY_RESOLUTION:
        session[ACTIVE_AT] = now
    return None


class IdleSessionMiddleware:
    """Ends an idle or too-old session and sends the user to sign in again, with the reason."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        # Reading the session is free here: authentication loads it for every page anyway.
        if SESSION_KEY in request.session:
            reason = session_end_reason(request.session, _now())
            if reason:
                return self._sign_out(request, reason)
        return self.get_response(request)

    @staticmethod
    def _sign_out(request: HttpRequest, reason: str) -> HttpResponse:
        logout(request)
        messages.info(request, f"{reason} Please sign in again to continue.")
        htmx = getattr(request, "htmx", None)
        if htmx:
            # An htmx call would swap the sign-in page into a fragment: load the whole page,
            # and come back to the page the user was on.
            back_to = htmx.current_url_abs_path
            login_url = redirect_to_login(back_to)["Location"] if back_to else _login_url()
            return HttpResponseClientRedirect(login_url)
        if request.method == "GET":
            return redirect_to_login(request.get_full_path())
        # Coming back after a POST would GET a URL that may only take POSTs: sign in afresh.
        return HttpResponseRedirect(_login_url())


def _login_url() -> str:
    return resolve_url(settings.LOGIN_URL)

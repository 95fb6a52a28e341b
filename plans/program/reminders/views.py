"""The reminder form's POST (on the program page) and the one-click unsubscribe.

No sign-in and no CSRF token, for the reason the sync has none (plans/program/views.py):
no cookie carries any authority here, the token in the address is the only key, so a
forged request needs the token, and whoever has it can open the page anyway. A CSRF
token in the page would also break the form on a copy kept for offline use. Mail
providers send the RFC 8058 one-click POST with no cookie or form token at all.

Answers as the program pages do: no-store, noindex, no-referrer, rate-limited, the same
404 page for any token that is not one, tokens kept out of the log.
"""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from plans.program.reminders import selectors, services
from plans.program.reminders.forms import ReminderForm
from plans.program.views import (
    ended_page,
    limited,
    not_found,
    open_link,
    page_response,
    private,
    too_many,
)


@login_not_required
@csrf_exempt  # the token in the address is the key (see above)
@require_POST
def program_reminder(request: HttpRequest, token: str) -> HttpResponse:
    """Turn reminders on (or change them), or off ("Stop reminders"); back to the page."""
    link = open_link(request, token, ended_page)
    if isinstance(link, HttpResponse):
        return link
    back = reverse("program_page", args=[token]) + "#reminders"
    if request.POST.get("action") == "stop":
        reminder = selectors.reminder_of(link)
        if reminder is not None:
            services.program_reminder_stop(reminder=reminder, how=services.ON_PAGE)
        return private(redirect(back))
    form = ReminderForm(request.POST)
    if not selectors.offered() or not form.is_valid():
        return page_response(request, link, token, reminder_form=form)
    data = form.cleaned_data
    services.program_reminder_set(link=link, email=data["email"], at=data["at"])
    return private(redirect(back))


@login_not_required
@csrf_exempt  # RFC 8058: the one-click POST comes from the mail provider (see above)
@require_http_methods(["GET", "POST"])
def program_unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """GET: a page with one button (a link scanner's GET changes nothing). POST (that
    button, or the mail provider's one click): reminders off at once."""
    if limited(request):
        return too_many(request)
    reminder = selectors.reminder_for_token(token)
    if reminder is None:
        return not_found(request)
    clinic = reminder.link.version.plan.assessment.client.clinic
    if request.method == "POST":
        services.program_reminder_stop(reminder=reminder, how=services.BY_EMAIL_LINK)
        return private(render(request, "plans/program/unsubscribed.html", {"clinic": clinic}))
    if not reminder.active:
        return private(render(request, "plans/program/unsubscribed.html", {"clinic": clinic}))
    context = {"clinic": clinic, "token": token}
    return private(render(request, "plans/program/unsubscribe.html", context))

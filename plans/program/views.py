"""The client's program page and its sync (no sign-in: the token in the address is the only
key, so no cookie can be ridden and CSRF does not apply to them), and the therapist's revoke.

Every answer about a token is one of three: the program (an open link), the friendly
"ended" page (a link revoked, superseded or expired), or the same 404 page for anything
else: guessed, truncated, malformed. Pages say no-store, noindex and no-referrer (the
token must not travel in a Referer header); paths with a token are redacted from the log
(plans/program/log_filter.py). Requests are size- and rate-limited.
"""

import datetime
import json
from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from clinic.client_ip import client_ip_address
from clinic.http import AuthedRequest
from plans.handout.figures import with_figures
from plans.models import PAIN_MAX, ProgramLink
from plans.program import payload, selectors, services
from plans.program.answers.forms import AnswersForm
from plans.program.answers.selectors import answers_context
from plans.program.reminders.forms import ReminderForm
from plans.program.reminders.selectors import reminder_context

MAX_BODY = 32 * 1024  # a month of ticks fits in a tenth of this
RATE_LIMIT = 60  # requests a minute from one address (a phone syncing after a trip: a few)
RATE_WINDOW = 60


def private(response: HttpResponse) -> HttpResponse:
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    response["Cache-Control"] = "no-store, private"
    return response


def limited(request: HttpRequest) -> bool:
    """Over RATE_LIMIT requests this minute from the client's address (any token)."""
    key = f"program-rate:{client_ip_address(request)}"
    cache.add(key, 0, RATE_WINDOW)
    try:
        return cache.incr(key) > RATE_LIMIT
    except ValueError:  # expired between add and incr
        cache.set(key, 1, RATE_WINDOW)
        return False


def not_found(request: HttpRequest) -> HttpResponse:
    return private(render(request, "plans/program/not_found.html", status=404))


def too_many(request: HttpRequest) -> HttpResponse:
    return private(render(request, "plans/program/busy.html", status=429))


def ended_page(request: HttpRequest, link: ProgramLink) -> HttpResponse:
    clinic = link.version.plan.assessment.client.clinic
    return private(render(request, "plans/program/ended.html", {"clinic": clinic}))


def _ended_file(request: HttpRequest, link: ProgramLink) -> HttpResponse:
    return private(HttpResponse("This program has ended.", status=410))


def open_link(
    request: HttpRequest, token: str, ended: Callable[[HttpRequest, ProgramLink], HttpResponse]
) -> ProgramLink | HttpResponse:
    """The open link behind the token, or the answer to give instead: busy (429), the same
    404 for any other text, `ended` for a link revoked, superseded or expired."""
    if limited(request):
        return too_many(request)
    link = selectors.link_for_token(token)
    if link is None:
        return not_found(request)
    if not selectors.is_open(link):
        return ended(request, link)
    return link


@login_not_required
@require_GET
def program_page(request: HttpRequest, token: str) -> HttpResponse:
    link = open_link(request, token, ended_page)
    if isinstance(link, HttpResponse):
        return link
    return page_response(request, link, token)


def page_response(
    request: HttpRequest,
    link: ProgramLink,
    token: str,
    reminder_form: ReminderForm | None = None,
    answers_form: AnswersForm | None = None,
) -> HttpResponse:
    """The program page of an open link (an opening: audited), with the reminder form or
    the "Before your next visit" form as sent when it had errors
    (plans/program/reminders/views.py, plans/program/answers/views.py)."""
    services.program_opened(link=link)
    content = selectors.content(link)
    today = timezone.localdate()
    context = {
        "content": content,
        "exercises": with_figures(
            content.get("exercises", []), for_pdf=False, static_prefix=static("")
        ),
        "pain_scale": range(PAIN_MAX + 1),
        "visit_date": datetime.date.fromisoformat(content["visit_date"]),
        "first_day": selectors.open_days(link, today)[0],
        "today": today,
        "state": _state(link),
        "token": token,
        **reminder_context(link, reminder_form),
        **answers_context(link, answers_form),
    }
    return private(render(request, "plans/program/page.html", context))


def _page_files(link: ProgramLink) -> list[str]:
    """The files the page shows, for the service worker to keep: styles, script, drawings."""
    exercises = with_figures(
        selectors.content(link).get("exercises", []), for_pdf=False, static_prefix=static("")
    )
    drawings = [ex["figure_src"] for ex in exercises if ex["figure_src"].startswith("/")]
    files = ["vendor/bootstrap/css/bootstrap.min.css", "css/app.css", "js/program.js"]
    return [static(name) for name in [*files, "favicon.svg"]] + drawings


@login_not_required
@require_GET
def program_worker(request: HttpRequest, token: str) -> HttpResponse:
    """The page's service worker, from the page's own address (so its scope is the page)."""
    found = open_link(request, token, _ended_file)
    if isinstance(found, HttpResponse):
        return found
    context = {
        "version": f"{found.version_id}-{found.digest[:12]}",
        "page": reverse("program_page", args=[token]),
        "files": json.dumps(sorted(set(_page_files(found)))),
    }
    response = render(request, "plans/program/sw.js", context, content_type="text/javascript")
    return private(response)  # no-store: the browser asks for it anew at each visit


@login_not_required
@require_GET
def program_manifest(request: HttpRequest, token: str) -> HttpResponse:
    """The web app manifest: "Add to home screen" opens the program itself."""
    found = open_link(request, token, _ended_file)
    if isinstance(found, HttpResponse):
        return found
    page = reverse("program_page", args=[token])
    manifest = {
        "name": "Your home program",
        "short_name": "My program",
        "start_url": page,
        "scope": page,
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": "#1f5f7a",
        "icons": [{"src": static("favicon.svg"), "sizes": "any", "type": "image/svg+xml"}],
    }
    response = JsonResponse(manifest, content_type="application/manifest+json")
    return private(response)


def _state(link: ProgramLink) -> dict[str, object]:
    """What the server holds, for the page's script to show: ticks by day, and days."""
    ticks = [
        {"uid": str(t.uid), "slug": t.slug, "day": t.day.isoformat()} for t in link.ticks.all()
    ]
    days = [{"day": d.day.isoformat(), "pain": d.pain, "note": d.note} for d in link.days.all()]
    return {"ticks": ticks, "days": days}


@login_not_required
@csrf_exempt  # no cookie is the key here: the token in the address is (see above)
@require_POST
def program_sync(request: HttpRequest, token: str) -> HttpResponse:
    if limited(request):
        return private(
            JsonResponse({"error": "Too many requests; try again in a minute."}, status=429)
        )
    length = request.META.get("CONTENT_LENGTH") or "0"
    if not length.isdigit() or int(length) > MAX_BODY:
        return private(JsonResponse({"error": "Too large."}, status=413))
    link = selectors.link_for_token(token)
    if link is None:
        return private(JsonResponse({"error": "Not found."}, status=404))
    if not selectors.is_open(link):
        return private(JsonResponse({"ended": True}, status=410))
    first, last = selectors.open_days(link, timezone.localdate())
    # A phone ahead of the server's time zone is already in tomorrow.
    last += datetime.timedelta(days=1)
    slugs = frozenset(ex.slug for ex in selectors.exercises(link))
    try:
        sent = payload.parse(request.body, slugs, first, last)
    except payload.PayloadError as error:
        return private(JsonResponse({"error": str(error)}, status=400))
    applied = services.program_record(link=link, payload=sent)
    return private(JsonResponse({"applied": applied, "rejected": sent.rejected}))


@require_POST
def program_revoke(request: AuthedRequest, pk: int) -> HttpResponse:
    """End a client's program link (a lost phone, a handout given to the wrong person)."""
    link = selectors.link_get(request.user, pk)
    services.program_link_revoke(actor=request.user, link=link)
    messages.success(request, "The program link no longer works.")
    return redirect("client_detail", pk=link.version.plan.assessment.client_id)

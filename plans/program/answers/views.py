"""The "Before your next visit" form's POST, on the program page.

No sign-in and no CSRF token, for the reason the reminder form has none
(plans/program/reminders/views.py): the token in the address is the only key. Answers as
the program pages do: no-store, noindex, no-referrer, rate-limited, the same 404 page for
any token that is not one, the friendly page for an ended link (nothing is kept then).
"""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from plans.program.answers import selectors, services
from plans.program.answers.forms import AnswersForm
from plans.program.views import ended_page, open_link, page_response, private


@login_not_required
@csrf_exempt  # the token in the address is the key (see above)
@require_POST
def program_answers(request: HttpRequest, token: str) -> HttpResponse:
    """Keep the answers and go back to the page (which says they were sent); with errors,
    the page again with what was typed and a message at each field."""
    link = open_link(request, token, ended_page)
    if isinstance(link, HttpResponse):
        return link
    form = AnswersForm(request.POST, activities=selectors.activities_of(link))
    if not form.is_valid():
        return page_response(request, link, token, answers_form=form)
    data = form.cleaned_data
    services.program_answers_send(
        link=link,
        pain_now=data["pain_now"],
        pain_worst=data["pain_worst"],
        since_last_visit=data["since_last_visit"],
        psfs=form.psfs(),
    )
    return private(redirect(reverse("program_page", args=[token]) + "#before-visit"))

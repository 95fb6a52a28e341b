"""The client page's "Answers before the visit" panel, shown under the home program panel
(plans/program/panel.py, which asks for it only when the link's query found that the
client answered: no query otherwise): the client's newest answers from their program
page, and whether a visit used them yet. Its read is audited on its own (the answers are
the client's, sent since the record was last written)."""

from django.http import HttpRequest
from django.utils import timezone

from clinic.models import Client
from clinic.panels.registry import Panel
from plans.program.answers import selectors, services
from plans.program.answers.offer import answers_rows

TEMPLATE = "plans/program/_answers_panel.html"


def answers_panel(request: HttpRequest, client: Client) -> Panel | None:
    """One query; with answers, one audit entry (view)."""
    answers = selectors.answers_for_client(request.user, client).first()  # type: ignore[arg-type]
    if answers is None:
        return None
    services.program_answers_shown(actor=request.user, answers=answers, where="client page")  # type: ignore[arg-type]
    day = timezone.localdate(answers.submitted_at)
    last = client.last_visit_on
    return Panel(
        TEMPLATE,
        {
            "answers": answers,
            "day": day,
            "rows": answers_rows(answers),
            # As the New visit page offers them (selectors.answers_to_offer).
            "offered": answers.is_open and (last is None or day >= last),
        },
    )

"""Background work of the handout: render an issued version's PDFs, email them.

Tasks of Django's task framework (the django-tasks backport until Django 6; the import is
the only line that changes), run by the database backend's worker (`manage.py
db_worker`). A failed attempt is recorded and queued again later, up to MAX_ATTEMPTS;
after that the clinic admin sees it (Clinic > Handouts) and can ask again.
"""

from __future__ import annotations

import datetime
import logging
from typing import Any

from django.utils import timezone
from django_tasks import task

from plans.handout.emailing import handout_email_deliver, handout_email_failed
from plans.handout.rendering import handout_pdf_ensure, handout_render_failed
from plans.models import HandoutEmail, PlanVersion

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 3
# Waits before the 2nd and 3rd attempt: a passing fault (a restart, a mail server that is
# down) has time to clear, and the clinic still gets its PDF or email within minutes.
RETRY_DELAYS = (datetime.timedelta(seconds=30), datetime.timedelta(minutes=5))


def _enqueue(chosen: Any, *args: Any, attempt: int) -> None:
    """Queue a task; a later attempt runs after its delay where the backend can defer."""
    if attempt > 1 and chosen.get_backend().supports_defer:
        delay = RETRY_DELAYS[min(attempt - 1, len(RETRY_DELAYS)) - 1]
        chosen = chosen.using(run_after=timezone.now() + delay)
    chosen.enqueue(*args, attempt)


def enqueue_render(version_id: int, *, with_progress: bool, attempt: int = 1) -> None:
    """Queue the render of one kind of a version's PDF."""
    _enqueue(render_handout, version_id, with_progress, attempt=attempt)


def enqueue_email(email_id: int, *, attempt: int = 1) -> None:
    """Queue the sending of a requested handout email."""
    _enqueue(email_handout, email_id, attempt=attempt)


@task()
def render_handout(version_id: int, with_progress: bool, attempt: int = 1) -> int:
    """Make the PDF if it is not made yet; return its page count.

    A failure is recorded on the PDF's row and queued again until MAX_ATTEMPTS, then
    raised so the task itself is marked failed too.
    """
    try:
        pdf = handout_pdf_ensure(version_id=version_id, with_progress=with_progress, why="")
    except PlanVersion.DoesNotExist:
        logger.info("Plan version %s is gone (erased): nothing to render", version_id)
        return 0
    except Exception as error:
        final = attempt >= MAX_ATTEMPTS
        handout_render_failed(
            version_id=version_id, with_progress=with_progress, error=error, final=final
        )
        if not final:
            enqueue_render(version_id, with_progress=with_progress, attempt=attempt + 1)
        raise
    return pdf.pages


@task()
def email_handout(email_id: int, attempt: int = 1) -> bool:
    """Send a requested handout email (once); a failure is queued again, then recorded."""
    try:
        return handout_email_deliver(email_id=email_id)
    except HandoutEmail.DoesNotExist:
        logger.info("Handout email %s is gone (erased): nothing to send", email_id)
        return False
    except Exception as error:
        final = attempt >= MAX_ATTEMPTS
        handout_email_failed(email_id=email_id, error=error, final=final)
        if not final:
            enqueue_email(email_id, attempt=attempt + 1)
        raise

"""'Forgot password': Django's reset by email, throttled, with one answer for every request.

Django's views do the work (login_not_required, so LoginRequiredMiddleware lets them
through); this adds the limits of clinic.password_reset and the project's email wording.
Whether the address is known, unknown or over a limit, the answer is the same redirect to
the same "check your email" page, so the form reveals nothing about who has an account.
"""

import logging
from typing import Any

from django.contrib.auth import views as auth_views
from django.http import HttpResponse, HttpResponseRedirect

from clinic.client_ip import client_ip_address
from clinic.password_reset import link_expiry, reset_request_limits_hit

logger = logging.getLogger(__name__)


class ThrottledPasswordResetView(auth_views.PasswordResetView):
    """Email a reset link unless this address or this client asked too often."""

    email_template_name = "registration/password_reset_email.txt"
    subject_template_name = "registration/password_reset_subject.txt"

    def form_valid(self, form: Any) -> HttpResponse:
        client = client_ip_address(self.request)
        over = reset_request_limits_hit(email=form.cleaned_data["email"], client_address=client)
        if over:
            # The typed address stays out of the log (it may be anyone's); the client's
            # address is what an operator can act on.
            logger.warning(
                "Password reset request from %s refused, no email sent: over the limit per %s",
                client,
                " and per ".join(over),
            )
            return HttpResponseRedirect(self.get_success_url())
        self.extra_email_context = {"expiry": link_expiry()}
        return super().form_valid(form)

"""Clinic admins email a staff member a link to set a password instead of typing one."""

import re
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.test import Client as HttpClient
from django.urls import reverse

from clinic.access import NOT_CLINIC_ADMIN
from clinic.forms.admin import TYPED_AND_LINK, TYPED_OR_LINK
from clinic.models import AuditEntry, Clinic
from clinic.services.staff import (
    INACTIVE_FOR_LINK,
    NO_EMAIL_FOR_LINK,
    staff_send_password_link,
)
from tests.clinic.services.test_staff import NEW_STAFF
from tests.factories import TEST_PASSWORD

NEW_PASSWORD = "lantern-meadow-copper-77"
LINK = re.compile(r"^http://testserver(/accounts/password/reset/([^/\s]+)/([^/\s]+)/)$", re.M)
BY_LINK = {**NEW_STAFF, "password": "", "send_link": "on"}


def _link(body: str) -> tuple[str, str]:
    """The path of the one link in a mail body, and its token."""
    ((path, _uid, token),) = LINK.findall(body)
    return path, token


def _set_password(path: str, password: str) -> HttpClient:
    http = HttpClient()
    form_path = http.get(path)["Location"]
    done = http.post(form_path, {"new_password1": password, "new_password2": password})
    assert (done.status_code, done["Location"]) == (302, reverse("password_reset_complete"))
    return http


def _signs_in(username: str, password: str) -> bool:
    response = HttpClient().post(reverse("login"), {"username": username, "password": password})
    return response.status_code == 302


def _audit() -> list[tuple[str, str, int | None, str]]:
    return list(
        AuditEntry.objects.order_by("pk").values_list(
            "action", "object_type", "object_id", "detail"
        )
    )


@pytest.fixture
def admin_named(clinic_admin: User) -> User:
    clinic_admin.first_name, clinic_admin.last_name = "Bea", "Marbleton"
    clinic_admin.save(update_fields=["first_name", "last_name"])
    return clinic_admin


@pytest.fixture
def with_email(therapist: User) -> User:
    therapist.email = "therapist@example.com"
    therapist.save(update_fields=["email"])
    return therapist


# ---- on the create page ------------------------------------------------------------------


def test_staff_create_with_link_emails_it_and_the_link_sets_the_password(
    as_admin: HttpClient, admin_named: User, clinic: Clinic
) -> None:
    response = as_admin.post(reverse("staff_create"), BY_LINK, follow=True)
    assert response.redirect_chain == [(reverse("staff_list"), 302)]
    assert [str(m) for m in response.context["messages"]] == [
        "Casey Moreno (casey) is added. A link to set a password was emailed to casey@example.com."
    ]
    user = User.objects.get(username="casey")
    assert user.has_usable_password() is False
    assert "No password yet" in response.content.decode()
    (sent,) = mail.outbox
    assert (sent.to, sent.subject, sent.reply_to) == (
        ["casey@example.com"],
        "Set your password for Hip & back plans at Riverside Test Clinic",
        [clinic.email],
    )
    assert sent.body.startswith("Hello Casey Moreno,\n\nBea Marbleton, a clinic admin at ")
    assert "Your username is casey." in sent.body
    assert "open this link within 24 hours:" in sent.body
    assert "If you did not expect this email, ignore it" in sent.body
    path, token = _link(sent.body)
    assert _audit() == [
        ("create", "staff", user.pk, "casey as Therapist"),
        ("change", "staff", user.pk, "set-password link sent"),
    ]
    assert [token in detail for *_, detail in _audit()] == [False, False]
    # No usable password (the "forgot password" form skips such accounts): the link works.
    _set_password(path, NEW_PASSWORD)
    assert _signs_in("casey", NEW_PASSWORD) is True


def test_staff_create_with_link_needs_an_email_next_to_the_field(as_admin: HttpClient) -> None:
    response = as_admin.post(reverse("staff_create"), {**BY_LINK, "email": ""})
    form = response.context["form"]
    assert form.errors == {"email": [NO_EMAIL_FOR_LINK]}
    assert (form["username"].value(), form["send_link"].value()) == ("casey", True)
    assert NO_EMAIL_FOR_LINK in response.content.decode()
    assert (User.objects.filter(username="casey").exists(), mail.outbox, _audit()) == (
        False,
        [],
        [],
    )


@pytest.mark.parametrize(
    ("changes", "message"),
    [({"password": "", "send_link": ""}, TYPED_OR_LINK), ({}, TYPED_AND_LINK)],
)
def test_staff_create_password_or_link_not_neither_nor_both(
    as_admin: HttpClient, changes: dict[str, str], message: str
) -> None:
    data = {**NEW_STAFF, "send_link": "on", **changes}
    response = as_admin.post(reverse("staff_create"), data)
    assert response.context["form"].errors == {"password": [message]}
    assert (User.objects.filter(username="casey").exists(), mail.outbox) == (False, [])


def test_staff_create_link_not_sent_keeps_account_and_says_so(
    as_admin: HttpClient, settings: Any
) -> None:
    # A real SMTP connection to a closed port: the mail server is unreachable.
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 1, 2
    response = as_admin.post(reverse("staff_create"), BY_LINK, follow=True)
    assert [str(m) for m in response.context["messages"]] == [
        "Casey Moreno (casey) is added, but the email with the link could not be sent. "
        "Send it again from their page later."
    ]
    user = User.objects.get(username="casey")
    assert [action for action, *_ in _audit()] == ["create"]
    assert user.has_usable_password() is False


# ---- on the edit page ----------------------------------------------------------------------


def test_staff_edit_page_offers_the_link(as_admin: HttpClient, with_email: User) -> None:
    page = as_admin.get(reverse("staff_edit", args=[with_email.pk])).content.decode()
    action = reverse("staff_password_link", args=[with_email.pk])
    assert f'<form method="post" action="{action}">' in page
    assert "Send a set-password link</button>" in page
    assert "(to therapist@example.com). It works once, for 24 hours, and not after" in page


def test_staff_password_link_emails_and_audits(
    as_admin: HttpClient, with_email: User, admin_named: User
) -> None:
    url = reverse("staff_password_link", args=[with_email.pk])
    response = as_admin.post(url, follow=True)
    edit = reverse("staff_edit", args=[with_email.pk])
    assert response.redirect_chain == [(edit, 302)]
    assert [str(m) for m in response.context["messages"]] == [
        "A link to set a password was emailed to therapist@example.com."
    ]
    (sent,) = mail.outbox
    assert sent.to == ["therapist@example.com"]
    path, token = _link(sent.body)
    assert _audit() == [("change", "staff", with_email.pk, "set-password link sent")]
    entry = AuditEntry.objects.get()
    assert (entry.actor_id, entry.clinic_id, entry.client_id) == (
        admin_named.pk,
        with_email.membership.clinic_id,
        None,
    )
    assert token not in entry.detail
    _set_password(path, NEW_PASSWORD)
    assert (_signs_in("therapist", TEST_PASSWORD), _signs_in("therapist", NEW_PASSWORD)) == (
        False,
        True,
    )


def test_staff_password_link_stops_working_after_a_sign_in(
    as_admin: HttpClient, with_email: User
) -> None:
    # The password they remembered after all still works, and the link then does not.
    as_admin.post(reverse("staff_password_link", args=[with_email.pk]))
    path, _token = _link(mail.outbox[0].body)
    assert _signs_in("therapist", TEST_PASSWORD) is True
    response = HttpClient().get(path)
    assert (response.status_code, response.context["validlink"]) == (200, False)


def test_staff_password_link_without_email_message_next_to_field(
    as_admin: HttpClient, colleague: User
) -> None:
    response = as_admin.post(reverse("staff_password_link", args=[colleague.pk]))
    form = response.context["form"]
    assert (response.status_code, form.errors) == (200, {"email": [NO_EMAIL_FOR_LINK]})
    assert form["first_name"].value() == colleague.first_name
    assert NO_EMAIL_FOR_LINK in response.content.decode()
    assert (mail.outbox, _audit()) == ([], [])


def test_staff_password_link_to_deactivated_member_refused(
    as_admin: HttpClient, with_email: User
) -> None:
    with_email.is_active = False
    with_email.save(update_fields=["is_active"])
    response = as_admin.post(reverse("staff_password_link", args=[with_email.pk]))
    assert response.context["form"].errors == {"is_active": [INACTIVE_FOR_LINK]}
    assert (mail.outbox, _audit()) == ([], [])


def test_staff_password_link_other_clinics_member_is_404(
    as_admin: HttpClient, outsider: User
) -> None:
    outsider.email = "outsider@example.com"
    outsider.save(update_fields=["email"])
    response = as_admin.post(reverse("staff_password_link", args=[outsider.pk]))
    assert (response.status_code, mail.outbox, _audit()) == (404, [], [])


def test_staff_password_link_therapist_gets_403(as_therapist: HttpClient, colleague: User) -> None:
    colleague.email = "colleague@example.com"
    colleague.save(update_fields=["email"])
    response = as_therapist.post(reverse("staff_password_link", args=[colleague.pk]))
    assert (response.status_code, NOT_CLINIC_ADMIN in response.content.decode()) == (403, True)
    assert (mail.outbox, _audit()) == ([], [])


def test_staff_password_link_anonymous_goes_to_sign_in(
    client: HttpClient, with_email: User
) -> None:
    url = reverse("staff_password_link", args=[with_email.pk])
    response = client.post(url)
    assert (response.status_code, response["Location"]) == (302, f"/accounts/login/?next={url}")
    assert mail.outbox == []


def test_staff_password_link_get_is_405(as_admin: HttpClient, with_email: User) -> None:
    response = as_admin.get(reverse("staff_password_link", args=[with_email.pk]))
    assert (response.status_code, mail.outbox) == (405, [])


def test_staff_password_link_mail_failure_records_nothing(
    as_admin: HttpClient, with_email: User, settings: Any, caplog: pytest.LogCaptureFixture
) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 1, 2
    response = as_admin.post(reverse("staff_password_link", args=[with_email.pk]), follow=True)
    assert [str(m) for m in response.context["messages"]] == [
        "The email with the link could not be sent; please try again later."
    ]
    assert _audit() == []
    assert [r.getMessage() for r in caplog.records if r.name == "clinic.views.admin"] == [
        f"Set-password link for staff member {with_email.pk} not sent"
    ]


def test_staff_send_password_link_by_therapist_is_refused(
    with_email: User, colleague: User
) -> None:
    with pytest.raises(PermissionDenied):
        staff_send_password_link(
            actor=colleague, member=with_email.membership, origin="https://clinic.example.org"
        )
    assert (mail.outbox, _audit()) == ([], [])


def test_staff_send_password_link_subject_stays_one_line(
    clinic_admin: User, with_email: User, clinic: Clinic
) -> None:
    clinic.name = "Riverside\nPhysio"
    clinic.save(update_fields=["name"])
    member = with_email.membership
    member.clinic.refresh_from_db()
    staff_send_password_link(
        actor=clinic_admin, member=member, origin="https://clinic.example.org/"
    )
    (sent,) = mail.outbox
    assert sent.subject == "Set your password for Hip & back plans at Riverside Physio"
    assert "\nhttps://clinic.example.org/accounts/password/reset/" in sent.body

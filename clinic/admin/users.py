"""Accounts in the maintenance admin (superusers only): changes audited in their clinic.

Django's user admin, with its saves, deletions and password changes routed through
clinic.services.accounts, which keeps the clinic-admin rules and writes a "staff" entry
in the clinic the account belongs to.
"""

from typing import Any

from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import UserChangeForm
from django.contrib.auth.models import User
from django.db import router, transaction
from django.http import HttpRequest, HttpResponse

from clinic.admin.base import ServiceCheckedForm, ServiceWritesAdmin, actor_of
from clinic.services import accounts as services_accounts

EDITABLE = services_accounts.ACCOUNT_FIELDS + services_accounts.ACCOUNT_RELATIONS


class StaffAccountChangeForm(ServiceCheckedForm, UserChangeForm):
    """Django's account form; deactivating a clinic's last admin is refused at the field."""

    class Meta(UserChangeForm.Meta):
        pass

    def check_service(self, actor: User, cleaned: dict[str, Any]) -> None:
        services_accounts.staff_account_check(
            actor=actor, user=self.instance, fields=_changed(self, cleaned)
        )


def _changed(form: Any, cleaned: dict[str, Any]) -> dict[str, Any]:
    """The account fields the form changed, with their new values."""
    return {name: cleaned[name] for name in form.changed_data if name in EDITABLE}


class StaffAccountAdmin(ServiceWritesAdmin, UserAdmin):
    form = StaffAccountChangeForm
    bulk_delete = False  # deleting the last admin is refused: one at a time

    def save_model(self, request: HttpRequest, obj: User, form: Any, change: bool) -> None:
        if not change:
            # A new account belongs to no clinic yet, so no clinic's log can hold its
            # creation; adding it to a clinic (Membership) writes the "staff" entry.
            super().save_model(request, obj, form, change)
            return
        fields = _changed(form, form.cleaned_data)
        services_accounts.staff_account_update(actor=actor_of(request), user=obj, fields=fields)

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        # On a change the service has already set the groups and permissions.
        if not change:
            super().save_related(request, form, formsets, change)

    def delete_model(self, request: HttpRequest, obj: User) -> None:
        services_accounts.staff_account_delete(actor=actor_of(request), user=obj)

    def user_change_password(
        self, request: HttpRequest, id: str, form_url: str = ""
    ) -> HttpResponse:
        # Django's view saves the new password itself; in one transaction with the audit
        # entry log_change writes, so no password changes unaudited.
        with transaction.atomic(using=router.db_for_write(self.model)):
            return super().user_change_password(request, id, form_url)

    def log_change(self, request: HttpRequest, obj: Any, message: Any) -> Any:
        entry = super().log_change(request, obj, message)
        match = request.resolver_match
        if match is not None and match.url_name == "auth_user_password_change":
            services_accounts.staff_password_changed(actor=actor_of(request), user=obj)
        return entry

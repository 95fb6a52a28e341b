"""The maintenance admin's base: every save and delete goes through the app's services.

The services hold the rules (a clinic keeps an active clinic admin, an admin cannot
demote themselves) and write the audit entries, so a change made here is checked and
logged exactly like the same change made in the app. Forms check a service's rules
before saving (a refusal shows next to its field); should someone else's change land in
between, the service refuses at save and the page says so instead of failing.
"""

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

from clinic.forms.admin import ServiceErrorsMixin


def actor_of(request: HttpRequest) -> User:
    """The signed-in user the services act for (the admin lets only signed-in staff in)."""
    user = request.user
    if not isinstance(user, User):
        raise PermissionDenied
    return user


class ServiceWritesAdmin(admin.ModelAdmin):
    """Subclasses save (save_model) and delete (delete_model) through services."""

    # Off where a service can refuse one deletion of many: the bulk action would half
    # succeed and report success. Those are deleted one by one from their own page.
    bulk_delete = True

    def get_form(
        self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any
    ) -> Any:
        form_class = super().get_form(request, obj, change=change, **kwargs)
        # The form checks the service's rules for this user (see ServiceCheckedForm).
        return type(form_class.__name__, (form_class,), {"actor": actor_of(request)})

    def get_actions(self, request: HttpRequest) -> dict[str, Any]:
        actions: dict[str, Any] = super().get_actions(request)
        if not self.bulk_delete:
            actions.pop("delete_selected", None)
        return actions

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        # One by one through delete_model, so each deletion is checked and audited; all or
        # none of them.
        with transaction.atomic():
            for obj in queryset:
                self.delete_model(request, obj)

    def changeform_view(
        self,
        request: HttpRequest,
        object_id: str | None = None,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except ValidationError as error:
            # Nothing was saved: the view's transaction ended with the error.
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())

    def delete_view(
        self, request: HttpRequest, object_id: str, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        try:
            return super().delete_view(request, object_id, extra_context)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            opts = self.opts
            name = f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_change"
            return HttpResponseRedirect(reverse(name, args=[object_id]))


class ServiceCheckedForm(ServiceErrorsMixin, forms.ModelForm):
    """A model form that runs its service's check for the acting user when changing a row.

    `actor` is set per request by ServiceWritesAdmin.get_form; `check_service` raises the
    ValidationError the service would raise on save (keyed by field) and writes nothing,
    so a refusal shows next to its field with everything typed kept.
    """

    actor: User | None = None

    def check_service(self, actor: User, cleaned: dict[str, Any]) -> None:
        """Raise the service's ValidationError for these cleaned values."""

    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean() or {}
        if self.actor is not None and self.instance.pk is not None:
            try:
                self.check_service(self.actor, cleaned)
            except ValidationError as error:
                self.add_service_error(error)
        return cleaned

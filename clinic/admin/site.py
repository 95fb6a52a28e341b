"""Maintenance admin: superusers see everything; clinic admins see only their clinic.

Client records are deliberately not in the admin: they are read and changed in the
app, where every read and change is audited. Everything the admin does change goes
through the app's services (clinic.admin.base), so it follows the same rules and lands
in the clinic's audit log. Groups are not offered: nothing in the product reads them
(access is by clinic role), and a group belongs to no clinic's log.
"""

from typing import Any

from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.auth.models import User
from django.db.models import Model, QuerySet
from django.http import HttpRequest
from django.utils.module_loading import import_string

from clinic.access import membership_of
from clinic.admin.base import ServiceCheckedForm, ServiceWritesAdmin, actor_of
from clinic.admin.users import StaffAccountAdmin
from clinic.forms.admin import profession_field, profession_or_kept
from clinic.forms.clients import SignInForm
from clinic.forms.json_field import BoundedJSONField
from clinic.logos import LogoError, read_logo
from clinic.models import AuditEntry, Clinic, Membership
from clinic.services import accounts as services_accounts
from clinic.services import branding as services_branding
from clinic.services import clinics as services_clinic
from clinic.services import staff as services_staff
from clinic.services.branding import BRANDING_FIELDS


def _is_clinic_admin(request: HttpRequest) -> bool:
    membership = membership_of(request)
    return membership is not None and membership.is_admin and request.user.is_active


class ClinicAdminLoginForm(SignInForm):
    """Lets superusers and clinic admins in, with the same message for everyone else."""

    def confirm_login_allowed(self, user: User) -> None:
        super().confirm_login_allowed(user)
        is_admin = Membership.objects.filter(user_id=user.pk, role="admin").exists()
        if not (getattr(user, "is_superuser", False) or is_admin):
            raise forms.ValidationError(
                "This account cannot use the maintenance area.", code="not_admin"
            )


class ClinicAdminSite(admin.AdminSite):
    site_header = "Clinic maintenance"
    site_title = "Clinic maintenance"
    index_title = "Maintenance"
    login_form = ClinicAdminLoginForm

    def has_permission(self, request: HttpRequest) -> bool:
        return bool(request.user.is_active and request.user.is_superuser) or _is_clinic_admin(
            request
        )


clinic_admin_site = ClinicAdminSite(name="admin")


class ClinicScopedAdmin(ServiceWritesAdmin):
    """Limits rows to the clinic admin's clinic; only superusers add or delete."""

    clinic_lookup = "clinic"

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        membership = membership_of(request)
        if membership is None:
            return queryset.none()
        return queryset.filter(**{self.clinic_lookup: membership.clinic_id})

    def has_module_permission(self, request: HttpRequest) -> bool:
        return clinic_admin_site.has_permission(request)

    def has_view_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return clinic_admin_site.has_permission(request)

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return clinic_admin_site.has_permission(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return bool(request.user.is_superuser)

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return bool(request.user.is_superuser)


class ClinicAdminForm(forms.ModelForm):
    website = forms.URLField(required=False, assume_scheme="https")
    logo_upload = forms.FileField(
        label="Logo", required=False, help_text="PNG or JPEG, up to 512 KB."
    )
    remove_logo = forms.BooleanField(required=False)
    # A few dozen flat "name": number pairs; the bounds refuse hostile JSON before parsing.
    cutoff_overrides = BoundedJSONField(
        label="Cutoff overrides",
        required=False,
        max_characters=5_000,
        max_depth=4,
        help_text='A JSON object of cut-off name to number, e.g. {"slr_reduced_below": 70}.',
    )

    class Meta:
        model = Clinic
        fields = [
            "name",
            "address",
            "phone",
            "email",
            "website",
            "handout_footer",
            "paper_size",
            "cutoff_overrides",
        ]

    def clean_cutoff_overrides(self) -> Any:
        """Checked by the clinical norms module named in settings (it knows the cut-offs)."""
        validate = import_string(settings.CLINIC_CUTOFF_VALIDATOR)
        try:
            return validate(self.cleaned_data.get("cutoff_overrides") or {})
        except ValueError as error:
            raise forms.ValidationError(str(error)) from None

    def clean_logo_upload(self) -> Any:
        upload = self.cleaned_data.get("logo_upload")
        if upload is None:
            return None
        try:
            return read_logo(upload.read())
        except LogoError as error:
            raise forms.ValidationError(str(error)) from None


@admin.register(Clinic, site=clinic_admin_site)
class ClinicAdmin(ClinicScopedAdmin):
    clinic_lookup = "pk"
    form = ClinicAdminForm
    list_display = ["name", "phone", "email", "paper_size"]
    search_fields = ["name"]

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        # A clinic's audit log is kept for good, and its entries keep the clinic (PROTECT).
        return False

    def save_model(self, request: HttpRequest, obj: Clinic, form: Any, change: bool) -> None:
        """Through the branding and cut-off services (two audit entries when both change)."""
        actor, data = actor_of(request), form.cleaned_data
        # The assessment preset is set on the Branding page, not in maintenance.
        branding = {name: data[name] for name in BRANDING_FIELDS if name in data}
        remove_logo = bool(data.get("remove_logo"))
        logo = None if remove_logo else data.get("logo_upload")
        overrides = data.get("cutoff_overrides") or {}
        if not change:
            created = services_clinic.clinic_create(
                actor=actor, fields=branding, cutoff_overrides=overrides, logo=logo
            )
            obj.pk = created.pk  # the admin's log and redirect name the new row
            return
        services_branding.clinic_branding_update(
            actor=actor, clinic=obj, fields=branding, logo=logo, remove_logo=remove_logo
        )
        services_clinic.clinic_cutoffs_update(actor=actor, clinic=obj, overrides=overrides)


class MembershipAdminForm(ServiceCheckedForm):
    """A role change is checked like the staff page's: no self-demotion, one admin kept."""

    profession = profession_field()

    class Meta:
        model = Membership
        fields = ["user", "clinic", "role", "title", "profession"]

    def clean_profession(self) -> str:
        return profession_or_kept(self, self.instance.profession if self.instance.pk else None)

    def check_service(self, actor: User, cleaned: dict[str, Any]) -> None:
        if "role" in cleaned:
            services_staff.staff_update_check(
                actor=actor, member=self.instance, fields={"role": cleaned["role"]}
            )


@admin.register(Membership, site=clinic_admin_site)
class MembershipAdmin(ClinicScopedAdmin):
    form = MembershipAdminForm
    list_display = ["user", "clinic", "role", "title", "profession"]
    list_filter = ["role"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    list_select_related = ["user", "clinic"]
    bulk_delete = False  # removing the last admin is refused: one at a time

    def get_readonly_fields(self, request: HttpRequest, obj: Model | None = None) -> list[str]:
        # A clinic admin cannot move staff into another clinic or take over an account;
        # nobody moves an existing membership (remove it and add one: both audited).
        return [] if request.user.is_superuser and obj is None else ["user", "clinic"]

    def save_model(self, request: HttpRequest, obj: Membership, form: Any, change: bool) -> None:
        data = form.cleaned_data
        if change:
            fields = {
                "role": data["role"],
                "title": data["title"],
                "profession": data["profession"],
            }
            services_staff.staff_update(actor=actor_of(request), member=obj, fields=fields)
            return
        created = services_accounts.staff_join(
            actor=actor_of(request),
            clinic=data["clinic"],
            user=data["user"],
            role=data["role"],
            title=data["title"],
            profession=data["profession"],
        )
        obj.pk = created.pk

    def delete_model(self, request: HttpRequest, obj: Membership) -> None:
        services_accounts.staff_remove(actor=actor_of(request), member=obj)


@admin.register(AuditEntry, site=clinic_admin_site)
class AuditEntryAdmin(ClinicScopedAdmin):
    list_display = ["at", "actor_username", "action", "object_type", "object_id", "client_id"]
    list_filter = ["action", "object_type", "at"]
    search_fields = ["actor_username", "=client_id"]
    date_hierarchy = "at"

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False


clinic_admin_site.register(User, StaffAccountAdmin)

"""Maintenance admin: superusers see everything; clinic admins see only their clinic.

Client records are deliberately not in the admin: they are read and changed in the
app, where every read and change is audited.
"""

from typing import Any

from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group, User
from django.db.models import Model, QuerySet
from django.http import HttpRequest
from django.utils.module_loading import import_string

from clinic.access import membership_of
from clinic.forms import SignInForm
from clinic.forms_json import BoundedJSONField
from clinic.logos import LogoError, read_logo
from clinic.models import AuditEntry, Clinic, Membership


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


class ClinicScopedAdmin(admin.ModelAdmin):
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

    def save(self, commit: bool = True) -> Clinic:
        clinic: Clinic = super().save(commit=False)
        if self.cleaned_data.get("remove_logo"):
            clinic.logo, clinic.logo_content_type = b"", ""
        elif self.cleaned_data.get("logo_upload"):
            clinic.logo, clinic.logo_content_type = self.cleaned_data["logo_upload"]
        if commit:
            clinic.save()
        return clinic


@admin.register(Clinic, site=clinic_admin_site)
class ClinicAdmin(ClinicScopedAdmin):
    clinic_lookup = "pk"
    form = ClinicAdminForm
    list_display = ["name", "phone", "email", "paper_size"]
    search_fields = ["name"]


@admin.register(Membership, site=clinic_admin_site)
class MembershipAdmin(ClinicScopedAdmin):
    list_display = ["user", "clinic", "role", "title"]
    list_filter = ["role"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    list_select_related = ["user", "clinic"]

    def get_readonly_fields(self, request: HttpRequest, obj: Model | None = None) -> list[str]:
        # A clinic admin cannot move staff into another clinic or take over an account.
        return [] if request.user.is_superuser else ["user", "clinic"]


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


clinic_admin_site.register(User, UserAdmin)
clinic_admin_site.register(Group, GroupAdmin)

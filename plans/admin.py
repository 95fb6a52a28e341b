"""The clinic's own library in the maintenance area: clinic admins edit only their clinic's.

Adds, changes and deletions go through plans.library.services, as on the app's library
pages: the same checks, and the same entries in the clinic's audit log.
"""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from clinic.access import membership_of
from clinic.admin.base import actor_of
from clinic.admin.site import ClinicScopedAdmin, clinic_admin_site
from plans.library import BY_SLUG
from plans.library import services as services_library
from plans.library.forms import INTERVENTION_FIELDS, ClinicInterventionForm
from plans.models import ClinicIntervention


class ClinicInterventionAdminForm(ClinicInterventionForm):
    """The app's form (plans.library.forms) plus the clinic, which superusers choose.

    Without the posing fields (posing is on the app's library page); the upload is here.
    """

    with_posing = False

    class Meta(ClinicInterventionForm.Meta):
        fields = ("clinic", *INTERVENTION_FIELDS)


@admin.register(ClinicIntervention, site=clinic_admin_site)
class ClinicInterventionAdmin(ClinicScopedAdmin):
    form = ClinicInterventionAdminForm
    list_display = ["name", "slug", "kind", "copy_of_built_in", "active"]
    list_filter = ["kind", "active"]
    search_fields = ["name", "slug", "targets"]

    @admin.display(boolean=True, description="replaces a built-in")
    def copy_of_built_in(self, obj: ClinicIntervention) -> bool:
        return obj.slug in BY_SLUG

    def has_add_permission(self, request: HttpRequest) -> bool:
        return clinic_admin_site.has_permission(request)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return clinic_admin_site.has_permission(request)

    def get_exclude(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return [] if request.user.is_superuser else ["clinic"]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        # An intervention stays in the clinic it was made for (the services never move one).
        return ["clinic"] if request.user.is_superuser and obj is not None else []

    def get_form(
        self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any
    ) -> Any:
        form_class = super().get_form(request, obj, change=change, **kwargs)
        membership = membership_of(request)
        if request.user.is_superuser or membership is None:
            return form_class
        clinic = membership.clinic

        class ScopedForm(form_class):  # type: ignore[valid-type,misc]
            def __init__(self, *args: Any, **inner: Any) -> None:
                super().__init__(*args, **inner)
                self.instance.clinic = clinic

        return ScopedForm

    def save_model(
        self, request: HttpRequest, obj: ClinicIntervention, form: Any, change: bool
    ) -> None:
        actor, fields = actor_of(request), form.intervention_fields()
        picture = form.cleaned_data.get("picture_upload")
        if change:
            services_library.clinic_intervention_update(
                actor=actor,
                intervention=obj,
                fields=fields,
                picture=picture,
                remove_picture=bool(form.cleaned_data.get("remove_picture")),
            )
            return
        # The clinic: a superuser's choice, else the clinic admin's own (set by the form);
        # the service refuses a clinic the actor is not an admin of.
        created = services_library.clinic_intervention_create(
            actor=actor, clinic=obj.clinic, fields=fields, picture=picture
        )
        obj.pk = created.pk

    def delete_model(self, request: HttpRequest, obj: ClinicIntervention) -> None:
        services_library.clinic_intervention_delete(actor=actor_of(request), intervention=obj)

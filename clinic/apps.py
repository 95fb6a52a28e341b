from django.apps import AppConfig


class ClinicConfig(AppConfig):
    """Clinics, their staff and clients, access scoping and the audit log."""

    name = "clinic"
    verbose_name = "Clinic"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Connects the sign-in receiver that starts the idle and lifetime clocks.
        from clinic.middleware import session  # noqa: F401

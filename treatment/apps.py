from django.apps import AppConfig


class TreatmentConfig(AppConfig):
    """The hands-on treatment given at a visit, its techniques and precaution screen."""

    name = "treatment"
    verbose_name = "Treatment given"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # The "treatment" section of the assessment interchange document, version 2: the
        # assessments app declares the registry and never imports this app.
        from assessments.interchange.sections import register
        from treatment.interchange import SECTION

        register(SECTION)

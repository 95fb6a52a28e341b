from django.apps import AppConfig


class TreatmentConfig(AppConfig):
    """The hands-on treatment given at a visit, its techniques and precaution screen."""

    name = "treatment"
    verbose_name = "Treatment given"
    default_auto_field = "django.db.models.BigAutoField"

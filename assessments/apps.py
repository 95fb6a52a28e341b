from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    """One visit's structured assessment, its norms and its findings."""

    name = "assessments"
    verbose_name = "Assessments"
    default_auto_field = "django.db.models.BigAutoField"

from django.apps import AppConfig


class EpisodesConfig(AppConfig):
    """Episodes of care: goals, planned sessions, reassessment, discharge, progress letter."""

    name = "episodes"
    verbose_name = "Episodes of care"
    default_auto_field = "django.db.models.BigAutoField"

from django.apps import AppConfig


class PlansConfig(AppConfig):
    """Intervention library, rules from findings to suggestions, plans and handouts."""

    name = "plans"
    verbose_name = "Plans"
    default_auto_field = "django.db.models.BigAutoField"

from django.apps import AppConfig


class GemeentenConfig(AppConfig):
    name = "gemeenten"
    verbose_name = "Gemeenten"
    default_auto_field = "django.db.models.BigAutoField"

from django.apps import AppConfig


class TaalcheckConfig(AppConfig):
    name = "taalcheck"
    label = "taalcheck"
    verbose_name = "Taalcheck"
    default_auto_field = "django.db.models.BigAutoField"

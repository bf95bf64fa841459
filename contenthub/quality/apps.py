from django.apps import AppConfig


class QualityConfig(AppConfig):
    name = "contenthub.quality"
    label = "quality"
    verbose_name = "Publicatiecontrole"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import checks  # noqa: F401

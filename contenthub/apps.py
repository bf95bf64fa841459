from django.apps import AppConfig


class ContenthubConfig(AppConfig):
    name = "contenthub"
    verbose_name = "Producten- en dienstencatalogus"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import signal_handlers  # noqa: F401

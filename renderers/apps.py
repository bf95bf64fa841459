from django.apps import AppConfig


class RenderersConfig(AppConfig):
    name = "renderers"
    verbose_name = "Kanalen"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import signal_handlers  # noqa: F401

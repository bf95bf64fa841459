from django.apps import AppConfig


class RenderersConfig(AppConfig):
    name = "renderers"
    verbose_name = "Kanalen"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from contenthub.extensions import extensions

        from . import signal_handlers  # noqa: F401
        from .preview import CHANNEL_PREVIEWS, serve_live

        extensions.register_preview_provider(CHANNEL_PREVIEWS)
        extensions.live_view = serve_live

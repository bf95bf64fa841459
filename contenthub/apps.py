from django.apps import AppConfig


class ContenthubConfig(AppConfig):
    name = "contenthub"
    verbose_name = "Producten- en dienstencatalogus"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import checks, signal_handlers  # noqa: F401
        from .extensions import extensions

        # Nothing goes live without a guard; publicatie registers the gate.
        extensions.require_live_guard("contenthub.ProductPage")
        extensions.require_live_guard("contenthub.Basistekst")

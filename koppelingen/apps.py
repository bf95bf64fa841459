from django.apps import AppConfig


class KoppelingenConfig(AppConfig):
    name = "koppelingen"
    verbose_name = "Koppelingen"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from contenthub.extensions import extensions
        from gemeenten.services import register_site_permissions

        from . import signal_handlers  # noqa: F401
        from .panels import ImportPanel
        from .permissions import BEHEERDER_SITE_PERMISSIONS

        extensions.register_editor_tab(
            "contenthub.ProductPage", "Import", lambda: [ImportPanel()]
        )
        # A gemeente's beheerders manage their own gemeente's webhooks.
        register_site_permissions("beheerders", *BEHEERDER_SITE_PERMISSIONS)

from django.apps import AppConfig


class ContenthubApiConfig(AppConfig):
    """The GraphQL API and headless preview (app label kept from api)."""

    name = "api"
    label = "contenthub_api"
    verbose_name = "GraphQL-API"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from contenthub.extensions import extensions

        from .preview import (
            HEADLESS_PREVIEW,
            client_root_url,
            create_site_bound_preview,
        )

        extensions.register_preview_provider(HEADLESS_PREVIEW)
        extensions.client_root_url = client_root_url
        extensions.page_preview_factory = create_site_bound_preview

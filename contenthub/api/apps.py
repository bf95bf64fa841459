from django.apps import AppConfig


class ContenthubApiConfig(AppConfig):
    name = "contenthub.api"
    label = "contenthub_api"
    verbose_name = "GraphQL-API"
    default_auto_field = "django.db.models.BigAutoField"

from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo catalogue and the national-scale generator (commands only)."""

    name = "demo"
    verbose_name = "Demo"

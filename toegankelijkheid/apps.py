from django.apps import AppConfig


class ToegankelijkheidConfig(AppConfig):
    """Django app only for the ``wcagcheck`` management command; the checker itself needs no Django."""

    name = "toegankelijkheid"
    label = "toegankelijkheid"
    verbose_name = "Toegankelijkheid (WCAG 2.2 AA)"

"""Per-site settings: each gemeente is a Wagtail Site with its own values."""

from __future__ import annotations

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="site")
class GemeenteInstellingen(BaseSiteSetting):
    """Facts about the gemeente that every channel needs (brief, web, chatbot)."""

    naam = models.CharField("naam van de gemeente", max_length=120, blank=True)
    website = models.URLField(
        "publieke website",
        blank=True,
        help_text="Het adres waar de productpagina's voor inwoners staan.",
    )
    postadres = models.TextField("postadres", blank=True)

    panels = [FieldPanel("naam"), FieldPanel("website"), FieldPanel("postadres")]

    class Meta:
        verbose_name = "gemeente"
        verbose_name_plural = "gemeenten"

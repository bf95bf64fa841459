"""Webhooks: endpoints a beheerder registers per gemeente, and every delivery."""

from __future__ import annotations

import secrets
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel

LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})
"""Where plain http may go, and only with DEBUG on: a receiver on the
developer's own machine."""


def url_allowed(url: str) -> bool:
    """https, or http to this machine while DEBUG is on; nothing else."""
    parts = urlsplit(url)
    if parts.scheme == "https" and parts.hostname:
        return True
    return (
        parts.scheme == "http"
        and bool(settings.DEBUG)
        and (parts.hostname or "") in LOCAL_HOSTS
    )


def validate_webhook_url(value: str) -> None:
    if not url_allowed(value):
        raise ValidationError(
            "Een webhook-adres moet met https:// beginnen (http:// alleen voor "
            "localhost tijdens het ontwikkelen).",
            code="webhook_url",
        )


def new_secret() -> str:
    return secrets.token_urlsafe(32)


class WebhookEndpoint(models.Model):
    """An address that hears about every publication and unpublication of a gemeente."""

    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name="gemeente",
        on_delete=models.CASCADE,
        related_name="webhook_endpoints",
    )
    naam = models.CharField("naam", max_length=120)
    url = models.URLField(
        "adres",
        max_length=500,
        validators=[validate_webhook_url],
        help_text="Het https-adres dat elk bericht ontvangt.",
    )
    geheim = models.CharField(
        "geheim",
        max_length=100,
        default=new_secret,
        help_text=(
            "Hiermee ondertekent de hub elk bericht (HMAC-SHA256, kop "
            "X-Contenthub-Signature). Geef het alleen aan de ontvanger."
        ),
    )
    actief = models.BooleanField("actief", default=True)
    aangemaakt_op = models.DateTimeField("aangemaakt op", auto_now_add=True)

    panels = [
        FieldPanel("site"),
        FieldPanel("naam"),
        FieldPanel("url"),
        FieldPanel("geheim"),
        FieldPanel("actief"),
    ]

    class Meta:
        verbose_name = "webhook"
        verbose_name_plural = "webhooks"
        ordering = ["site", "naam"]

    def __str__(self) -> str:
        return f"{self.naam} ({self.site})"


class WebhookDelivery(models.Model):
    """One event for one endpoint, with every attempt to deliver it."""

    class Status(models.TextChoices):
        WACHTEND = "wachtend", "Wacht op (nieuwe) poging"
        AFGELEVERD = "afgeleverd", "Afgeleverd"
        MISLUKT = "mislukt", "Mislukt na alle pogingen"
        VERVALLEN = "vervallen", "Niet verstuurd: het bericht klopt niet meer"

    endpoint = models.ForeignKey(
        WebhookEndpoint,
        verbose_name="webhook",
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    event_id = models.UUIDField("event-id")
    event_type = models.CharField("soort", max_length=100)
    payload = models.JSONField("bericht")
    status = models.CharField(
        "status", max_length=12, choices=Status.choices, default=Status.WACHTEND
    )
    pogingen = models.PositiveIntegerField("pogingen", default=0)
    laatste_statuscode = models.PositiveIntegerField(
        "laatste HTTP-status", null=True, blank=True
    )
    laatste_fout = models.TextField("laatste fout", blank=True)
    volgende_poging_op = models.DateTimeField("volgende poging", null=True, blank=True)
    aangemaakt_op = models.DateTimeField("aangemaakt op", auto_now_add=True)
    afgeleverd_op = models.DateTimeField("afgeleverd op", null=True, blank=True)

    panels = [
        FieldPanel("status", read_only=True),
        FieldPanel("pogingen", read_only=True),
        FieldPanel("laatste_fout", read_only=True),
    ]

    class Meta:
        verbose_name = "webhook-aflevering"
        verbose_name_plural = "webhook-afleveringen"
        ordering = ["-aangemaakt_op"]

    def __str__(self) -> str:
        return f"{self.event_type} → {self.endpoint.naam}: {self.get_status_display()}"


class Importherkomst(models.Model):
    """Where an imported product came from, and the draft the import last wrote.

    One row per gemeente, source and external id: a second run finds the same
    draft here (never a duplicate) and leaves it alone when an editor saved a
    newer version since (``revisie`` is then no longer the latest).
    """

    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name="gemeente",
        on_delete=models.CASCADE,
        related_name="importherkomsten",
    )
    bron = models.CharField("bron", max_length=20)
    extern_id = models.CharField("extern kenmerk", max_length=500)
    page = models.ForeignKey(
        "contenthub.ProductPage",
        verbose_name="product",
        on_delete=models.CASCADE,
        related_name="importherkomsten",
    )
    revisie = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name="revisie van de import",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    vingerafdruk = models.CharField("vingerafdruk van de invoer", max_length=64)
    notitie = models.TextField(
        "notitie voor de redacteur",
        blank=True,
        help_text="Wat de import niet in een veld kon plaatsen.",
    )
    bijgewerkt_op = models.DateTimeField("bijgewerkt op", auto_now=True)

    class Meta:
        verbose_name = "importherkomst"
        verbose_name_plural = "importherkomsten"
        constraints = [
            models.UniqueConstraint(
                fields=["site", "bron", "extern_id"], name="importherkomst_uniek"
            )
        ]

    def __str__(self) -> str:
        return f"{self.bron}: {self.extern_id}"

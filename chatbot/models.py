"""The question log: what citizens ask, without who they are."""

from __future__ import annotations

from django.db import models


class Vraaglog(models.Model):
    """One question to the chatbot, scrubbed of personal data, with its outcome.

    Contentmanagers read the questions without a good answer in the admin
    report and add zoektermen or write a product: datagestuurde interactie.
    Entries older than ``CHATBOT_BEWAARTERMIJN_DAGEN`` are removed by
    ``manage.py vraaglog_opschonen``.
    """

    vraag = models.TextField("vraag (zonder persoonsgegevens)")
    genormaliseerd = models.CharField(
        "genormaliseerde vraag",
        max_length=255,
        db_index=True,
        help_text="Vragen met dezelfde woorden na normaliseren staan in één groep.",
    )
    product = models.ForeignKey(
        "contenthub.ProductPage",
        verbose_name="gevonden product",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    score = models.FloatField("score")
    fallback = models.BooleanField("doorverwezen naar een medewerker", default=False)
    vervolgvraag = models.BooleanField("vervolgvraag", default=False)
    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name="gemeente",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField("gesteld op", auto_now_add=True, db_index=True)
    token = models.CharField(
        "kenmerk voor terugkoppeling",
        max_length=32,
        blank=True,
        db_index=True,
        help_text="Willekeurig; de chatbot geeft het mee zodat de inwoner kan "
        "zeggen of het antwoord hielp. Zegt niets over wie vroeg.",
    )
    geholpen = models.BooleanField("antwoord geholpen", null=True, blank=True)
    onderwerpwissel = models.BooleanField(
        "vervolgvraag wisselde van onderwerp", default=False
    )
    instantie = models.CharField(
        "doorverwezen naar (niet van de gemeente)", max_length=40, blank=True
    )
    taal = models.CharField(
        "taal",
        max_length=8,
        choices=[("nl", "Nederlands"), ("en", "Engels")],
        default="nl",
        help_text="De taal van het gesprek: van de pagina waarop de chatbot "
        "openstond, anders van de vraag zelf.",
    )

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        GEKOPPELD = "gekoppeld", "Gekoppeld aan een product"
        NIET_GEMEENTE = "niet_gemeente", "Niet van de gemeente"

    status = models.CharField(
        "afhandeling", max_length=20, choices=Status.choices, default=Status.OPEN
    )

    class Meta:
        verbose_name = "chatbotvraag"
        verbose_name_plural = "chatbotvragen"
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["fallback", "created_at"])]

    def __str__(self) -> str:
        return self.vraag

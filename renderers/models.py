"""Renderings stored at publication, so reads never render."""

from __future__ import annotations

from django.db import models


class ChannelRendering(models.Model):
    """The rendering of one product in one channel (and variant), for one revision.

    Stored only together with the approval that allowed it
    (``renderers.approval``); readers serve it only while that approval
    matches the product's inputs.
    """

    page = models.ForeignKey(
        "contenthub.ProductPage", on_delete=models.CASCADE, related_name="renderings"
    )
    channel = models.CharField("kanaal", max_length=32)
    variant = models.CharField("variant", max_length=32, blank=True, default="")
    media_type = models.CharField("mediatype", max_length=100)
    content = models.TextField("inhoud", blank=True)
    binary = models.BinaryField("binaire inhoud", null=True, blank=True)
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    etag = models.CharField("ETag", max_length=40)
    verdict_id = models.PositiveBigIntegerField(
        "keuring",
        null=True,
        help_text="De keuring van de publicatiecontrole die deze weergave toeliet.",
    )
    inputs_fingerprint = models.CharField(
        "vingerafdruk van de invoer",
        max_length=64,
        blank=True,
        help_text="Van de pagina, snippets, instellingen en gerelateerde producten.",
    )
    rendered_at = models.DateTimeField("gemaakt op", auto_now=True)

    class Meta:
        verbose_name = "kanaalweergave"
        verbose_name_plural = "kanaalweergaven"
        constraints = [
            models.UniqueConstraint(
                fields=["page", "channel", "variant"],
                name="unique_rendering_per_channel",
            )
        ]

    def __str__(self) -> str:
        suffix = f" ({self.variant})" if self.variant else ""
        return f"{self.page_id} {self.channel}{suffix}"

    @property
    def data(self) -> bytes | str:
        return bytes(self.binary) if self.binary is not None else self.content

    @property
    def approved(self) -> bool:
        """Stored with an approval (whether it still matches is the reader's question)."""
        return self.verdict_id is not None and bool(self.inputs_fingerprint)


class ProductDocument(models.Model):
    """What the API serves of one product page (so one per language: an
    English translation is its own page), stored with the renderings.

    Written by ``renderers.services.store_renderings`` in the same transaction
    as the channel renderings and with the same approval; deleted with them.
    A read checks it against the page row (``renderers.documents``), never
    builds it.
    """

    page = models.OneToOneField(
        "contenthub.ProductPage",
        on_delete=models.CASCADE,
        related_name="api_document",
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    verdict_id = models.PositiveBigIntegerField("keuring", null=True)
    inputs_fingerprint = models.CharField(
        "vingerafdruk van de invoer", max_length=64, blank=True
    )
    row_digest = models.CharField(
        "vingerafdruk van de paginarij",
        max_length=64,
        help_text="Van de opgeslagen waarden van de pagina zelf, bij het opslaan.",
    )
    sources_digest = models.CharField(
        "vingerafdruk van de overige invoer",
        max_length=64,
        blank=True,
        help_text=(
            "Van de opgeslagen waarden van wat de pagina verder toont: contactpunt, "
            "locaties, instellingen, site, thema, zoektermen en gerelateerde "
            "producten."
        ),
    )
    linked_ids = models.JSONField(
        "gekoppelde gerelateerde producten",
        default=list,
        blank=True,
        help_text="Alle gerelateerde producten van de pagina, ook niet-gepubliceerde.",
    )
    related_ids = models.JSONField(
        "getoonde gerelateerde producten", default=list, blank=True
    )
    data = models.JSONField("inhoud")
    stored_at = models.DateTimeField("opgeslagen op", auto_now=True)

    class Meta:
        verbose_name = "API-document"
        verbose_name_plural = "API-documenten"

    def __str__(self) -> str:
        return f"{self.page_id} api"

    @property
    def approved(self) -> bool:
        return self.verdict_id is not None and bool(self.inputs_fingerprint)

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

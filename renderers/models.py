"""Renderings stored at publication, so reads never render."""

from __future__ import annotations

from django.db import models


class ChannelRendering(models.Model):
    """The rendering of one product in one channel (and variant), for one revision."""

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

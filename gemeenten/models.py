"""Which groups and which collection belong to which gemeente.

One row per gemeente (Wagtail Site). The link is stored, not derived from a
group's name, so renaming a gemeente (or a group) never loses or mixes up
who may edit what; ``gemeenten.services.ensure_gemeente_groups`` creates
and repairs the row.
"""

from __future__ import annotations

from django.db import models


class GemeenteRollen(models.Model):
    """The three editorial groups, media collection and workflow of one gemeente."""

    site = models.OneToOneField(
        "wagtailcore.Site",
        verbose_name="gemeente",
        on_delete=models.CASCADE,
        related_name="gemeenterollen",
    )
    contentmanagers = models.OneToOneField(
        "auth.Group",
        verbose_name="groep contentmanagers",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    communicatieadviseurs = models.OneToOneField(
        "auth.Group",
        verbose_name="groep communicatieadviseurs",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    beheerders = models.OneToOneField(
        "auth.Group",
        verbose_name="groep beheerders",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    collectie = models.OneToOneField(
        "wagtailcore.Collection",
        verbose_name="collectie voor afbeeldingen en documenten",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    workflow = models.OneToOneField(
        "wagtailcore.Workflow",
        verbose_name="publicatieworkflow",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        # The table kept its name when the model moved from contenthub
        # (migrations contenthub 0005 and gemeenten 0001): no data moved.
        db_table = "contenthub_gemeenterollen"
        verbose_name = "rollen van een gemeente"
        verbose_name_plural = "rollen van gemeenten"

    def __str__(self) -> str:
        return f"Rollen van {self.site}"

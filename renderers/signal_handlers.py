"""Render at publication; re-render when a snippet a product uses changes."""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published

from contenthub.catalogue import bump_catalogue_version
from contenthub.models import Contactpunt, Locatie, ProductPage

from .models import ChannelRendering
from .services import store_renderings
from .tasks import rerender_products_task


@receiver(page_published, sender=ProductPage)
def render_on_publish(sender, instance: ProductPage, revision, **kwargs) -> None:
    # The publication gate may have taken a copied page down again.
    if ProductPage.objects.filter(pk=instance.pk, live=True).exists():
        store_renderings(instance, revision=revision)


def _enqueue(page_ids: list[int]) -> None:
    if page_ids:
        # After commit, so the task sees the new snippet values.
        transaction.on_commit(lambda: rerender_products_task.enqueue(page_ids))


@receiver(post_save, sender=Contactpunt)
def rerender_after_contactpunt_change(
    sender, instance: Contactpunt, created: bool, **kwargs
) -> None:
    if not created:
        _enqueue(
            list(
                ProductPage.objects.live()
                .filter(contact=instance)
                .values_list("pk", flat=True)
            )
        )


@receiver(post_save, sender=Locatie)
def rerender_after_locatie_change(
    sender, instance: Locatie, created: bool, **kwargs
) -> None:
    if not created:
        _enqueue(list(instance.producten.live().values_list("pk", flat=True)))


# Readers serve stored renderings: a new or changed one is a catalogue change.
post_save.connect(
    bump_catalogue_version,
    sender=ChannelRendering,
    dispatch_uid="catalogue_rendering_saved",
)
post_delete.connect(
    bump_catalogue_version,
    sender=ChannelRendering,
    dispatch_uid="catalogue_rendering_deleted",
)

"""What changes live output becomes a webhook event.

- renderings stored for a new live revision (a publication, also one made by
  a doorwerking): ``gepubliceerd``;
- renderings of the same revision stored again with other output (a snippet
  or the gemeente's settings changed, the clock's herkeur, a kostenwissel):
  ``bijgewerkt``, only when some channel's output really changed;
- an unpublication, or renderings withdrawn because the gate refused the
  product's new inputs: ``ingetrokken``.

``queue_event`` logs the deliveries in the same transaction and sends them
only after it commits: a change that is rolled back sends nothing.
"""

from __future__ import annotations

from django.dispatch import receiver
from wagtail.signals import page_unpublished

from contenthub.models import ProductPage
from renderers.signals import renderings_stored, renderings_withdrawn

from .webhooks import (
    EVENT_BIJGEWERKT,
    EVENT_GEPUBLICEERD,
    EVENT_INGETROKKEN,
    queue_event,
)


@receiver(renderings_stored, dispatch_uid="webhooks_renderings_stored")
def renderings_changed(
    sender, page, revision, changed: list[str], new_revision: bool, **kwargs
) -> None:
    if not new_revision and not changed:
        return
    queue_event(
        page=page,
        event_type=EVENT_GEPUBLICEERD if new_revision else EVENT_BIJGEWERKT,
        revision_id=revision.pk if revision else None,
        channels=changed,
    )


@receiver(renderings_withdrawn, dispatch_uid="webhooks_renderings_withdrawn")
def renderings_gone(
    sender, page_ids: list[int], channels: dict[int, list[str]], **kwargs
) -> None:
    for page in ProductPage.objects.filter(pk__in=page_ids).order_by("path"):
        queue_event(
            page=page,
            event_type=EVENT_INGETROKKEN,
            revision_id=None,
            channels=channels.get(page.pk, []),
        )


@receiver(page_unpublished, sender=ProductPage, dispatch_uid="webhooks_unpublished")
def product_unpublished(sender, instance: ProductPage, **kwargs) -> None:
    queue_event(
        page=instance, event_type=EVENT_INGETROKKEN, revision_id=None, channels=[]
    )

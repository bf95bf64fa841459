"""Mark the chatbot's indexes stale when the catalogue changes.

Bumped at once (so this process and tests see it) and again after the
transaction commits (so another process that rebuilt in between, from the
old data, builds again).
"""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished

from contenthub.models import Contactpunt, ProductPage
from renderers.models import ChannelRendering

from .index import bump_catalogue_version


def _bump(**kwargs) -> None:
    bump_catalogue_version()
    transaction.on_commit(bump_catalogue_version)


# A product published, unpublished, saved (moves and creations without
# publication too) or deleted; a contactpunt changed (the handover data).
receiver(page_published, sender=ProductPage, dispatch_uid="chatbot-published")(_bump)
receiver(page_unpublished, sender=ProductPage, dispatch_uid="chatbot-unpublished")(
    _bump
)
receiver(post_save, sender=ProductPage, dispatch_uid="chatbot-page-saved")(_bump)
receiver(post_delete, sender=ProductPage, dispatch_uid="chatbot-page-deleted")(_bump)
receiver(post_save, sender=Contactpunt, dispatch_uid="chatbot-contact-saved")(_bump)
receiver(post_delete, sender=Contactpunt, dispatch_uid="chatbot-contact-deleted")(_bump)


@receiver(post_save, sender=ChannelRendering, dispatch_uid="chatbot-rendering-saved")
def _rendering_saved(sender, created: bool = False, **kwargs) -> None:
    # The index holds only products with a stored chatbot rendering; the
    # first one is stored just after publication.
    if created:
        _bump()


# A site's root page or host name decides which products belong to a gemeente.
receiver(post_save, sender=Site, dispatch_uid="chatbot-site-saved")(_bump)
receiver(post_delete, sender=Site, dispatch_uid="chatbot-site-deleted")(_bump)

# A view restriction makes a product private: it leaves the chatbot.
receiver(
    post_save, sender=PageViewRestriction, dispatch_uid="chatbot-restriction-saved"
)(_bump)
receiver(
    post_delete, sender=PageViewRestriction, dispatch_uid="chatbot-restriction-deleted"
)(_bump)

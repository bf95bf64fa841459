"""A new catalogue version whenever published content may have changed.

Connected in ``apps.ready``. The version changes after the transaction
commits, so no request can cache the old content under the new version.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from contenthub.models import (
    Contactpunt,
    GemeenteInstellingen,
    HomePage,
    Locatie,
    ProductPage,
    ThemaPage,
)
from renderers.models import ChannelRendering

from .cache import bump_catalogue_version


def invalidate_catalogue(**kwargs) -> None:
    transaction.on_commit(bump_catalogue_version)


# Publication of any page: products, themes and home pages.
page_published.connect(invalidate_catalogue, dispatch_uid="contenthub_api_published")
page_unpublished.connect(
    invalidate_catalogue, dispatch_uid="contenthub_api_unpublished"
)
post_page_move.connect(invalidate_catalogue, dispatch_uid="contenthub_api_moved")

# What published pages show or who may see them: snippets, the gemeente's
# settings, sites, view restrictions and stored renderings (re-rendered in a
# task after a snippet changes). Pages themselves change for the API only by
# publication (above) or deletion.
CHANGED = (
    Contactpunt,
    Locatie,
    GemeenteInstellingen,
    Site,
    PageViewRestriction,
    ChannelRendering,
)
DELETED = (*CHANGED, HomePage, ThemaPage, ProductPage)

for model in CHANGED:
    post_save.connect(
        invalidate_catalogue,
        sender=model,
        dispatch_uid=f"contenthub_api_saved_{model._meta.label_lower}",
    )
for model in DELETED:
    post_delete.connect(
        invalidate_catalogue,
        sender=model,
        dispatch_uid=f"contenthub_api_deleted_{model._meta.label_lower}",
    )

"""A new catalogue version whenever published content may have changed.

Connected in ``ContenthubConfig.ready``. Apps that store content derived from
the catalogue (the stored renderings) connect their own models the same way.
"""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save
from wagtail.models import Locale, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .catalogue import bump_catalogue_version
from .models import (
    Contactpunt,
    GemeenteInstellingen,
    HomePage,
    Locatie,
    ProductPage,
    ThemaPage,
)
from .talen import forget_locales

# Publication of any page (products, themes, home pages) and moves.
page_published.connect(bump_catalogue_version, dispatch_uid="catalogue_published")
page_unpublished.connect(bump_catalogue_version, dispatch_uid="catalogue_unpublished")
post_page_move.connect(bump_catalogue_version, dispatch_uid="catalogue_moved")

# What published pages show or who may see them: snippets, the gemeente's
# settings, sites and view restrictions. Pages themselves change for readers
# only by publication (above) or deletion.
CHANGED = (Contactpunt, Locatie, GemeenteInstellingen, Site, PageViewRestriction)
DELETED = (*CHANGED, HomePage, ThemaPage, ProductPage)

for model in CHANGED:
    post_save.connect(
        bump_catalogue_version,
        sender=model,
        dispatch_uid=f"catalogue_saved_{model._meta.label_lower}",
    )
for model in DELETED:
    post_delete.connect(
        bump_catalogue_version,
        sender=model,
        dispatch_uid=f"catalogue_deleted_{model._meta.label_lower}",
    )

# The language of each locale is kept per process (contenthub/talen.py).
post_save.connect(forget_locales, sender=Locale, dispatch_uid="talen_locale_saved")
post_delete.connect(forget_locales, sender=Locale, dispatch_uid="talen_locale_deleted")

"""Headless preview: which external front-end previews a page of which gemeente.

``WAGTAIL_HEADLESS_PREVIEW["CLIENT_URLS"]`` maps a Site's hostname (or
``default``) to the front-end's preview URL; it is read from
``CONTENTHUB_PREVIEW_CLIENT_URLS``. The page's *own* gemeente decides, not
the host of the admin, so every gemeente previews on its own front-end.
"""

from __future__ import annotations

from django.http import HttpRequest
from wagtail.models import Page, Site
from wagtail_headless_preview.models import get_client_root_url_from_site
from wagtail_headless_preview.settings import headless_preview_settings

HEADLESS_MODE = "front-end"
HEADLESS_LABEL = "Externe front-end"


def site_of(page: Page) -> Site | None:
    """The gemeente (Site) of a page, also of a new page in preview."""
    if not page.path:
        return None
    home = page.path[: 2 * Page.steplen]
    return (
        Site.objects.filter(root_page__path=home).order_by("-is_default_site").first()
    )


def client_root_url(page: Page, request: HttpRequest | None = None) -> str | None:
    """The preview URL of the front-end of ``page``'s gemeente, if one is set."""
    urls = headless_preview_settings.CLIENT_URLS or {}
    site = site_of(page) or (Site.find_for_request(request) if request else None)
    if site is None or (site.hostname not in urls and "default" not in urls):
        return None
    return get_client_root_url_from_site(site)

"""Headless preview: which external front-end previews a page of which gemeente.

``WAGTAIL_HEADLESS_PREVIEW["CLIENT_URLS"]`` maps a Site's hostname (or
``default``) to the front-end's preview URL; it is read from
``CONTENTHUB_PREVIEW_CLIENT_URLS``. The page's *own* gemeente decides, not
the host of the admin, so every gemeente previews on its own front-end.

A preview token names the page's gemeente (``create_site_bound_preview``):
another gemeente's host, or another gemeente named in ``gemeente``, gets
``PREVIEWTOKEN_ONGELDIG`` instead of the draft.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from wagtail.models import Page, Site
from wagtail_headless_preview.models import (
    HeadlessPreviewMixin,
    PagePreview,
    get_client_root_url_from_site,
)
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
    if not urls:
        # No front-end set (the default): nothing to look up. Wagtail asks a
        # page's preview modes about ten times per edit page.
        return None
    site = site_of(page) or (Site.find_for_request(request) if request else None)
    if site is None or (site.hostname not in urls and "default" not in urls):
        return None
    return get_client_root_url_from_site(site)


class HeadlessPreview:
    """The gemeente's external front-end as a preview mode, where one is set."""

    def modes(self, page: Page) -> list[tuple[str, str]]:
        if not isinstance(page, Page):  # a basistekst has no front-end of its own
            return []
        return [(HEADLESS_MODE, HEADLESS_LABEL)] if client_root_url(page) else []

    def serve(self, page: Page, request: HttpRequest, mode: str) -> HttpResponse | None:
        if mode != HEADLESS_MODE or not isinstance(page, Page):
            return None
        return HeadlessPreviewMixin.serve_preview(page, request, mode)


HEADLESS_PREVIEW = HeadlessPreview()


# The token is tied to the page's gemeente: wagtail-headless-preview signs
# "id=<page>" (or "parent_id=...;page_type=..." for a new page); the hub adds
# ";site=<site id>", and productPreview opens the draft only on that site.
SITE_FIELD = "site"


def create_site_bound_preview(page: Page) -> PagePreview:
    """A stored preview whose signed token names the page's gemeente."""
    if page.pk is None:
        identifier = f"parent_id={page.get_parent().pk};page_type={page._meta.label}"
    else:
        identifier = f"id={page.pk}"
    site = site_of(page)
    token = page.get_preview_signer().sign(
        f"{identifier};{SITE_FIELD}={site.pk if site else ''}"
    )
    preview, _ = page.update_page_preview(token)
    return preview


def token_site_id(value: str) -> int | None:
    """The site id in an unsigned token value, or None when it names none."""
    for part in value.split(";"):
        name, _, site_id = part.partition("=")
        if name == SITE_FIELD and site_id.isdigit():
            return int(site_id)
    return None

"""The published catalogue: one definition of "live", one catalogue version.

Every public reader (the GraphQL API, the chatbot) starts from
:func:`live_products` or :func:`live_themas`, so the rule "only what is
published" is written once. A page counts as live when it is published, not
expired (also before ``publish_scheduled`` has run), not behind a view
restriction (on itself or an ancestor), and its theme and home page are live
as well.

The *catalogue version* changes whenever anything a reader shows may have
changed (``contenthub.signal_handlers`` and the apps that store derived
content call :func:`bump_catalogue_version`). Readers keep caches and indexes
under it, so one change makes all of them stale at once. The version is
random, not a counter: when the cache loses it, the next one is new as well.
"""

from __future__ import annotations

import secrets

from django.core.cache import cache
from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Length, Substr
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction, Site

from .models import HomePage, ProductPage, ThemaPage

STEPLEN = Page.steplen
VERSION_KEY = "contenthub:catalogusversie"


def _published_q() -> Q:
    now = timezone.now()
    return Q(live=True, expired=False) & (
        Q(expire_at__isnull=True) | Q(expire_at__gt=now)
    )


def _not_restricted_q() -> Q:
    """Not behind a view restriction on the page or an ancestor.

    Wagtail's ``.public()`` reads every restriction first and builds a
    condition per restricted page; this asks the same in SQL, in the query
    itself, so it adds no query to any read.
    """
    restrictions = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    return ~Exists(restrictions)


def _with_parent_path(queryset: QuerySet) -> QuerySet:
    return queryset.annotate(parent_path=Substr("path", 1, Length("path") - STEPLEN))


def live_themas(*, site: Site | None = None) -> QuerySet[ThemaPage]:
    """Themes that are published, under a published home page."""
    homes = HomePage.objects.filter(_published_q()).values("path")
    themas = _with_parent_path(ThemaPage.objects.filter(_published_q())).filter(
        parent_path__in=homes
    )
    if site is not None:
        themas = themas.filter(path__startswith=site.root_page.path)
    return themas.filter(_not_restricted_q()).order_by("path")


def live_products(*, site: Site | None = None) -> QuerySet[ProductPage]:
    """Products that are published, public, unexpired, under a live theme."""
    themas = _with_parent_path(ThemaPage.objects.filter(_published_q())).filter(
        parent_path__in=HomePage.objects.filter(_published_q()).values("path")
    )
    products = _with_parent_path(ProductPage.objects.filter(_published_q())).filter(
        parent_path__in=themas.values("path")
    )
    if site is not None:
        products = products.filter(path__startswith=site.root_page.path)
    return products.filter(_not_restricted_q()).order_by("path")


def catalogue_version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, secrets.token_hex(8), timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def _new_version() -> None:
    cache.set(VERSION_KEY, secrets.token_hex(8), timeout=None)


def bump_catalogue_version(**kwargs) -> None:
    """Make every cache and index built from the catalogue stale.

    At once (this process and a running test see it) and again after the
    transaction commits, so a reader that rebuilt in between from the old
    data builds again. Usable directly as a signal receiver.
    """
    _new_version()
    transaction.on_commit(_new_version)

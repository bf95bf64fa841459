"""The published catalogue: one definition of "live", one catalogue version.

Every public reader (the GraphQL API, the chatbot) starts from
:func:`live_products` or :func:`live_themas`, so the rule "only what is
published" is written once. A page counts as live when it is published, not
expired and past its ``go_live_at`` (also before ``publish_scheduled`` has run), not behind a view
restriction (on itself or an ancestor), and its theme and home page are live
as well.

The *catalogue version* of a gemeente changes whenever anything a reader
of that gemeente shows may have changed (``contenthub.signal_handlers`` and
the apps that store derived content call :func:`bump_catalogue_version`).
Readers keep caches and indexes under it, so one change makes all of that
gemeente's stale at once and leaves the other gemeenten's alone. The version
is random, not a counter: when the cache loses it, the next one is new as well.
"""

from __future__ import annotations

import secrets
import threading

from django.core.cache import cache
from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Length, Substr
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction, Site

from .models import HomePage, ProductPage, ThemaPage
from .talen import SOURCE_LANGUAGE

STEPLEN = Page.steplen
VERSION_KEY = "contenthub:catalogusversie"


def _published_q() -> Q:
    now = timezone.now()
    # Expiry and scheduled go-live count from the moment itself, not from
    # when ``publish_scheduled`` happens to run.
    return (
        Q(live=True, expired=False)
        & (Q(expire_at__isnull=True) | Q(expire_at__gt=now))
        & (Q(go_live_at__isnull=True) | Q(go_live_at__lte=now))
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


def site_root_path(site: Site, taal: str = SOURCE_LANGUAGE) -> str | None:
    """The tree path of ``site``'s home page in ``taal`` (``None``: the gemeente
    has no home page in that language, so nothing of it is live there)."""
    if taal == SOURCE_LANGUAGE:
        return site.root_page.path
    return (
        Page.objects.filter(
            translation_key=site.root_page.translation_key,
            locale__language_code=taal,
        )
        .values_list("path", flat=True)
        .first()
    )


def _in_site(queryset: QuerySet, site: Site | None, taal: str) -> QuerySet:
    if site is None:
        if taal == SOURCE_LANGUAGE:
            return queryset
        return queryset.filter(locale__language_code=taal)
    root = site_root_path(site, taal)
    if root is None:
        return queryset.none()
    return queryset.filter(path__startswith=root)


def live_themas(
    *, site: Site | None = None, taal: str = SOURCE_LANGUAGE
) -> QuerySet[ThemaPage]:
    """Themes that are published, under a published home page; ``taal``: the
    gemeente's tree in that language (Dutch by default)."""
    homes = HomePage.objects.filter(_published_q()).values("path")
    themas = _with_parent_path(ThemaPage.objects.filter(_published_q())).filter(
        parent_path__in=homes
    )
    if site is not None or taal != SOURCE_LANGUAGE:
        themas = _in_site(themas, site, taal)
    return themas.filter(_not_restricted_q()).order_by("path")


def live_products(
    *, site: Site | None = None, taal: str = SOURCE_LANGUAGE
) -> QuerySet[ProductPage]:
    """Products that are published, public, unexpired, under a live theme.

    Keep every condition in SQL, with the moment (``now``) as its only value
    from Python: ``chatbot.index.is_public`` compiles this query once per
    tree root and fills in just the page id and the moment
    (``tests/chatbot/test_answers.py`` compares the two).
    """
    themas = _with_parent_path(ThemaPage.objects.filter(_published_q())).filter(
        parent_path__in=HomePage.objects.filter(_published_q()).values("path")
    )
    products = _with_parent_path(ProductPage.objects.filter(_published_q())).filter(
        parent_path__in=themas.values("path")
    )
    if site is not None or taal != SOURCE_LANGUAGE:
        products = _in_site(products, site, taal)
    return products.filter(_not_restricted_q()).order_by("path")


ANY_SITE = "alle"
"""The version part that changes with every gemeente (for hub-wide readers)."""


def _key(part: str | int) -> str:
    return f"{VERSION_KEY}:{part}"


# Keys this process set and nobody here read since: setting them again
# changes nothing anyone could have cached in between, so a publication that
# stores ten renderings sets one new version, not ten. A commit always sets a
# new one (another process may have cached the old data under the version set
# before the commit), but only once per commit.
_unread: set[str] = set()
_unread_since_commit: set[str] = set()
_unread_lock = threading.Lock()


def catalogue_version(*, site: Site | int | None = None) -> str:
    """The version of ``site``'s catalogue (a gemeente), or of the whole hub.

    A publication in one gemeente changes that gemeente's version and the
    hub-wide one, never another gemeente's: their caches and chatbot indexes
    stay valid.
    """
    part = ANY_SITE if site is None else getattr(site, "pk", site)
    keys = [VERSION_KEY, _key(part)]
    values = cache.get_many(keys)
    for key in keys:
        if key not in values:
            cache.add(key, secrets.token_hex(8), timeout=None)
            values[key] = cache.get(key)
    with _unread_lock:
        _unread.difference_update(keys)
        _unread_since_commit.difference_update(keys)
    return "-".join(str(values[key]) for key in keys)


def site_id_of(instance: object) -> int | None:
    """The gemeente (Site id) an object belongs to; ``None`` when it is not one
    gemeente's (a Site row itself, a shared text, or not known)."""
    site_id = getattr(instance, "site_id", None)
    if site_id is not None and not isinstance(instance, Site):
        return site_id
    page_id = getattr(instance, "page_id", None)
    state = getattr(instance, "_state", None)
    cached_page = state.fields_cache.get("page") if state is not None else None
    if isinstance(instance, Page):
        url_path = instance.url_path
    elif cached_page is not None:
        url_path = cached_page.url_path
    elif page_id is not None:
        url_path = (
            Page.objects.filter(pk=page_id).values_list("url_path", flat=True).first()
        )
    else:
        return None
    if not url_path:
        return None
    for root in Site.get_site_root_paths():
        if url_path.startswith(root.root_path):
            return root.site_id
    return None


def _new_version(site_id: int | None, *, at_commit: bool = False) -> None:
    # An unknown gemeente (or the Site table itself) changes the whole hub.
    keys = [_key(ANY_SITE), VERSION_KEY if site_id is None else _key(site_id)]
    seen = _unread_since_commit if at_commit else _unread
    with _unread_lock:
        if all(key in seen for key in keys):
            return
        _unread.update(keys)
        if at_commit:
            _unread_since_commit.update(keys)
        else:
            _unread_since_commit.difference_update(keys)
    cache.set_many(dict.fromkeys(keys, secrets.token_hex(8)), timeout=None)


def bump_catalogue_version(
    sender: object = None, *, instance: object = None, **kwargs: object
) -> None:
    """Make the caches and indexes built from a gemeente's catalogue stale.

    ``instance`` (as signals send it) says which gemeente; without one the
    whole hub. At once (this process and a running test see it) and again
    after the transaction commits, so a reader that rebuilt in between from
    the old data builds again. Usable directly as a signal receiver.
    """
    site_id = site_id_of(instance) if instance is not None else None
    _new_version(site_id)
    transaction.on_commit(lambda: _new_version(site_id, at_commit=True))

"""The response cache: a catalogue version, ETags and what may be cached.

Every cached answer is stored under the current *catalogue version* of its
gemeente. A publication, an unpublication, a move, a changed snippet, view
restriction or stored rendering sets a new version for that gemeente
(``contenthub.catalogue``), so all its earlier answers are gone at once
without knowing which ones held that content, and other gemeenten's stay. The
version is random, not a counter: when the cache loses it, the next version
is new as well and an old answer can never come back.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.db.models import Min
from django.http import HttpRequest
from django.utils import timezone
from wagtail.models import Page, Site

from contenthub.catalogue import catalogue_version

_UNCACHEABLE = "_contenthub_api_uncacheable"


def make_etag(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def etag_matches(header: str, etag: str) -> bool:
    """Whether an If-None-Match header names ``etag`` (weak comparison)."""
    if header.strip() == "*":
        return True
    wanted = etag.removeprefix("W/")
    return any(
        candidate.strip().removeprefix("W/") == wanted
        for candidate in header.split(",")
    )


@dataclass(frozen=True, slots=True)
class CachedResponse:
    body: bytes
    etag: str


def response_key(request: HttpRequest, params: dict[str, Any]) -> str:
    """The cache key of an answer: catalogue version, host and the query."""
    fingerprint = hashlib.sha256(
        json.dumps(
            [request.get_host().lower(), params], sort_keys=True, default=str
        ).encode()
    ).hexdigest()
    version = catalogue_version(site=_site_id_of_request(request, params))
    return f"contenthub_api:antwoord:{version}:{fingerprint}"


def _site_id_of_request(request: HttpRequest, params: dict[str, Any]) -> int | None:
    """The gemeente whose catalogue the answer comes from, without a query.

    A query that names a gemeente itself (argument ``gemeente``) may read any
    gemeente: its answer is kept under the hub-wide version. Otherwise it is
    the gemeente of the host, found in Wagtail's cached site root paths.
    """
    if "gemeente" in json.dumps(params, default=str):
        return None
    host = request.get_host().lower().rsplit(":", 1)[0]
    default = None
    for root in Site.get_site_root_paths():
        root_host = urlsplit(root.root_url).hostname or ""
        if root_host == host:
            return root.site_id
        if default is None:
            default = root.site_id
    # Wagtail serves an unknown host from the default site; with one
    # gemeente that is the only one, with more it is not known here.
    return default if len(Site.get_site_root_paths()) == 1 else None


class _Budget:
    """The bytes of the answers this process stored, oldest first.

    Over ``CONTENTHUB_API_CACHE_MAX_TOTAL_BYTES`` the oldest answers are
    deleted from the cache until the new one fits. Per process: with Redis,
    give Redis itself a ``maxmemory`` as well (docs/api.md).
    """

    def __init__(self) -> None:
        self.sizes: OrderedDict[str, int] = OrderedDict()
        self.total = 0
        self.lock = threading.Lock()

    def admit(self, key: str, size: int, *, limit: int) -> list[str]:
        """Record ``key``; returns the keys to delete to stay within ``limit``."""
        with self.lock:
            self.total -= self.sizes.pop(key, 0)
            evicted = []
            while self.sizes and self.total + size > limit:
                old, old_size = self.sizes.popitem(last=False)
                self.total -= old_size
                evicted.append(old)
            self.sizes[key] = size
            self.total += size
            return evicted

    def clear(self) -> None:
        with self.lock:
            self.sizes.clear()
            self.total = 0


budget = _Budget()


def get_cached(key: str) -> CachedResponse | None:
    return cache.get(key)


def store(key: str, response: CachedResponse) -> bool:
    """Keep an answer, unless it is over ``CONTENTHUB_API_CACHE_MAX_ENTRY_BYTES``;
    whether it was kept."""
    size = len(response.body)
    if size > settings.CONTENTHUB_API_CACHE_MAX_ENTRY_BYTES:
        return False
    for old in budget.admit(
        key, size, limit=settings.CONTENTHUB_API_CACHE_MAX_TOTAL_BYTES
    ):
        cache.delete(old)
    cache.set(key, response, timeout=cache_timeout())
    return True


def cache_timeout() -> int:
    """``CONTENTHUB_API_CACHE_SECONDS``, but never past the next expiry date.

    Expiry happens by the clock, not by a signal (until ``publish_scheduled``
    runs), so an answer must not outlive the first page that expires.
    """
    timeout = settings.CONTENTHUB_API_CACHE_SECONDS
    now = timezone.now()
    next_expiry = Page.objects.filter(live=True, expire_at__gt=now).aggregate(
        first=Min("expire_at")
    )["first"]
    if next_expiry is not None:
        timeout = min(timeout, max(1, int((next_expiry - now).total_seconds())))
    return timeout


def mark_uncacheable(request: HttpRequest) -> None:
    """This answer is for this client only (a draft, a quality check)."""
    setattr(request, _UNCACHEABLE, True)


def is_uncacheable(request: HttpRequest) -> bool:
    return getattr(request, _UNCACHEABLE, False)

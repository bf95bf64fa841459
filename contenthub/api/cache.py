"""The response cache: a catalogue version, ETags and what may be cached.

Every cached answer is stored under the current *catalogue version*. A
publication, an unpublication, a move, a changed snippet, view restriction
or stored rendering sets a new version (``contenthub.catalogue``), so all earlier
answers are gone at once without knowing which ones held that content. The
version is random, not a counter: when the cache loses it, the next version
is new as well and an old answer can never come back.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db.models import Min
from django.http import HttpRequest
from django.utils import timezone
from wagtail.models import Page

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
    return f"contenthub_api:antwoord:{catalogue_version()}:{fingerprint}"


def get_cached(key: str) -> CachedResponse | None:
    return cache.get(key)


def store(key: str, response: CachedResponse) -> None:
    cache.set(key, response, timeout=cache_timeout())


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

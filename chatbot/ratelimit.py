"""Rate limiting per client, in Django's cache (shared between processes with Redis).

A fixed window: ``CHATBOT_RATE_LIMIT = "30/m"`` allows 30 questions per
client per clock minute. Simple, one cache round trip per question, and at
worst twice the limit across a window boundary, which is fine for keeping
a misbehaving script from flooding the hub.
"""

from __future__ import annotations

import hashlib
import re
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest

_PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_SPEC = re.compile(r"^\s*(\d+)\s*/\s*(\d*)\s*([smhd])\w*\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Limiet:
    aantal: int
    seconden: int


@dataclass(frozen=True, slots=True)
class Besluit:
    toegestaan: bool
    opnieuw_over: int = 0
    """Seconds until the window ends (for the Retry-After header)."""


def parse_limit(spec: str) -> Limiet | None:
    """``"30/m"`` → 30 per 60 seconds; ``"100/5m"`` works too; ``""`` or ``"0"`` → off."""
    if not spec or spec.strip() in {"0", "uit", "off"}:
        return None
    found = _SPEC.match(spec)
    if not found:
        raise ImproperlyConfigured(
            f"CHATBOT_RATE_LIMIT moet de vorm aantal/periode hebben, zoals '30/m', niet {spec!r}."
        )
    aantal, veelvoud, eenheid = found.groups()
    return Limiet(int(aantal), int(veelvoud or 1) * _PERIODS[eenheid.lower()])


def client_ip(request: HttpRequest) -> str:
    """The client's address, from ``CHATBOT_CLIENT_IP_HEADER``.

    Behind a proxy set it to ``HTTP_X_FORWARDED_FOR``; the right-most
    address is used, the one the hub's own proxy added, because a client
    can write anything in the left part.
    """
    header = settings.CHATBOT_CLIENT_IP_HEADER
    value = request.META.get(header, "") or request.META.get("REMOTE_ADDR", "")
    return value.split(",")[-1].strip() or "onbekend"


def client_key(request: HttpRequest) -> str:
    """The client's address as a keyed hash: the cache holds no IP address."""
    secret = settings.SECRET_KEY.encode("utf-8")
    return hashlib.blake2b(
        client_ip(request).encode("utf-8"), key=secret[:64], digest_size=16
    ).hexdigest()


def check_rate_limit(request: HttpRequest, *, now: float | None = None) -> Besluit:
    limiet = parse_limit(settings.CHATBOT_RATE_LIMIT)
    if limiet is None:
        return Besluit(toegestaan=True)
    now = time.time() if now is None else now
    window = int(now // limiet.seconden)
    key = f"chatbot:limiet:{client_key(request)}:{limiet.seconden}:{window}"
    cache.add(key, 0, timeout=limiet.seconden + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=limiet.seconden + 1)
        count = 1
    if count > limiet.aantal:
        return Besluit(
            toegestaan=False,
            opnieuw_over=max(1, int((window + 1) * limiet.seconden - now)),
        )
    return Besluit(toegestaan=True)

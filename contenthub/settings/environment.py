"""Read settings from the environment, cast by the type of the default."""

from __future__ import annotations

import os
from typing import TypeVar

from django.core.exceptions import ImproperlyConfigured

T = TypeVar("T", str, bool, int, list)

_TRUE = {"1", "true", "yes", "on", "ja"}
_FALSE = {"0", "false", "no", "off", "nee", ""}


def env(name: str, default: T) -> T:
    """Return environment variable ``name`` cast to the type of ``default``.

    Lists are comma separated. A value that cannot be cast raises
    ``ImproperlyConfigured`` naming the variable, instead of a silent default.
    """
    raw = os.environ.get(name)
    if raw is None:
        return default
    if isinstance(default, bool):
        value = raw.strip().lower()
        if value in _TRUE:
            return True  # type: ignore[return-value]
        if value in _FALSE:
            return False  # type: ignore[return-value]
        raise ImproperlyConfigured(f"{name} moet true of false zijn, niet {raw!r}.")
    if isinstance(default, int):
        try:
            return int(raw)  # type: ignore[return-value]
        except ValueError:
            raise ImproperlyConfigured(
                f"{name} moet een geheel getal zijn, niet {raw!r}."
            ) from None
    if isinstance(default, list):
        return [item.strip() for item in raw.split(",") if item.strip()]  # type: ignore[return-value]
    return raw  # type: ignore[return-value]


def require_env(name: str, *, why: str) -> str:
    """Return a required environment variable or fail loudly with a Dutch message."""
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"De omgevingsvariabele {name} ontbreekt. {why}")
    return value


def parse_client_urls(pairs: list[str]) -> dict[str, str]:
    """``["gemeente.nl=https://www.gemeente.nl/preview", ...]`` as a dict.

    The keys are Wagtail Site hostnames, or ``default`` for every other site;
    this is the ``CLIENT_URLS`` of wagtail-headless-preview.
    """
    urls: dict[str, str] = {}
    for pair in pairs:
        hostname, separator, url = pair.partition("=")
        hostname, url = hostname.strip(), url.strip()
        if not separator or not hostname or not url.startswith(("https://", "http://")):
            raise ImproperlyConfigured(
                "CONTENTHUB_PREVIEW_CLIENT_URLS moet de vorm "
                "'hostnaam=https://front-end/preview' hebben (meerdere gescheiden "
                f"door komma's), niet {pair!r}."
            )
        urls[hostname] = url
    return urls

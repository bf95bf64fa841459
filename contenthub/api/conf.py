"""Settings helpers that run while settings load: no Django imports here."""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured


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

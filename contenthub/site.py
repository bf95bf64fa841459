"""What every public page shares: its stylesheets and its title."""

from __future__ import annotations

from django.conf import settings
from django.templatetags.static import static

HUISSTIJL_URL = "/huisstijl.css"
"""The gemeente's own colour, served per site (``contenthub.views.huisstijl``)."""


def stylesheet_urls() -> tuple[str, ...]:
    """The NL Design System CSS, the hub's fonts and layout, then the
    gemeente's colour: the same on every public page."""
    return (
        *(static(path) for path in settings.CONTENTHUB_PUBLIC_STYLESHEETS),
        HUISSTIJL_URL,
    )


def page_title(title: str, gemeente_naam: str) -> str:
    """``Titel | Gemeente``, but the gemeente's name only once on its home page."""
    title = (title or "").strip()
    gemeente_naam = (gemeente_naam or "").strip()
    if not gemeente_naam or title.casefold() == gemeente_naam.casefold():
        return title or gemeente_naam
    if not title:
        return gemeente_naam
    return f"{title} | {gemeente_naam}"

"""The NL Design System CSS of the web channel.

We load the white-label Utrecht component library with the neutral
"voorbeeld" theme, never a real gemeente's design tokens. ``scripts/frontend``
installs both files; without them the same semantic HTML shows unstyled.
"""

from __future__ import annotations

from django.conf import settings

STYLESHEETS = ("component-library.css", "voorbeeld-theme.css")


def stylesheet_urls() -> tuple[str, ...]:
    return tuple(f"{settings.STATIC_URL}renderers/nlds/{name}" for name in STYLESHEETS)

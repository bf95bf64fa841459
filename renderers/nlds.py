"""The NL Design System CSS, when ``scripts/frontend`` has installed it.

We load the white-label component library with the neutral "voorbeeld"
theme; never a real gemeente's design tokens.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from django.conf import settings

STATIC_DIR = Path(__file__).resolve().parent / "static" / "renderers" / "nlds"
STYLESHEETS = ("component-library.css", "voorbeeld-theme.css")


@cache
def stylesheet_urls() -> tuple[str, ...]:
    if not all((STATIC_DIR / name).exists() for name in STYLESHEETS):
        return ()
    return tuple(f"{settings.STATIC_URL}renderers/nlds/{name}" for name in STYLESHEETS)

"""Channel renderers: one product, written once, adapted to every channel.

Public API::

    renderers.CHANNELS                        # registered channel keys
    renderers.render(page, "tweet")           # -> Rendering
    renderers.render(page, "web", variant="fragment")
    renderers.consistency(page)               # -> list[Finding]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import channels as _channels  # noqa: F401  (registers the channels)
from .base import Renderer, Rendering
from .registry import UnknownChannel, register, renderer_registry

if TYPE_CHECKING:
    from contenthub.findings import Finding
    from contenthub.models import ProductPage
    from contenthub.structured import ProductSnapshot

CHANNELS: tuple[str, ...] = tuple(renderer_registry.names())


def render(
    page: ProductPage | ProductSnapshot, channel: str, **context: Any
) -> Rendering:
    """Render a product (page or snapshot) for one channel."""
    from .services import snapshot_of

    return renderer_registry[channel].render(snapshot_of(page), **context)


def consistency(page: ProductPage | ProductSnapshot) -> list[Finding]:
    """Check that every channel carries the same antwoord, amounts, termijn and link."""
    from .crosscheck import check_consistency
    from .services import render_all, snapshot_of

    snapshot = snapshot_of(page)
    return check_consistency(snapshot, render_all(snapshot))


__all__ = [
    "CHANNELS",
    "Renderer",
    "Rendering",
    "UnknownChannel",
    "consistency",
    "register",
    "render",
    "renderer_registry",
]

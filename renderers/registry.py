"""The registry of channels. A new channel is one module that registers itself."""

from __future__ import annotations

from collections.abc import Iterator

from django.core.exceptions import ImproperlyConfigured

from .base import Renderer


class UnknownChannel(KeyError):
    def __init__(self, channel: str, known: list[str]) -> None:
        super().__init__(channel)
        self.message = f"Onbekend kanaal '{channel}'. Kies uit: {', '.join(known)}."

    def __str__(self) -> str:
        return self.message


class RendererRegistry:
    """Channels by key, in registration order. Tests make their own instance."""

    def __init__(self) -> None:
        self._renderers: dict[str, Renderer] = {}

    def register(self, renderer_class: type) -> type:
        """Class decorator: instantiate and register a renderer."""
        channel = getattr(renderer_class, "channel", None)
        if not isinstance(channel, str) or not channel:
            raise TypeError(f"{renderer_class.__name__} mist een 'channel'-sleutel.")
        if channel in self._renderers:
            raise ImproperlyConfigured(f"Het kanaal '{channel}' is al geregistreerd.")
        for attribute in ("label", "variants", "render"):
            if not hasattr(renderer_class, attribute):
                raise TypeError(f"{renderer_class.__name__} mist '{attribute}'.")
        self._renderers[channel] = renderer_class()
        return renderer_class

    def __getitem__(self, channel: str) -> Renderer:
        try:
            return self._renderers[channel]
        except KeyError:
            raise UnknownChannel(channel, self.names()) from None

    def __iter__(self) -> Iterator[Renderer]:
        return iter(self._renderers.values())

    def get(self, channel: str, default: Renderer | None = None) -> Renderer | None:
        return self._renderers.get(channel, default)

    def __contains__(self, channel: object) -> bool:
        return channel in self._renderers

    def names(self) -> list[str]:
        return list(self._renderers)


renderer_registry = RendererRegistry()
register = renderer_registry.register

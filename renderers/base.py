"""The renderer contract: a snapshot goes in, a ``Rendering`` comes out."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any, ClassVar, Protocol

from contenthub.structured import ProductSnapshot


@dataclass(frozen=True, slots=True)
class Rendering:
    """One channel's version of a product."""

    channel: str
    media_type: str
    content: str | bytes
    variant: str = ""
    """"" for the channel's main form; otherwise e.g. "fragment", "pdf", "thread"."""

    @property
    def text(self) -> str:
        """The content as text (PDFs are not text: use the brief's main variant)."""
        if isinstance(self.content, bytes):
            raise TypeError(f"De weergave {self.channel}/{self.variant} is binair.")
        return self.content

    @property
    def data(self) -> bytes:
        return (
            self.content
            if isinstance(self.content, bytes)
            else self.content.encode("utf-8")
        )

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha256(self.data).hexdigest()[:32] + '"'


class Renderer(Protocol):
    """A channel. Register an implementation with ``renderers.registry.register``."""

    channel: ClassVar[str]
    """Stable key, stored with every rendering and used by the API: never rename."""
    label: ClassVar[str]
    """Dutch name for editors."""
    variants: ClassVar[tuple[str, ...]]
    """Every variant this channel stores at publication; "" is the main one."""
    # Optional: ``carries = {variant: frozenset(facts)}`` tells the consistency
    # check which facts a variant carries ("kort_antwoord", "bedragen",
    # "termijn", "link"); a variant not listed carries all of them.

    def render(
        self, product: ProductSnapshot, *, variant: str = "", **context: Any
    ) -> Rendering: ...

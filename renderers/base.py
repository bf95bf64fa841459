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
    source_text: str | None = None
    """For a binary rendering (the letter as PDF): the text it was made from,
    which is what its reader sees, so checks read it without parsing the file."""

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
    # Optional: ``check(product, rendering) -> list[Finding]`` reports what is
    # wrong for this channel (the gate's "kanalen" check runs it at publication).
    # A rendering with empty content means: this channel does not publish this
    # product (an SDG channel for a product outside the SDG); it is stored like
    # any other, skipped by the consistency check, and left out by the readers.

    def render(
        self, product: ProductSnapshot, *, variant: str = "", **context: Any
    ) -> Rendering: ...

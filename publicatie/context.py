"""What every gate check receives: the page, and what is derived from it once."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from contenthub.structured import ProductSnapshot, product_snapshot

if TYPE_CHECKING:
    from contenthub.models import ProductPage
    from renderers.base import Rendering
    from taalcheck.config import Settings


@dataclass
class GateContext:
    page: ProductPage
    """The content to check: a revision's object or the editor's draft."""
    revision_id: int | None = None
    _cache: dict = field(default_factory=dict, repr=False)

    @cached_property
    def snapshot(self) -> ProductSnapshot:
        return product_snapshot(self.page, revision_id=self.revision_id)

    @cached_property
    def taal_settings(self) -> Settings:
        """The taalcheck's settings as the beheerder set them, read once per verdict."""
        from taalcheck.models import get_settings

        return get_settings()

    @cached_property
    def renderings(self) -> list[Rendering]:
        from renderers.services import render_all

        return render_all(self.snapshot)

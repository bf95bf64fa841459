"""The stored rendering of a product's live revision, batched per channel."""

from __future__ import annotations

from collections.abc import Sequence

from ..dataloaders import DataLoader
from .services import WeergaveKey, WeergaveValue, stored_weergaven


class WeergaveLoader(DataLoader[WeergaveKey, WeergaveValue | None]):
    context_key = "weergave"

    def batch_load(self, keys: Sequence[WeergaveKey]) -> list[WeergaveValue | None]:
        return stored_weergaven(keys)

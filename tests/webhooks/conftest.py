"""Webhooks on re-renders: own small products, apart from the demo that
``tests/koppelingen`` keeps loaded for its whole package."""

from __future__ import annotations

from tests.koppelingen.receiver import receiver  # noqa: F401 (a fixture)

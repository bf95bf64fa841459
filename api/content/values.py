"""Snippet fields as the API shows them.

StreamField blocks are interpreted by ``contenthub.structured`` (the one
place that knows the blocks); product types call its per-field readers
(``stappen_of``, ``kosten_of``, ...) directly.
"""

from __future__ import annotations

from contenthub.structured import Openingstijd, sorted_openingstijden


def openingstijden(stream) -> list[Openingstijd]:
    return list(sorted_openingstijden(stream))

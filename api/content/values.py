"""Snippet fields as the API shows them.

StreamField blocks are interpreted by ``contenthub.structured`` (the one
place that knows the blocks); product types call its per-field readers
(``stappen_of``, ``kosten_of``, ...) directly.
"""

from __future__ import annotations

from dataclasses import replace

from contenthub.structured import Openingstijd, sorted_openingstijden


def openingstijden(stream, taal: str = "nl") -> list[Openingstijd]:
    """The opening hours, their ``tekst`` in ``taal`` (the product's language)."""
    regels = sorted_openingstijden(stream)
    if taal == "nl":
        return list(regels)
    return [replace(regel, taal=taal) for regel in regels]

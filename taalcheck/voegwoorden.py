"""The Dutch subordinating conjunctions, read once from ``data/voegwoorden.csv``.

One list for every part of the taalcheck that needs to know where a
subordinate clause begins: the clause count of the LiNT-style features
(``lint``), the end of a clause after a past participle (``passief``) and the
rule ``taal.bijzin-vooraan``. The sources are named in the file.
"""

from __future__ import annotations

from .lexicon import read_csv

_ROWS = read_csv("voegwoorden.csv")

ONDERSCHIKKEND: frozenset[str] = frozenset(row["woord"] for row in _ROWS)
"""Every subordinating conjunction of the list."""

BIJZIN_BEGIN: frozenset[str] = frozenset(
    row["woord"] for row in _ROWS if row["dubbelzinnig"] != "ja"
)
"""The conjunctions that start a subordinate clause wherever they stand:
the list without the words that are usually an adverb or a preposition in
our texts ("daar", "sinds")."""

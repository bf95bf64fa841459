"""Country names, so "ik ga naar Duitsland verhuizen" is about abroad.

The names come from the Unicode CLDR as shipped in the ``language-data``
package (used through ``langcodes``): every ISO 3166 region code's name in
the question's language (Dutch, or English: "moving to Germany"), folded.
Nothing is fetched at run time. A question that names another country than
the Netherlands gets the catalogue's word "buitenland" ("abroad") added, as
a synonym would.
"""

from __future__ import annotations

from functools import cache
from itertools import product
from string import ascii_uppercase

from .normalise import fold

THUISLAND = frozenset({"nederland", "holland", "netherlands", "the netherlands"})
NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB", "AA", "QM"})
"""CLDR codes for groupings, unknown or private-use regions."""


@cache
def country_names(taal: str = "nl") -> frozenset[tuple[str, ...]]:
    """The folded names in ``taal`` of all countries (as word tuples), without
    the Netherlands."""
    try:
        from langcodes import Language
    except ImportError:  # pragma: no cover - langcodes is a dependency of wordfreq
        return frozenset()
    names: set[tuple[str, ...]] = set()
    for first, second in product(ascii_uppercase, repeat=2):
        code = first + second
        if code in NOT_COUNTRIES or code[0] == "Q" or (code[0] == "X" and code != "XK"):
            continue
        try:
            name = Language.get(f"und-{code}").territory_name(taal)
        except (LookupError, ValueError, ImportError):
            continue
        folded = tuple(fold(name).split())
        if not folded or name == code or " ".join(folded) in THUISLAND:
            continue
        names.add(folded)
    return frozenset(names)


def country_positions(question_words: list[str], taal: str = "nl") -> frozenset[int]:
    """Positions of the words in ``question_words`` that name a foreign country."""
    names = country_names(taal)
    longest = _longest_name(taal)
    found: set[int] = set()
    for start in range(len(question_words)):
        for length in range(min(longest, len(question_words) - start), 0, -1):
            if tuple(question_words[start : start + length]) in names:
                found.update(range(start, start + length))
                break
    return frozenset(found)


@cache
def _longest_name(taal: str) -> int:
    """The most words a country's name has in ``taal``."""
    return max((len(n) for n in country_names(taal)), default=0)

"""Search in one gemeente's live products, with Dutch stemming on every database.

Wagtail's database backend stems Dutch only on PostgreSQL; on the SQLite
default "verhuizingen" would not find "verhuizing". So the hub ranks in
Python, the same way on every database: each product's title, zoektermen,
UPL-naam, kort antwoord and "wat is het" are split into words and stemmed with
the Snowball Dutch stemmer (the stemmer behind PostgreSQL's ``dutch``
configuration), and a query word scores where its stem occurs. The title and
the zoektermen weigh most, so a product named after the question comes first.

The index of a gemeente is built from :func:`contenthub.catalogue.live_products`
(only what is published) and kept in the cache under the catalogue version,
so any publication makes it stale at once. A gemeente has hundreds of
products at most; building the index takes milliseconds.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer
from django.core.cache import cache
from django.db.models import QuerySet
from django.utils.html import strip_tags
from wagtail.models import Site

from .catalogue import catalogue_version, live_products
from .models import ProductPage, ProductZoekterm

MAX_QUERY_WORDS = 20
MIN_PART_LENGTH = 5
"""A query stem this long also matches inside a compound ("vergunning" in
"parkeervergunning"), at half the weight."""

WEIGHTS = {
    "titel": 8.0,
    "zoektermen": 6.0,
    "upl_naam": 3.0,
    "kort_antwoord": 2.0,
    "wat_is_het": 1.0,
}
"""How much a match in each field counts: title and zoektermen first."""

STOPWOORDEN = frozenset(
    [
        "aan",
        "al",
        "alle",
        "als",
        "bij",
        "dan",
        "dat",
        "de",
        "deze",
        "die",
        "dit",
        "door",
        "een",
        "en",
        "er",
        "ga",
        "gaat",
        "ge",
        "geen",
        "had",
        "heb",
        "heeft",
        "het",
        "hoe",
        "hun",
        "ik",
        "in",
        "is",
        "je",
        "kan",
        "kun",
        "kunnen",
        "me",
        "met",
        "mijn",
        "moet",
        "na",
        "naar",
        "niet",
        "nog",
        "of",
        "om",
        "ons",
        "ook",
        "op",
        "over",
        "te",
        "tot",
        "u",
        "uw",
        "van",
        "voor",
        "waar",
        "wat",
        "welke",
        "wie",
        "wil",
        "wij",
        "wordt",
        "ze",
        "zijn",
        "zo",
    ]
)
"""Words that say nothing about a product; a query of only these finds nothing."""

CACHE_SECONDS = 60 * 60
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _stemmer() -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("dutch")


def stems(text: str) -> list[str]:
    """The Dutch stems of the words in ``text``, lower case, in order."""
    words = _WORD.findall(text.lower())
    return _stemmer().stemWords(words) if words else []


def query_stems(zoek: str) -> list[str]:
    """The stems a query searches for: its words without stopwords, at most 20.

    Only words count, so quotes, brackets and operators are no syntax here.
    """
    words = [w for w in _WORD.findall(zoek.lower()) if w not in STOPWOORDEN]
    unique = list(dict.fromkeys(_stemmer().stemWords(words)))
    return unique[:MAX_QUERY_WORDS]


@dataclass(frozen=True, slots=True)
class IndexEntry:
    pk: int
    fields: dict[str, frozenset[str]]


def _entries(products: QuerySet[ProductPage]) -> list[IndexEntry]:
    rows = list(
        products.values_list("pk", "title", "upl_naam", "kort_antwoord", "wat_is_het")
    )
    terms: dict[int, list[str]] = defaultdict(list)
    for pk, name in ProductZoekterm.objects.filter(
        content_object_id__in=[row[0] for row in rows]
    ).values_list("content_object_id", "tag__name"):
        terms[pk].append(name)
    return [
        IndexEntry(
            pk=pk,
            fields={
                "titel": frozenset(stems(title)),
                "zoektermen": frozenset(stems(" ".join(terms[pk]))),
                "upl_naam": frozenset(stems(upl_naam or "")),
                "kort_antwoord": frozenset(stems(kort_antwoord or "")),
                "wat_is_het": frozenset(stems(strip_tags(wat_is_het or ""))),
            },
        )
        for pk, title, upl_naam, kort_antwoord, wat_is_het in rows
    ]


def site_index(site: Site) -> list[IndexEntry]:
    """The search index of one gemeente's live products, in tree order."""
    key = f"contenthub:zoekindex:{site.pk}:{catalogue_version()}"
    entries = cache.get(key)
    if entries is None:
        entries = _entries(live_products(site=site))
        cache.set(key, entries, CACHE_SECONDS)
    return entries


def _score(entry: IndexEntry, wanted: Iterable[str]) -> float:
    score = 0.0
    for stem in wanted:
        for field, weight in WEIGHTS.items():
            words = entry.fields[field]
            if stem in words:
                score += weight
            elif len(stem) >= MIN_PART_LENGTH and any(stem in w for w in words):
                score += weight / 2
    return score


def ranked_product_ids(*, site: Site, zoek: str) -> list[int]:
    """Ids of the gemeente's live products that match ``zoek``, best first.

    Ties keep the order of the tree. A query without a meaningful word
    finds nothing.
    """
    wanted = query_stems(zoek)
    if not wanted:
        return []
    scored = [
        (_score(entry, wanted), n, entry.pk) for n, entry in enumerate(site_index(site))
    ]
    return [
        pk for score, _, pk in sorted(scored, key=lambda s: (-s[0], s[1])) if score > 0
    ]


def search_products(*, site: Site, zoek: str, limit: int = 50) -> list[ProductPage]:
    """The gemeente's live products for a query, best first (at most ``limit``)."""
    ids = ranked_product_ids(site=site, zoek=zoek)[:limit]
    by_pk = live_products(site=site).in_bulk(ids) if ids else {}
    return [by_pk[pk] for pk in ids if pk in by_pk]

"""Tweet: one post of at most 280 characters, counted the way X counts them.

Length is measured with ``twitter-text-parser`` (the twitter-text v3 rules:
weighted characters, and a URL with a known top-level domain counts as 23).
The kort antwoord is shortened only at a sentence or clause boundary.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Any

from twitter_text import parse_tweet

from contenthub.structured import ProductSnapshot
from contenthub.text import sentence_texts

from ..base import Rendering
from ..labels import label
from ..registry import register

MAX_WEIGHTED_LENGTH = 280
ELLIPSIS = "…"
_CLAUSE_BOUNDARY = re.compile(r"[,;:](?=\s)")


def weighted_length(text: str) -> int:
    return parse_tweet(text).weightedLength


def fits(text: str) -> bool:
    return weighted_length(text) <= MAX_WEIGHTED_LENGTH


@register
class TweetRenderer:
    channel = "tweet"
    label = "Tweet"
    variants = ("", "thread")
    # One post has room for the answer, the main amount and the link only.
    carries = {"": frozenset({"kort_antwoord", "bedragen", "link"})}

    def render(
        self, product: ProductSnapshot, *, variant: str = "", **context: Any
    ) -> Rendering:
        if variant == "thread" or context.get("thread"):
            posts = thread(product)
            content = json.dumps({"posts": posts}, ensure_ascii=False, indent=2)
            return Rendering(self.channel, "application/json", content, "thread")
        return Rendering(
            self.channel, "text/plain; charset=utf-8", single_post(product), variant
        )


def amount_phrase(product: ProductSnapshot, body: str) -> str:
    """The main amount, unless the answer already says it."""
    if product.kosten_gratis:
        word = "free" if product.taal == "en" else "gratis"
        return "" if word in body.lower() else word.capitalize() + "."
    hoofd = product.hoofdbedrag
    if hoofd is None or hoofd.bedrag in amounts_in(body):
        return ""
    return label(product.taal, "kosten_kort", tekst=hoofd.bedrag_tekst)


_AMOUNT = re.compile(r"€\s?(\d{1,3}(?:\.\d{3})*|\d+)(?:,(\d{2}|-))?")


def amounts_in(text: str) -> set[Decimal]:
    """The euro amounts a text names, as values: "€ 120", "€ 120,00" and
    "€ 120,-" are one amount, so the post never names it twice."""
    found = set()
    for euros, cents in _AMOUNT.findall(text):
        whole = euros.replace(".", "")
        found.add(Decimal(f"{whole}.{cents if cents.isdigit() else '00'}"))
    return found


def _compose(body: str, product: ProductSnapshot) -> str:
    parts = [body, amount_phrase(product, body), _outdated(product), product.url]
    return " ".join(part for part in parts if part)


def _outdated(product: ProductSnapshot) -> str:
    """A translation whose Dutch source changed since says so (short: the
    post's link leads to the page that links to the Dutch one)."""
    return label(product.taal, "verouderd_kort") if product.verouderd else ""


def single_post(product: ProductSnapshot) -> str:
    sentences = sentence_texts(product.kort_antwoord)
    # As many whole sentences as fit, longest first.
    for count in range(len(sentences), 0, -1):
        post = _compose(" ".join(sentences[:count]), product)
        if fits(post):
            return post
    # Not even the first sentence fits: cut it at the last clause that does.
    first = sentences[0] if sentences else product.title
    boundaries = [match.start() for match in _CLAUSE_BOUNDARY.finditer(first)]
    for end in reversed(boundaries):
        post = _compose(first[:end].rstrip() + ELLIPSIS, product)
        if fits(post):
            return post
    return _compose(product.title + ".", product)


def thread(product: ProductSnapshot) -> list[str]:
    """The answer and the main facts as numbered posts, each within the limit."""
    texts: list[str] = []
    current = ""
    for sentence in sentence_texts(product.kort_antwoord):
        candidate = f"{current} {sentence}".strip()
        if current and not fits(candidate + " (10/10)"):
            texts.append(current)
            current = sentence
        else:
            current = candidate
    if current:
        texts.append(current)
    if product.kosten_gratis:
        texts.append(
            label(
                product.taal,
                "kosten_kort",
                tekst=label(product.taal, "gratis")[:-1].lower(),
            )
        )
    elif product.kosten:
        regels = "; ".join(
            f"{r.omschrijving}: {r.bedrag_tekst} {r.per_label}" for r in product.kosten
        )
        texts.extend(_wrap(label(product.taal, "kosten_kort", tekst=regels)))
    if product.termijn:
        texts.extend(
            _wrap(f"{label(product.taal, 'termijn')} {product.termijn.omschrijving}")
        )
    if product.stappen:
        stappen = " ".join(
            f"{nummer}. {stap.titel}." for nummer, stap in enumerate(product.stappen, 1)
        )
        texts.extend(_wrap(label(product.taal, "stappen_kort", tekst=stappen)))
    texts.append(
        f"{label(product.taal, 'alles_over', title=product.title)}: {product.url}"
    )
    if product.verouderd and product.bron_url:
        texts.append(f"{label(product.taal, 'verouderd')} {product.bron_url}")
    total = len(texts)
    return [f"{text} ({nummer}/{total})" for nummer, text in enumerate(texts, 1)]


def _wrap(text: str) -> list[str]:
    """Split a long text into posts at word boundaries (room left for the number)."""
    if fits(text + " (10/10)"):
        return [text]
    posts: list[str] = []
    current = ""
    # An amount ("€ 84,29") is one word: never split it over two posts.
    for word in re.findall(r"€ \S+|\S+", text):
        candidate = f"{current} {word}".strip()
        if current and not fits(candidate + " (10/10)"):
            posts.append(current)
            current = word
        else:
            current = candidate
    if current:
        posts.append(current)
    return posts

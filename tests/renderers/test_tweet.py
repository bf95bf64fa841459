"""Tweet: at most 280 characters as X counts them, shortened only at a boundary."""

from __future__ import annotations

import dataclasses
import json

import pytest
from twitter_text import parse_tweet

import renderers
from renderers.channels.tweet import _AMOUNT, amounts_in, weighted_length


def test_every_demo_tweet_fits_and_carries_answer_amount_and_link(demo_products):
    for product in demo_products:
        tweet = renderers.render(product, "tweet").text
        assert parse_tweet(tweet).weightedLength <= 280, product.slug
        assert tweet.endswith(product.url)
        if product.hoofdbedrag:
            # The main amount, in whatever form the answer writes it, once.
            named = [
                value
                for value in _AMOUNT_VALUES(tweet)
                if value == product.hoofdbedrag.bedrag
            ]
            assert named == [product.hoofdbedrag.bedrag], (product.slug, tweet)


def _AMOUNT_VALUES(text):
    return [
        value for match in _AMOUNT.finditer(text) for value in amounts_in(match.group())
    ]


def test_the_tweet_names_an_amount_once_whatever_its_form(demo_products):
    product = next(p for p in demo_products if p.hoofdbedrag)
    bedrag = product.hoofdbedrag.bedrag
    short = f"€ {bedrag:.0f}" if bedrag == bedrag.to_integral() else None
    forms = [product.hoofdbedrag.bedrag_tekst] + (
        [short, f"{short},-"] if short else []
    )
    for form in forms:
        answer = f"Dit kost {form} per keer."
        tweet = renderers.render(
            dataclasses.replace(product, kort_antwoord=answer), "tweet"
        ).text
        assert "Kosten:" not in tweet, tweet
    other = dataclasses.replace(product, kort_antwoord="U regelt dit bij de gemeente.")
    tweet = renderers.render(other, "tweet").text
    assert f"Kosten: {product.hoofdbedrag.bedrag_tekst}." in tweet


def test_a_url_with_a_real_domain_counts_as_23():
    url = "https://www.gemeente.nl/" + "a" * 100
    assert weighted_length(url) == 23
    assert weighted_length("Zie " + url) == 27


def test_cjk_and_emoji_count_double_like_x_counts_them():
    assert weighted_length("漢字") == 4


def long_answer(product):
    long = (
        "U vraagt dit aan bij de gemeente en u neemt daarvoor alle papieren mee die bij de aanvraag horen. "
        "Daarna controleert een medewerker of alles klopt en of u aan alle voorwaarden voldoet, ook voor uw kinderen. "
        "Na vijf werkdagen haalt u het document op aan de balie van het stadhuis in het centrum van de stad."
    )
    return dataclasses.replace(
        product, kort_antwoord=long, url="https://www.voorbeeldstad.nl/p"
    )


def test_a_long_answer_is_shortened_at_a_sentence_boundary(demo_products):
    product = long_answer(next(p for p in demo_products if p.slug == "paspoort"))
    tweet = renderers.render(product, "tweet").text
    assert weighted_length(tweet) <= 280
    body = tweet.removesuffix(" https://www.voorbeeldstad.nl/p")
    assert body.startswith("U vraagt dit aan bij de gemeente")
    first, second, _third = product.kort_antwoord.split(". ")
    assert body.startswith(f"{first}. {second}.")
    assert "Na vijf werkdagen" not in body


def test_a_first_sentence_that_does_not_fit_is_cut_at_a_clause_never_mid_word(
    demo_products,
):
    short, long = " ".join(["aanvraag"] * 15), " ".join(["aanvraag"] * 30)
    product = dataclasses.replace(
        demo_products[0],
        kort_antwoord=f"U doet uw {short}, daarna volgt nog {long}, en dan is het klaar.",
        url="https://www.voorbeeldstad.nl/p",
    )
    tweet = renderers.render(product, "tweet").text
    assert weighted_length(tweet) <= 280
    assert "…" in tweet
    before = tweet.split("…")[0]
    assert product.kort_antwoord.startswith(before)
    assert product.kort_antwoord[len(before)] == ","  # cut at the clause boundary


@pytest.mark.parametrize("slug", ["paspoort", "onroerendezaakbelasting"])
def test_the_thread_numbers_posts_that_each_fit(demo_products, slug):
    product = next(p for p in demo_products if p.slug == slug)
    posts = json.loads(renderers.render(product, "tweet", variant="thread").text)[
        "posts"
    ]
    assert len(posts) >= 3
    for number, post in enumerate(posts, start=1):
        assert post.endswith(f"({number}/{len(posts)})")
        assert weighted_length(post) <= 280
    assert product.url in posts[-1]
